/**
 * The oracle for the apps group's patterns, written from AWS's documentation of each action (the
 * Service Authorization Reference and the service's API reference), never from the stdlib.
 */
import { REGION } from '../constants.js';
import { cell, flat, globMatch, pathMeans, regional, resourceOf, type CellsOf, type OracleCell } from '../oracle-kit.js';

/** Names a user might write per pattern (`verb service type`), globs included. */
export const APPS_NAMES: Record<string, readonly string[]> = {
  'purge sqs queue': ['orders', 'orders-*', 'jobs.fifo'],
  'subscribe sns topic': ['alerts', 'alerts-*'],
  'run states state-machine': ['orders-flow', 'orders-*'],
  'read states state-machine': ['orders-flow', 'orders-*'],
  'redrive states state-machine': ['orders-flow', 'orders-*'],
  'respond states state-machine': ['approval-flow', 'approval-*'],
  'read logs group': ['/aws/lambda/processor', '/app/*', '/ecs/app'],
  'create logs group': ['/aws/lambda/processor', '/app/*'],
  'read scheduler schedules': ['default', 'reminders-*'],
  'write scheduler schedules': ['default', 'reminders-*'],
  'delete scheduler schedules': ['reminders'],
  'send ses identity': ['example.com', 'noreply@example.com', '*@example.com'],
  'read ses template': ['welcome', 'welcome-*'],
  'write ses template': ['welcome', 'welcome-*'],
  'delete ses template': ['welcome'],
  'invoke bedrock model': ['anthropic.claude-3-haiku-20240307-v1:0', 'amazon.titan-*'],
  'invoke bedrock inference-profile': ['us.anthropic.claude-3-haiku-20240307-v1:0', 'eu.amazon.nova-lite-v1:0'],
  'query appsync api': ['abcdefghijklmnopqrstuvwxyz', 'zyxwvutsrqponmlkjihgfedcba'],
  'mutate appsync api': ['abcdefghijklmnopqrstuvwxyz'],
  'subscribe appsync api': ['abcdefghijklmnopqrstuvwxyz'],
  'manage-users cognito-idp user-pool': ['eu-west-1_AbCdEf123'],
  'read cognito-idp user-pool': ['eu-west-1_AbCdEf123', 'eu-west-1_*'],
  'invoke execute-api api': ['a1b2c3d4e5/prod/GET/orders/*', 'a1b2c3d4e5/prod/POST/orders', 'a1b2c3d4e5/prod/*/*'],
  'read rekognition collection': ['employees', 'tenant-*'],
  'write rekognition collection': ['employees'],
  'delete rekognition faces': ['employees'],
  'write mobiletargeting endpoints': ['0123456789abcdef0123456789abcdef'],
  'read mq broker': ['orders-broker', 'orders-*'],
};

/**
 * The targetless patterns (their grant is the plain string `- detect rekognition images`). Their
 * cells are below; they join APPS_NAMES (as `[]`) once the YAML reader takes a grant written as a
 * plain string, which the laws' generated intents need.
 */
export const APPS_TARGETLESS: readonly string[] = [
  'analyze textract documents',
  'detect comprehend text',
  'detect rekognition images',
  'read ce costs',
  'synthesize polly speech',
  'write mobileanalytics events',
];

/** Only `*`: the action names no resource (or its one resource type is optional). */
const star = (actions: string[]): OracleCell => cell(actions, ['*'], (arn) => arn === '*');

/** `TYPE:NAME:…`-fielded resources (Step Functions): the fields split by `:`. */
const colonFields = (arn: string, service: string): string[] | undefined => resourceOf(arn, service)?.split(':');

const stateMachine = (name: string, actions: string[]): OracleCell =>
  cell(actions, [regional('states', `stateMachine:${name}`)], (arn) => {
    const f = colonFields(arn, 'states');
    return f?.length === 2 && f[0] === 'stateMachine' && globMatch(name, f[1]!);
  });

