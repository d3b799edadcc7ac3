/**
 * The stdlib against what teams deploy (test/stdlib/acceptance/teams.iam): a deployer, a stream
 * processor, an analyst job and a Terraform state role, written with patterns alone. An
 * independent simulator (`@cloud-copilot/iam-simulate`) must allow every call each team makes —
 * the calls are listed from AWS's documentation of each workflow, not from the stdlib — and refuse
 * the calls just outside the intent: another resource of the same kind, another account, the
 * action the pattern deliberately leaves out.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { compileText } from '../helpers/compile.js';
import { verdictOf } from '../properties/support/verdict.js';

const SOURCE = readFileSync(fileURLToPath(new URL('./acceptance/teams.iam', import.meta.url)), 'utf8');
const PROD = '123456789012';
const TOOLS = '210987654321';
const R = 'eu-west-1';

interface Call {
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string | string[]>>;
}

const arn = (service: string, resource: string, account = PROD, region = R): string => `arn:aws:${service}:${region}:${account}:${resource}`;
const s3 = (path: string): string => `arn:aws:s3:::${path}`;

/** Every call a team's tools make (the `aws` CLI, SDK clients, docker, Terraform's S3 backend). */
const ALLOWED: Record<string, readonly Call[]> = {
  'web-deployer': [
    // docker push (ECR user guide, "Required IAM permissions for pushing an image")
    { action: 'ecr:GetAuthorizationToken', resource: '*' },
    ...['BatchCheckLayerAvailability', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'PutImage'].map((a) => ({ action: `ecr:${a}`, resource: arn('ecr', 'repository/shop/web') })),
    // aws ecs register-task-definition + update-service --task-definition web:7
    { action: 'ecs:UpdateService', resource: arn('ecs', 'service/prod/web'), context: { 'ecs:task-definition': arn('ecs', 'task-definition/web:7') } },
    { action: 'ecs:DescribeServices', resource: arn('ecs', 'service/prod/web') },
    { action: 'ecs:DescribeTaskDefinition', resource: '*' },
    { action: 'iam:PassRole', resource: `arn:aws:iam::${PROD}:role/web-task`, context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    // aws lambda update-function-code --publish
    { action: 'lambda:UpdateFunctionCode', resource: arn('lambda', 'function:thumbnailer') },
    { action: 'lambda:GetFunction', resource: arn('lambda', 'function:thumbnailer') },
    // aws s3 sync --delete
    { action: 's3:ListBucket', resource: s3('shop-site') },
    { action: 's3:PutObject', resource: s3('shop-site/index.html') },
    { action: 's3:DeleteObject', resource: s3('shop-site/old.html') },
    { action: 'cloudfront:CreateInvalidation', resource: `arn:aws:cloudfront::${PROD}:distribution/E2QWRUHEXAMPLE` },
  ],
  'click-processor': [
    // a Lambda event source mapping on Kinesis and on a DynamoDB stream (Lambda developer guide)
    ...['DescribeStream', 'DescribeStreamSummary', 'GetRecords', 'GetShardIterator', 'ListShards'].map((a) => ({ action: `kinesis:${a}`, resource: arn('kinesis', 'stream/clicks') })),
    ...['DescribeStream', 'GetRecords', 'GetShardIterator'].map((a) => ({ action: `dynamodb:${a}`, resource: arn('dynamodb', 'table/Orders/stream/2026-01-01T00:00:00.000') })),
    { action: 'dynamodb:ListStreams', resource: '*' },
    { action: 'firehose:PutRecord', resource: arn('firehose', 'deliverystream/clicks-archive') },
    { action: 'firehose:PutRecordBatch', resource: arn('firehose', 'deliverystream/clicks-archive') },
    { action: 'cloudwatch:PutMetricData', resource: '*', context: { 'cloudwatch:namespace': 'Shop/Clicks' } },
    { action: 'xray:PutTraceSegments', resource: '*' },
    { action: 'xray:PutTelemetryRecords', resource: '*' },
  ],
  'analyst-job': [
    ...['StartQueryExecution', 'GetQueryExecution', 'GetQueryResults'].map((a) => ({ action: `athena:${a}`, resource: arn('athena', 'workgroup/analysts') })),
    ...[arn('glue', 'catalog'), arn('glue', 'database/analytics'), arn('glue', 'table/analytics/clicks')].map((resource) => ({ action: 'glue:GetTable', resource })),
    { action: 's3:GetObject', resource: s3('shop-datalake/clicks/2026/12/01/part-0.parquet') },
    { action: 's3:PutObject', resource: s3('shop-athena-results/analysts/q1.csv') },
    { action: 's3:GetBucketLocation', resource: s3('shop-athena-results') },
    { action: 'states:StartExecution', resource: arn('states', 'stateMachine:nightly-report') },
    { action: 'states:DescribeExecution', resource: arn('states', 'execution:nightly-report:run-1') },
    { action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:${R}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0` },
    { action: 'ses:SendEmail', resource: arn('ses', 'identity/reports.example.com') },
    { action: 'logs:GetLogEvents', resource: arn('logs', 'log-group:/ecs/analyst-job:log-stream:web/1') },
    { action: 'rds-db:connect', resource: arn('rds-db', 'dbuser:db-ABCDEFGHIJKLMNOPQRSTUVWXYZ/analyst') },
  ],
  'terraform-state': [
    // Terraform's S3 backend ("Permissions required": ListBucket, GetObject, PutObject, and the lock table's items)
    { action: 's3:ListBucket', resource: s3('acme-tf-state'), context: { 's3:prefix': 'shop/terraform.tfstate' } },
    { action: 's3:GetObject', resource: s3('acme-tf-state/shop/terraform.tfstate') },
    { action: 's3:PutObject', resource: s3('acme-tf-state/shop/terraform.tfstate') },
    ...['GetItem', 'PutItem', 'DeleteItem'].map((a) => ({ action: `dynamodb:${a}`, resource: arn('dynamodb', 'table/terraform-locks') })),
    { action: 'secretsmanager:PutSecretValue', resource: arn('secretsmanager', 'secret:shop/deploy-token-AbCdEf') },
    { action: 'ssm:PutParameter', resource: arn('ssm', 'parameter/shop/release') },
    { action: 'sts:AssumeRole', resource: `arn:aws:iam::${TOOLS}:role/deployer` },
  ],
};

/** Calls just outside each intent: the simulator must refuse every one. */
const REFUSED: Record<string, readonly Call[]> = {
  'web-deployer': [
    { action: 'ecr:PutImage', resource: arn('ecr', 'repository/shop/admin') },
    { action: 'ecs:UpdateService', resource: arn('ecs', 'service/prod/payments'), context: { 'ecs:task-definition': arn('ecs', 'task-definition/web:7') } },
    // pointing the service at another family's revision would run it as that family's task role
    { action: 'ecs:UpdateService', resource: arn('ecs', 'service/prod/web'), context: { 'ecs:task-definition': arn('ecs', 'task-definition/payments:3') } },
    { action: 'lambda:UpdateFunctionConfiguration', resource: arn('lambda', 'function:thumbnailer') },
    { action: 'lambda:UpdateFunctionCode', resource: arn('lambda', 'function:payments') },
    { action: 'iam:PassRole', resource: `arn:aws:iam::${PROD}:role/web-task`, context: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    { action: 's3:PutObjectAcl', resource: s3('shop-site/index.html') },
    { action: 's3:DeleteObject', resource: s3('shop-assets/logo.png') },
    { action: 'cloudfront:CreateInvalidation', resource: `arn:aws:cloudfront::${PROD}:distribution/EOTHERDIST` },
  ],
  'click-processor': [
    { action: 'kinesis:PutRecord', resource: arn('kinesis', 'stream/clicks') },
    { action: 'kinesis:GetRecords', resource: arn('kinesis', 'stream/payments') },
    { action: 'dynamodb:GetRecords', resource: arn('dynamodb', 'table/Customers/stream/2026-01-01T00:00:00.000') },
    { action: 'dynamodb:GetItem', resource: arn('dynamodb', 'table/Orders') },
    { action: 'cloudwatch:PutMetricData', resource: '*', context: { 'cloudwatch:namespace': 'AWS/EC2' } },
    { action: 'firehose:DeleteDeliveryStream', resource: arn('firehose', 'deliverystream/clicks-archive') },
  ],
  'analyst-job': [
    { action: 'athena:StartQueryExecution', resource: arn('athena', 'workgroup/primary') },
    { action: 'glue:GetTable', resource: arn('glue', 'table/analytics/payments') },
    { action: 'glue:DeleteTable', resource: arn('glue', 'table/analytics/clicks') },
    { action: 's3:GetObject', resource: s3('shop-datalake/payments/part-0.parquet') },
    { action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:${R}::foundation-model/anthropic.claude-3-opus-20240229-v1:0` },
    { action: 'ses:SendEmail', resource: arn('ses', 'identity/example.com') },
    { action: 'rds-db:connect', resource: arn('rds-db', 'dbuser:db-ABCDEFGHIJKLMNOPQRSTUVWXYZ/admin') },
    { action: 'states:StartExecution', resource: arn('states', 'stateMachine:nightly-report-admin') },
  ],
  'terraform-state': [
    { action: 's3:GetObject', resource: s3('acme-tf-state/payments/terraform.tfstate') },
    { action: 's3:DeleteObject', resource: s3('acme-tf-state/shop/terraform.tfstate') },
    { action: 'dynamodb:Scan', resource: arn('dynamodb', 'table/terraform-locks') },
    { action: 'dynamodb:PutItem', resource: arn('dynamodb', 'table/Orders') },
    { action: 'secretsmanager:GetSecretValue', resource: arn('secretsmanager', 'secret:shop/deploy-token-AbCdEf') },
    { action: 'sts:AssumeRole', resource: `arn:aws:iam::${PROD}:role/deployer` },
  ],
};

const result = compileText({ 'teams.iam': SOURCE });

function identityPolicies(role: string): { name: string; policy: unknown }[] {
  const files = [...(result.files?.entries() ?? [])].filter(([path]) => path.startsWith(`iam/roles/${role}.policy`));
  return files.map(([name, text]) => ({ name, policy: JSON.parse(text) as unknown }));
}

/** The program's one role in tools: its trust policy is the resource policy of `sts:AssumeRole` on it. */
function trustOf(call: Call): object | undefined {
  if (call.action !== 'sts:AssumeRole' || call.resource !== `arn:aws:iam::${TOOLS}:role/deployer`) return undefined;
  const text = result.files?.get('iam/roles/deployer.trust.json');
  return text === undefined ? undefined : (JSON.parse(text) as object);
}

async function decide(role: string, call: Call): Promise<string> {
  const account = call.resource.split(':')[4] || PROD;
  const trust = trustOf(call);
  const outcome = await runSimulation(
    {
      request: {
        principal: `arn:aws:iam::${PROD}:role/${role}`,
        action: call.action,
        resource: { resource: call.resource, accountId: account },
        contextVariables: { ...(call.context ?? {}) },
      },
      identityPolicies: identityPolicies(role).map((p) => ({ name: p.name, policy: p.policy as never })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(trust === undefined ? {} : { resourcePolicy: trust as never }),
    },
    {},
  );
  // A call on `*` (PutMetricData, whose resource type is optional) is a wildcard run: verdictOf reads it.
  const verdict = verdictOf(outcome, { action: call.action, resource: call.resource, context: call.context ?? {} });
  if (outcome.resultType === 'single') return outcome.overallResult;
  return verdict === undefined ? `refused to simulate: ${JSON.stringify(outcome).slice(0, 200)}` : verdict.allowed ? 'Allowed' : 'ImplicitlyDenied';
}

describe('what four teams deploy, with patterns alone', () => {
  it('compiles with no error or warning and no raw statement; the deploys are noted', () => {
    // Shipping code that runs as the function's and the service's role is the intent: a note (IAM5133).
    // `terraform-state` trusts an environment, which admits whichever branch deploys there: a note (IAM5125).
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.span.line}`)).toEqual(['IAM5133 info 13', 'IAM5133 info 15', 'IAM5125 info 50']);
    expect(SOURCE).not.toMatch(/^\s*(allow|deny)\b/m);
  });
  for (const [role, calls] of Object.entries(ALLOWED)) {
    it(`${role}: every call the team makes is allowed`, async () => {
      const verdicts = await Promise.all(calls.map(async (c) => `${c.action} ${c.resource} → ${await decide(role, c)}`));
      expect(verdicts.filter((v) => !v.endsWith('→ Allowed'))).toEqual([]);
    });
  }
  for (const [role, calls] of Object.entries(REFUSED)) {
    it(`${role}: calls just outside the intent are refused`, async () => {
      const verdicts = await Promise.all(calls.map(async (c) => `${c.action} ${c.resource} ${JSON.stringify(c.context ?? {})} → ${await decide(role, c)}`));
      expect(verdicts.filter((v) => !v.endsWith('→ ImplicitlyDenied') && !v.endsWith('→ ExplicitlyDenied'))).toEqual([]);
    });
  }
});
