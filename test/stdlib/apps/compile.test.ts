/**
 * Each apps-group pattern compiled from a small program in both syntaxes: the policy allows exactly
 * the calls the intent names (each action on the resources AWS authorises it against) and nothing
 * else, and a name AWS would refuse is a coded diagnostic at the name.
 */
import { describe, expect, it } from 'vitest';
import { at } from '../../helpers/compile.js';
import { allowed, arn, dsl, pairs, yaml } from './support.js';

interface Case {
  readonly grant: string;
  readonly target: string;
  readonly allows: readonly string[];
}

const SM = arn('states', 'stateMachine:orders-flow');
const EXECUTIONS = arn('states', 'execution:orders-flow:*');

const CASES: readonly Case[] = [
  {
    grant: 'purge sqs queue',
    target: 'orders',
    allows: pairs(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:PurgeQueue'], [arn('sqs', 'orders')]),
  },
  { grant: 'subscribe sns topic', target: 'alerts', allows: pairs(['sns:Subscribe'], [arn('sns', 'alerts')]) },
  {
    grant: 'run states state-machine',
    target: 'orders-flow',
    allows: [
      ...pairs(['states:StartExecution', 'states:StartSyncExecution'], [SM]),
      ...pairs(['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'], [EXECUTIONS]),
    ],
  },
  {
    grant: 'read states state-machine',
    target: 'orders-flow',
    allows: [
      ...pairs(['states:DescribeStateMachine', 'states:ListExecutions'], [SM]),
      ...pairs(['states:DescribeExecution', 'states:DescribeStateMachineForExecution', 'states:GetExecutionHistory'], [EXECUTIONS]),
    ],
  },
  { grant: 'redrive states state-machine', target: 'orders-flow', allows: pairs(['states:RedriveExecution'], [EXECUTIONS]) },
  { grant: 'create logs group', target: '/aws/lambda/processor', allows: pairs(['logs:CreateLogGroup'], [arn('logs', 'log-group:/aws/lambda/processor')]) },
  {
    grant: 'read scheduler schedules',
    target: 'reminders',
    allows: [...pairs(['scheduler:GetScheduleGroup'], [arn('scheduler', 'schedule-group/reminders')]), ...pairs(['scheduler:GetSchedule'], [arn('scheduler', 'schedule/reminders/*')])],
  },
  { grant: 'write scheduler schedules', target: 'reminders', allows: pairs(['scheduler:CreateSchedule', 'scheduler:UpdateSchedule'], [arn('scheduler', 'schedule/reminders/*')]) },
  { grant: 'delete scheduler schedules', target: 'reminders', allows: pairs(['scheduler:DeleteSchedule'], [arn('scheduler', 'schedule/reminders/*')]) },
  { grant: 'send ses identity', target: 'example.com', allows: pairs(['ses:SendEmail', 'ses:SendRawEmail'], [arn('ses', 'identity/example.com')]) },
  { grant: 'read ses template', target: 'welcome', allows: pairs(['ses:GetEmailTemplate'], [arn('ses', 'template/welcome')]) },
  {
    grant: 'write ses template',
    target: 'welcome',
    allows: pairs(['ses:CreateEmailTemplate', 'ses:TestRenderEmailTemplate', 'ses:UpdateEmailTemplate'], [arn('ses', 'template/welcome')]),
  },
  { grant: 'delete ses template', target: 'welcome', allows: pairs(['ses:DeleteEmailTemplate'], [arn('ses', 'template/welcome')]) },
  {
    // A foundation model's ARN names no account: AWS owns the model.
    grant: 'invoke bedrock model',
    target: 'anthropic.claude-3-haiku-20240307-v1:0',
    allows: pairs(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], ['arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0']),
  },
  {
    // The profile, and the model in each Region of Europe the profile may route to: never `bedrock:*::`.
    grant: 'invoke bedrock inference-profile',
    target: 'eu.amazon.nova-lite-v1:0',
    allows: [
      ...pairs(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], [arn('bedrock', 'inference-profile/eu.amazon.nova-lite-v1:0')]),
      // the models only through the profile: a direct call in another Region is not the intent
      ...pairs(
        ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        ['eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3'].map((r) => `arn:aws:bedrock:${r}::foundation-model/amazon.nova-lite-v1:0`),
      ).map((p) => `${p} if ${JSON.stringify({ ArnLike: { 'bedrock:InferenceProfileArn': arn('bedrock', 'inference-profile/eu.amazon.nova-lite-v1:0') } })}`),
    ],
  },
  { grant: 'query appsync api', target: 'abcdefghijklmnopqrstuvwxyz', allows: pairs(['appsync:GraphQL'], [arn('appsync', 'apis/abcdefghijklmnopqrstuvwxyz/types/Query/fields/*')]) },
  { grant: 'mutate appsync api', target: 'abcdefghijklmnopqrstuvwxyz', allows: pairs(['appsync:GraphQL'], [arn('appsync', 'apis/abcdefghijklmnopqrstuvwxyz/types/Mutation/fields/*')]) },
  { grant: 'subscribe appsync api', target: 'abcdefghijklmnopqrstuvwxyz', allows: pairs(['appsync:GraphQL'], [arn('appsync', 'apis/abcdefghijklmnopqrstuvwxyz/types/Subscription/fields/*')]) },
  {
    grant: 'read cognito-idp user-pool',
    target: 'eu-west-1_AbCdEf123',
    allows: pairs(['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:DescribeUserPool', 'cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup'], [arn('cognito-idp', 'userpool/eu-west-1_AbCdEf123')]),
  },
  {
    grant: 'invoke execute-api api',
    target: 'a1b2c3d4e5/prod/GET/orders/*',
    allows: pairs(['execute-api:Invoke'], [arn('execute-api', 'a1b2c3d4e5/prod/GET/orders/*')]),
  },
  {
    grant: 'read rekognition collection',
    target: 'employees',
    allows: pairs(['rekognition:DescribeCollection', 'rekognition:ListFaces', 'rekognition:SearchFaces', 'rekognition:SearchFacesByImage'], [arn('rekognition', 'collection/employees')]),
  },
  { grant: 'write rekognition collection', target: 'employees', allows: pairs(['rekognition:IndexFaces'], [arn('rekognition', 'collection/employees')]) },
  { grant: 'delete rekognition faces', target: 'employees', allows: pairs(['rekognition:DeleteFaces'], [arn('rekognition', 'collection/employees')]) },
  {
    grant: 'write mobiletargeting endpoints',
    target: '0123456789abcdef0123456789abcdef',
    allows: [
      ...pairs(['mobiletargeting:GetEndpoint', 'mobiletargeting:UpdateEndpoint'], [arn('mobiletargeting', 'apps/0123456789abcdef0123456789abcdef/endpoints/*')]),
      ...pairs(['mobiletargeting:UpdateEndpointsBatch'], [arn('mobiletargeting', 'apps/0123456789abcdef0123456789abcdef')]),
    ],
  },
  // Amazon MQ names a broker `broker:NAME:ID`; the id is the service's, so every id of the name.
  { grant: 'read mq broker', target: 'orders-broker', allows: pairs(['mq:DescribeBroker', 'mq:DescribeUser', 'mq:ListUsers'], [arn('mq', 'broker:orders-broker:*')]) },
];

