/**
 * Four programs a platform team writes on its first day, from the README and docs alone: a GitHub
 * deployer, a Lambda stream processor, an analyst job and a Terraform state role, kept in both
 * syntaxes (`programs/teams.iam` and its YAML twin). They guard the promise that the standard
 * library covers these teams without a raw `allow`, that both syntaxes say the same thing, and
 * that the calls each team makes are allowed while the ones it never asked for are not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../compiler/eval/evaluate.js';
import { parseDsl } from '../../compiler/syntax/dsl/cst-to-ast.js';
import { parseYaml } from '../../compiler/syntax/yaml/yaml-to-ast.js';
import { compileText, policy, runCli } from '../helpers/compile.js';

const DIR = join(import.meta.dirname, 'programs');
const DSL = readFileSync(join(DIR, 'teams.iam'), 'utf8');
const YAML = readFileSync(join(DIR, 'teams.iam.yaml'), 'utf8');
const fromDsl = compileText({ 'teams.iam': DSL });
const fromYaml = compileText({ 'teams.iam.yaml': YAML });
const errors = (r: typeof fromDsl) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

const PROD = '111122223333';
const TOOLS = '444455556666';

/** The decision iamc's evaluator gives one role's compiled identity policy for one request. */
function decide(role: string, action: string, resource: string, context: Record<string, string> = {}): string {
  const doc = policy(fromDsl, `iam/roles/${role}.policy.json`);
  return evaluate({ identity: [doc as never] }, { action, resource, context }).decision;
}