/** An execution is `execution:MACHINE:EXECUTION`; the machine's name is one field, the execution any name. */
const executions = (name: string, actions: string[]): OracleCell =>
  cell(actions, [regional('states', `execution:${name}:*`)], (arn) => {
    const f = colonFields(arn, 'states');
    return f?.length === 3 && f[0] === 'execution' && globMatch(name, f[1]!) && f[2]!.length > 0;
  });

/**
 * A log group, `log-group:NAME`; CloudWatch Logs also documents `log-group:NAME:*` as the form a
 * log-group action is authorised against (API reference, LogGroup `arn`). A group name holds no `:`.
 */
const logGroup = (name: string, actions: string[]): OracleCell =>
  cell(actions, [regional('logs', `log-group:${name}`)], (arn) => {
    const f = colonFields(arn, 'logs');
    return f !== undefined && f[0] === 'log-group' && globMatch(name, f[1]!) && (f.length === 2 || (f.length === 3 && f[2] === '*'));
  });

const logStreams = (name: string, actions: string[]): OracleCell =>
  cell(actions, [regional('logs', `log-group:${name}:log-stream:*`)], (arn) => {
    const f = colonFields(arn, 'logs');
    return f?.length === 4 && f[0] === 'log-group' && f[2] === 'log-stream' && globMatch(name, f[1]!);
  });

/** A `TYPE/ID` resource whose id never holds `/`. */
const slashed = (service: string, type: string, name: string, actions: string[]): OracleCell =>
  cell(actions, [regional(service, `${type}/${name}`)], (arn) => {
    const f = resourceOf(arn, service)?.split('/');
    return f?.length === 2 && f[0] === type && globMatch(name, f[1]!);
  });

/** A schedule is `schedule/GROUP/NAME`: the group is one field, the schedule any name. */
const schedules = (group: string, actions: string[]): OracleCell =>
  cell(actions, [regional('scheduler', `schedule/${group}/*`)], (arn) => {
    const f = resourceOf(arn, 'scheduler')?.split('/');
    return f?.length === 3 && f[0] === 'schedule' && globMatch(group, f[1]!) && f[2]!.length > 0;
  });

/**
 * A foundation model: `arn:aws:bedrock:REGION::foundation-model/MODEL` (no account: AWS owns it).
 * The model id holds `:` (`…-v1:0`), so the resource is everything after the fifth `:`.
 */
const foundationModel = (regions: readonly string[], model: string) => (arn: string): boolean => {
  const f = arn.split(':');
  if (f.length < 6 || f[0] !== 'arn' || f[1] !== 'aws' || f[2] !== 'bedrock' || f[4] !== '' || !regions.includes(f[3]!)) return false;
  const resource = f.slice(5).join(':');
  return resource.startsWith('foundation-model/') && globMatch(model, resource.slice('foundation-model/'.length));
};

/**
 * The destination Regions of cross-Region inference profiles by geography prefix, from the Amazon
 * Bedrock user guide, "Supported Regions and models for inference profiles".
 */
const GEOGRAPHY: Record<string, readonly string[]> = {
  us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
  eu: ['eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3'],
  apac: ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4'],
};

const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

/** AppSync authorises `appsync:GraphQL` per field: `apis/API/types/TYPE/fields/FIELD`. */
const graphqlFields = (type: string): CellsOf => (name) => [
  cell(['appsync:GraphQL'], [regional('appsync', `apis/${name}/types/${type}/fields/*`)], (arn) => {
    const f = resourceOf(arn, 'appsync')?.split('/');
    return f?.length === 6 && f[0] === 'apis' && globMatch(name, f[1]!) && f[2] === 'types' && f[3] === type && f[4] === 'fields' && f[5]!.length > 0;
  }),
];

const STATES_READ_EXECUTION = ['states:DescribeExecution', 'states:DescribeStateMachineForExecution', 'states:GetExecutionHistory'];