describe('apps patterns compile to exactly the calls they name', () => {
  for (const c of CASES) {
    it(`${c.grant} "${c.target}" (DSL and YAML)`, () => {
      const expected = [...c.allows].sort();
      for (const result of [dsl(c.grant, c.target), yaml(c.grant, c.target)]) {
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(allowed(result)).toEqual(expected);
      }
    });
  }

  it('manages the users of a pool without signing in as them or setting their passwords', () => {
    const actions = allowed(dsl('manage-users cognito-idp user-pool', 'eu-west-1_AbCdEf123')).map((p) => p.split(' ')[0]);
    expect(actions).toContain('cognito-idp:AdminCreateUser');
    expect(actions).toContain('cognito-idp:AdminDeleteUser');
    expect(actions).not.toContain('cognito-idp:AdminInitiateAuth');
    expect(actions).not.toContain('cognito-idp:AdminSetUserPassword');
    expect(new Set(allowed(dsl('manage-users cognito-idp user-pool', 'eu-west-1_AbCdEf123')).map((p) => p.split(' ')[1]))).toEqual(new Set([arn('cognito-idp', 'userpool/eu-west-1_AbCdEf123')]));
  });

  it('refuses a stage wildcard before the method: IAM would let it run across `/` into other stages and methods (IAM2130)', () => {
    const result = dsl('invoke execute-api api', 'a1b2c3d4e5/*/POST/orders');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['IAM2130']);
    expect(dsl('invoke execute-api api', 'a1b2c3d4e5/prod/*/*').diagnostics).toEqual([]);
  });

  it('keeps a state machine glob from reaching another machine’s executions (the name stops at `:`)', () => {
    const result = dsl('run states state-machine', 'orders-*');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(allowed(result)).toContain(`states:StopExecution ${arn('states', 'execution:orders-*:*')}`);
  });
});