describe('the four teams’ programs', () => {
  it('compile without errors in both syntaxes', () => {
    expect(errors(fromDsl)).toEqual([]);
    expect(errors(fromYaml)).toEqual([]);
  });

  it('use the standard library alone: no raw `allow` or `deny`', () => {
    for (const file of [parseDsl('teams.iam', DSL).value, parseYaml('teams.iam.yaml', YAML).value]) {
      const grants = file.declarations.flatMap((d) => ('grants' in d ? d.grants : []));
      expect(grants.length).toBe(24);
      expect(grants.filter((g) => g.kind !== 'grant')).toEqual([]);
    }
  });

  it('compile to the same files from either syntax (the manifest differs only in source paths)', () => {
    const names = [...(fromDsl.files?.keys() ?? [])].sort();
    expect([...(fromYaml.files?.keys() ?? [])].sort()).toEqual(names);
    expect(names.filter((n) => n.endsWith('.policy.json'))).toHaveLength(4);
    const sourceless = (text: string | undefined) => text?.replace(/"source": "[^"]*"/g, '"source": ""');
    for (const name of names) expect(sourceless(fromYaml.files?.get(name)), name).toBe(sourceless(fromDsl.files?.get(name)));
  });

  it('are in the layout `iamc fmt` writes', async () => {
    expect((await runCli(['fmt', '--check', 'teams.iam'], DIR)).code).toBe(0);
  });

  it('allow the deployer’s push, deploys, site sync and invalidation, and nothing of the function’s configuration', () => {
    const role = 'github-deployer';
    const repo = `arn:aws:ecr:eu-west-1:${PROD}:repository/web`;
    for (const action of ['ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage', 'ecr:BatchCheckLayerAvailability']) expect(decide(role, action, repo), action).toBe('Allowed');
    expect(decide(role, 'ecr:GetAuthorizationToken', '*')).toBe('Allowed');
    // A deploy names the revision it rolls out (`update-service --task-definition web:42`): only the family's.
    const revision = { 'ecs:task-definition': `arn:aws:ecs:eu-west-1:${PROD}:task-definition/web:42` };
    expect(decide(role, 'ecs:UpdateService', `arn:aws:ecs:eu-west-1:${PROD}:service/prod/web`, revision)).toBe('Allowed');
    expect(decide(role, 'ecs:UpdateService', `arn:aws:ecs:eu-west-1:${PROD}:service/prod/web`, { 'ecs:task-definition': `arn:aws:ecs:eu-west-1:${PROD}:task-definition/admin:1` })).toBe('ImplicitlyDenied');
    expect(decide(role, 'ecs:UpdateService', `arn:aws:ecs:eu-west-1:${PROD}:service/prod/api`, revision)).toBe('ImplicitlyDenied');
    expect(decide(role, 'ecs:RegisterTaskDefinition', `arn:aws:ecs:eu-west-1:${PROD}:task-definition/web:42`)).toBe('Allowed');
    expect(decide(role, 'iam:PassRole', `arn:aws:iam::${PROD}:role/web-task`, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' })).toBe('Allowed');
    const fn = `arn:aws:lambda:eu-west-1:${PROD}:function:thumbnailer`;
    expect(decide(role, 'lambda:UpdateFunctionCode', fn)).toBe('Allowed');
    expect(decide(role, 'lambda:UpdateFunctionConfiguration', fn)).toBe('ImplicitlyDenied');
    expect(decide(role, 's3:ListBucket', 'arn:aws:s3:::acme-site', { 's3:prefix': '' })).toBe('Allowed');
    for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) expect(decide(role, action, 'arn:aws:s3:::acme-site/index.html'), action).toBe('Allowed');
    expect(decide(role, 's3:PutObjectAcl', 'arn:aws:s3:::acme-site/index.html')).toBe('ImplicitlyDenied');
    expect(decide(role, 'cloudfront:CreateInvalidation', `arn:aws:cloudfront::${PROD}:distribution/E2QWRUHAPOMQZL`)).toBe('Allowed');
  });

  it('allow the stream processor’s reads, writes, metrics in its namespace only, and traces', () => {
    const role = 'stream-processor';
    const stream = `arn:aws:kinesis:eu-west-1:${PROD}:stream/clicks`;
    for (const action of ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListShards']) expect(decide(role, action, stream), action).toBe('Allowed');
    expect(decide(role, 'kinesis:PutRecord', stream)).toBe('ImplicitlyDenied');
    const changes = `arn:aws:dynamodb:eu-west-1:${PROD}:table/orders/stream/2026-01-01T00:00:00.000`;
    for (const action of ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']) expect(decide(role, action, changes), action).toBe('Allowed');
    expect(decide(role, 'dynamodb:GetItem', `arn:aws:dynamodb:eu-west-1:${PROD}:table/orders`)).toBe('ImplicitlyDenied');
    const firehose = `arn:aws:firehose:eu-west-1:${PROD}:deliverystream/clicks-archive`;
    for (const action of ['firehose:PutRecord', 'firehose:PutRecordBatch']) expect(decide(role, action, firehose), action).toBe('Allowed');
    expect(decide(role, 'cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': 'Acme/Streams' })).toBe('Allowed');
    expect(decide(role, 'cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': 'Acme/Billing' })).toBe('ImplicitlyDenied');
    for (const action of ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets']) expect(decide(role, action, '*'), action).toBe('Allowed');
  });

  it('allow the analyst job’s queries, catalogue reads, results, workflow and model, and no other workgroup', () => {
    const role = 'analyst-job';
    const workgroup = `arn:aws:athena:eu-west-1:${PROD}:workgroup/analytics`;
    for (const action of ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults']) expect(decide(role, action, workgroup), action).toBe('Allowed');
    expect(decide(role, 'athena:StartQueryExecution', `arn:aws:athena:eu-west-1:${PROD}:workgroup/primary`)).toBe('ImplicitlyDenied');
    for (const arn of [`arn:aws:glue:eu-west-1:${PROD}:catalog`, `arn:aws:glue:eu-west-1:${PROD}:database/sales`, `arn:aws:glue:eu-west-1:${PROD}:table/sales/orders`]) expect(decide(role, 'glue:GetTable', arn), arn).toBe('Allowed');
    expect(decide(role, 'glue:GetTable', `arn:aws:glue:eu-west-1:${PROD}:table/sales/customers`)).toBe('ImplicitlyDenied');
    expect(decide(role, 's3:GetObject', 'arn:aws:s3:::acme-lake/sales/2026/part-0.parquet')).toBe('Allowed');
    expect(decide(role, 's3:PutObject', 'arn:aws:s3:::acme-athena-results/analytics/q1.csv')).toBe('Allowed');
    expect(decide(role, 's3:PutObject', 'arn:aws:s3:::acme-lake/sales/x')).toBe('ImplicitlyDenied');
    expect(decide(role, 'states:StartExecution', `arn:aws:states:eu-west-1:${PROD}:stateMachine:nightly-report`)).toBe('Allowed');
    expect(decide(role, 'bedrock:InvokeModel', 'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0')).toBe('Allowed');
    expect(decide(role, 'bedrock:InvokeModel', 'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-opus-20240229-v1:0')).toBe('ImplicitlyDenied');
  });

  it('allow the Terraform state role its state, its lock and the deployer role in prod, and no other state', () => {
    const role = 'terraform-state';
    expect(decide(role, 's3:GetObject', 'arn:aws:s3:::acme-tfstate/prod/terraform.tfstate')).toBe('Allowed');
    expect(decide(role, 's3:PutObject', 'arn:aws:s3:::acme-tfstate/prod/terraform.tfstate')).toBe('Allowed');
    expect(decide(role, 's3:GetObject', 'arn:aws:s3:::acme-tfstate/dev/terraform.tfstate')).toBe('ImplicitlyDenied');
    expect(decide(role, 's3:ListBucket', 'arn:aws:s3:::acme-tfstate', { 's3:prefix': 'prod/' })).toBe('Allowed');
    const lock = `arn:aws:dynamodb:eu-west-1:${TOOLS}:table/terraform-locks`;
    for (const action of ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']) expect(decide(role, action, lock), action).toBe('Allowed');
    expect(decide(role, 'dynamodb:Scan', lock)).toBe('ImplicitlyDenied');
    expect(decide(role, 'sts:AssumeRole', `arn:aws:iam::${PROD}:role/deployer`)).toBe('Allowed');
    expect(decide(role, 'sts:AssumeRole', `arn:aws:iam::${TOOLS}:role/deployer`)).toBe('ImplicitlyDenied');
  });
});