export const APPS_CELLS: Record<string, CellsOf> = {
  'purge sqs queue': (name) => [cell(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:PurgeQueue'], [regional('sqs', name)], flat('sqs', '', name))],
  'subscribe sns topic': (name) => [cell(['sns:Subscribe'], [regional('sns', name)], flat('sns', '', name))],
  'run states state-machine': (name) => [
    stateMachine(name, ['states:StartExecution', 'states:StartSyncExecution']),
    executions(name, ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution']),
  ],
  'read states state-machine': (name) => [stateMachine(name, ['states:DescribeStateMachine', 'states:ListExecutions']), executions(name, STATES_READ_EXECUTION)],
  'redrive states state-machine': (name) => [executions(name, ['states:RedriveExecution'])],
  // AWS checks a task response against the state machine that issued the token (SAM's
  // StepFunctionsCallbackPolicy and CDK's grantTaskResponse name it), not against `*` only.
  'respond states state-machine': (name) => [stateMachine(name, ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'])],
  'read logs group': (name) => [
    logGroup(name, ['logs:DescribeLogStreams', 'logs:FilterLogEvents', 'logs:GetLogGroupFields', 'logs:GetLogRecord', 'logs:GetQueryResults', 'logs:StartLiveTail', 'logs:StartQuery']),
    logStreams(name, ['logs:GetLogEvents']),
    star(['logs:StopLiveTail', 'logs:StopQuery']),
  ],
  'create logs group': (name) => [logGroup(name, ['logs:CreateLogGroup'])],
  'read scheduler schedules': (name) => [slashed('scheduler', 'schedule-group', name, ['scheduler:GetScheduleGroup']), schedules(name, ['scheduler:GetSchedule'])],
  'write scheduler schedules': (name) => [schedules(name, ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule'])],
  'delete scheduler schedules': (name) => [schedules(name, ['scheduler:DeleteSchedule'])],
  'send ses identity': (name) => [slashed('ses', 'identity', name, ['ses:SendEmail', 'ses:SendRawEmail'])],
  'read ses template': (name) => [slashed('ses', 'template', name, ['ses:GetEmailTemplate'])],
  'write ses template': (name) => [slashed('ses', 'template', name, ['ses:CreateEmailTemplate', 'ses:TestRenderEmailTemplate', 'ses:UpdateEmailTemplate'])],
  'delete ses template': (name) => [slashed('ses', 'template', name, ['ses:DeleteEmailTemplate'])],
  'invoke bedrock model': (name) => [cell(INVOKE, [`arn:aws:bedrock:${REGION}::foundation-model/${name}`], foundationModel([REGION], name))],
  'invoke bedrock inference-profile': (name) => {
    const dot = name.indexOf('.');
    const regions = GEOGRAPHY[name.slice(0, dot)] ?? [];
    const model = name.slice(dot + 1);
    return [
      cell(INVOKE, [regional('bedrock', `inference-profile/${name}`)], (arn) => {
        const r = resourceOf(arn, 'bedrock');
        return r !== undefined && r.startsWith('inference-profile/') && globMatch(name, r.slice('inference-profile/'.length));
      }),
      // Bedrock user guide, "Prerequisites for inference profiles": the destination Regions' model
      // is authorised with the profile's ARN in `bedrock:InferenceProfileArn`; a direct call has none.
      cell(INVOKE, regions.map((r) => `arn:aws:bedrock:${r}::foundation-model/${model}`), foundationModel(regions, model), [
        {
          key: 'bedrock:InferenceProfileArn',
          test: (v) => {
            const r = resourceOf(v, 'bedrock');
            return r !== undefined && r.startsWith('inference-profile/') && globMatch(name, r.slice('inference-profile/'.length));
          },
          near: [regional('bedrock', `inference-profile/${name}`)],
        },
      ]),
    ];
  },
  'query appsync api': graphqlFields('Query'),
  'mutate appsync api': graphqlFields('Mutation'),
  'subscribe appsync api': graphqlFields('Subscription'),
  'manage-users cognito-idp user-pool': (name) => [
    slashed('cognito-idp', 'userpool', name, [
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminConfirmSignUp',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminDeleteUserAttributes',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminResetUserPassword',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminUserGlobalSignOut',
      'cognito-idp:ListUsers',
    ]),
  ],
  'read cognito-idp user-pool': (name) => [
    slashed('cognito-idp', 'userpool', name, ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:DescribeUserPool', 'cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup']),
  ],
  // `API/STAGE/METHOD/PATH`: levels split by `/`, a wildcard stays in its level, a final `*` is every path below.
  'invoke execute-api api': (name) => [
    cell(['execute-api:Invoke'], [regional('execute-api', name)], (arn) => {
      const r = resourceOf(arn, 'execute-api');
      return r !== undefined && !r.startsWith('/') && pathMeans(name, r);
    }),
  ],
  'read rekognition collection': (name) => [
    slashed('rekognition', 'collection', name, ['rekognition:DescribeCollection', 'rekognition:ListFaces', 'rekognition:SearchFaces', 'rekognition:SearchFacesByImage']),
  ],
  'write rekognition collection': (name) => [slashed('rekognition', 'collection', name, ['rekognition:IndexFaces'])],
  'delete rekognition faces': (name) => [slashed('rekognition', 'collection', name, ['rekognition:DeleteFaces'])],
  'write mobiletargeting endpoints': (name) => [
    cell(['mobiletargeting:GetEndpoint', 'mobiletargeting:UpdateEndpoint'], [regional('mobiletargeting', `apps/${name}/endpoints/*`)], (arn) => {
      const f = resourceOf(arn, 'mobiletargeting')?.split('/');
      return f?.length === 4 && f[0] === 'apps' && globMatch(name, f[1]!) && f[2] === 'endpoints' && f[3]!.length > 0;
    }),
    slashed('mobiletargeting', 'apps', name, ['mobiletargeting:UpdateEndpointsBatch']),
  ],
  // A broker is `broker:NAME:ID`: the name is one field, the id any.
  'read mq broker': (name) => [
    cell(['mq:DescribeBroker', 'mq:DescribeUser', 'mq:ListUsers'], [regional('mq', `broker:${name}:*`)], (arn) => {
      const f = colonFields(arn, 'mq');
      return f?.length === 3 && f[0] === 'broker' && globMatch(name, f[1]!) && f[2]!.length > 0;
    }),
  ],
  'detect rekognition images': () => [
    star(['rekognition:CompareFaces', 'rekognition:DetectFaces', 'rekognition:DetectLabels', 'rekognition:DetectModerationLabels', 'rekognition:DetectText']),
  ],
  'analyze textract documents': () => [
    star([
      'textract:AnalyzeDocument',
      'textract:AnalyzeExpense',
      'textract:AnalyzeID',
      'textract:DetectDocumentText',
      'textract:GetDocumentAnalysis',
      'textract:GetDocumentTextDetection',
      'textract:StartDocumentAnalysis',
      'textract:StartDocumentTextDetection',
    ]),
  ],
  'detect comprehend text': () => [
    star([
      'comprehend:BatchDetectDominantLanguage',
      'comprehend:BatchDetectEntities',
      'comprehend:BatchDetectKeyPhrases',
      'comprehend:BatchDetectSentiment',
      'comprehend:DetectDominantLanguage',
      'comprehend:DetectEntities',
      'comprehend:DetectKeyPhrases',
      'comprehend:DetectSentiment',
    ]),
  ],
  'synthesize polly speech': () => [star(['polly:DescribeVoices', 'polly:SynthesizeSpeech'])],
  'write mobileanalytics events': () => [star(['mobileanalytics:PutEvents'])],
  'read ce costs': () => [
    star(['ce:GetCostAndUsage', 'ce:GetDimensionValues', 'ce:GetReservationCoverage', 'ce:GetReservationPurchaseRecommendation', 'ce:GetReservationUtilization', 'ce:GetTags']),
  ],
};