/**
 * Task-token responses and log-group reads rest on the catalogue override table
 * (compiler/catalogue/overrides.ts): AWS checks SendTask* against the state machine, and log-group
 * actions on `log-group:NAME:*`.
 */
describe('apps patterns that rest on the catalogue override table', () => {
  it('responds to task tokens of one state machine, not of every machine', () => {
    const expected = pairs(['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'], [arn('states', 'stateMachine:approval-flow')]).sort();
    for (const result of [dsl('respond states state-machine', 'approval-flow'), yaml('respond states state-machine', 'approval-flow')]) {
      expect(allowed(result)).toEqual(expected);
    }
  });

  it('reads and queries one log group in both forms AWS names it, its streams, and stops queries on `*`', () => {
    const group = arn('logs', 'log-group:/app/orders');
    const expected = [
      ...pairs(['logs:DescribeLogStreams', 'logs:FilterLogEvents', 'logs:GetLogGroupFields', 'logs:GetLogRecord', 'logs:GetQueryResults', 'logs:StartLiveTail', 'logs:StartQuery'], [group, `${group}:*`]),
      ...pairs(['logs:GetLogEvents'], [`${group}:log-stream:*`]),
      ...pairs(['logs:StopLiveTail', 'logs:StopQuery'], ['*']),
    ].sort();
    for (const result of [dsl('read logs group', '/app/orders'), yaml('read logs group', '/app/orders')]) {
      expect(allowed(result)).toEqual(expected);
    }
  });
});

describe('names AWS would refuse are diagnostics at the name, in both syntaxes (IAM2111)', () => {
  const refused: readonly [string, string, RegExp][] = [
    ['invoke execute-api api', 'a1b2c3d4e5/prod', /API-ID\/STAGE\/METHOD\/PATH/],
    ['invoke execute-api api', 'A1B2C3D4E5/prod/GET/orders', /the API id `A1B2C3D4E5`/],
    ['invoke execute-api api', 'a1b2c3d4e5/pr od/GET/x', /spaces/],
    ['invoke execute-api api', 'a1b2c3d4e5/prod/FETCH/orders', /the method `FETCH`/],
    ['invoke execute-api api', 'a1b2c3d4e5/prod/GET/orders#x', /the path `orders#x`/],
    ['invoke bedrock inference-profile', 'global.anthropic.claude-sonnet-4-v1:0', /`global\.` is not one of them/],
    ['invoke bedrock inference-profile', 'anthropic.claude-3-haiku-20240307-v1:0', /`anthropic\.` is not one of them/],
    ['invoke bedrock model', 'anthropic/claude', /model ids use/],
    ['send ses identity', 'a b@example.com', /spaces/],
    ['write scheduler schedules', 'team/reminders', /schedule group names/],
    ['read cognito-idp user-pool', 'pool/1', /user pool id/],
    ['query appsync api', 'my-api', /GraphQL API id/],
  ];
  for (const [grant, target, message] of refused) {
    it(`${grant} "${target}"`, () => {
      const result = dsl(grant, target);
      expect(at(result)).toEqual(['IAM2111 app.iam:4:' + String(grant.length + 4)]);
      expect(result.diagnostics[0]!.message).toMatch(message);
      const inYaml = yaml(grant, target);
      expect(at(inYaml)).toEqual(['IAM2111 app.iam.yaml:8:' + String(grant.length + 11)]);
      expect(inYaml.diagnostics[0]!.message).toMatch(message);
    });
  }
});

