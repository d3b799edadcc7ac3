/**
 * The S3, DynamoDB, KMS, SSM and Secrets Manager patterns after verbs were given one meaning:
 * `write` never deletes, `delete` only deletes, reads by path only where the name means the path.
 */
import { describe, expect, it } from 'vitest';
import { compileText } from '../../helpers/compile.js';
import { PATTERNS } from '../../../stdlib/index.js';
import type { Pattern } from '../../../stdlib/pattern.js';
import { CTX } from '../samples.js';
import { arn, codesBoth, compileBoth, dsl, type Emitted } from './compile.js';

const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';
const keyArn = arn('kms', `key/${KEY}`);

function pattern(id: string): Pattern {
  const p = PATTERNS.find((x) => x.id === id);
  if (!p) throw new Error(`no pattern ${id}`);
  return p;
}

/** The resources each part of a pattern acts on, for a name. */
function partsFor(id: string, name: string, options?: Record<string, string>) {
  const p = pattern(id);
  const built = p.target.build(name, CTX);
  if ('error' in built) throw new Error(built.error);
  const target = { ...built, ...(options ? { options } : {}) };
  return p.parts.map((part) => ({ actions: [...part.actions], resources: [...part.on(target)], conditions: [...(part.conditions?.(target) ?? [])] }));
}

const CASES: [string, string, Emitted[]][] = [
  ['write s3 bucket', 'reports-bucket', [{ actions: ['s3:AbortMultipartUpload', 's3:PutObject', 's3:PutObjectTagging'], resources: ['arn:aws:s3:::reports-bucket/*'] }]],
  ['delete s3 objects', 'reports-bucket/tmp/*', [{ actions: ['s3:DeleteObject'], resources: ['arn:aws:s3:::reports-bucket/tmp/*'] }]],
  [
    'read s3 objects',
    'reports-bucket/a.csv',
    [
      { actions: ['s3:GetObject', 's3:GetObjectVersion'], resources: ['arn:aws:s3:::reports-bucket/a.csv'] },
      { actions: ['s3:GetBucketLocation'], resources: ['arn:aws:s3:::reports-bucket'] },
    ],
  ],
  [
    'write dynamodb table',
    'orders',
    [{ actions: ['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [arn('dynamodb', 'table/orders')] }],
  ],
  ['delete dynamodb items', 'orders', [{ actions: ['dynamodb:DeleteItem'], resources: [arn('dynamodb', 'table/orders')] }]],
  ['put dynamodb items', 'audit-log', [{ actions: ['dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [arn('dynamodb', 'table/audit-log')] }]],
  [
    'backup dynamodb table',
    'orders',
    [
      { actions: ['dynamodb:CreateBackup', 'dynamodb:DescribeContinuousBackups'], resources: [arn('dynamodb', 'table/orders')] },
      { actions: ['dynamodb:DescribeBackup'], resources: [arn('dynamodb', 'table/orders/backup/*')] },
    ],
  ],
  [
    'lock dynamodb table',
    'terraform-locks',
    [{ actions: ['dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem'], resources: [arn('dynamodb', 'table/terraform-locks')] }],
  ],
  [
    'read dynamodb stream',
    'orders',
    [
      { actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: [arn('dynamodb', 'table/orders/stream/*')] },
      { actions: ['dynamodb:ListStreams'], resources: ['*'] },
    ],
  ],
  ['produce kms key', KEY, [{ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [keyArn] }]],
  ['sign kms key', KEY, [{ actions: ['kms:Sign'], resources: [keyArn] }]],
  ['verify kms key', KEY, [{ actions: ['kms:Verify'], resources: [keyArn] }]],
  ['generate-mac kms key', KEY, [{ actions: ['kms:GenerateMac'], resources: [keyArn] }]],
  ['verify-mac kms key', KEY, [{ actions: ['kms:VerifyMac'], resources: [keyArn] }]],
  [
    'read ssm parameter',
    '/app/prod/*',
    [
      { actions: ['ssm:GetParameter', 'ssm:GetParameterHistory', 'ssm:GetParameters'], resources: [arn('ssm', 'parameter/app/prod/*')] },
      { actions: ['ssm:GetParametersByPath'], resources: [arn('ssm', 'parameter/app/prod')] },
    ],
  ],
  ['read ssm parameter', '/app/prod/db-url', [{ actions: ['ssm:GetParameter', 'ssm:GetParameterHistory', 'ssm:GetParameters'], resources: [arn('ssm', 'parameter/app/prod/db-url')] }]],
  ['write ssm parameter', '/app/prod/db-url', [{ actions: ['ssm:PutParameter'], resources: [arn('ssm', 'parameter/app/prod/db-url')] }]],
  ['write secretsmanager secret', 'prod/db', [{ actions: ['secretsmanager:PutSecretValue'], resources: [arn('secretsmanager', 'secret:prod/db-??????')] }]],
  [
    'rotate secretsmanager secret',
    'prod/db',
    [
      {
        actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
        resources: [arn('secretsmanager', 'secret:prod/db-??????')],
      },
      { actions: ['secretsmanager:GetRandomPassword'], resources: ['*'] },
    ],
  ],
];

describe('changed and new core patterns compile to exactly their calls', () => {
  it.each(CASES)('%s %s', (key, name, expected) => {
    const both = compileBoth(key, name);
    expect(both.dsl).toEqual(expected);
    expect(both.yaml).toEqual(expected);
  });
});

describe('write never deletes', () => {
  it('leaves DeleteObject out of `write s3 bucket` and DeleteItem out of `write dynamodb table`', () => {
    const actions = (id: string) => pattern(id).parts.flatMap((p) => p.actions);
    expect(actions('s3.write.bucket')).not.toContain('s3:DeleteObject');
    expect(actions('dynamodb.write.table')).not.toContain('dynamodb:DeleteItem');
    // BatchWriteItem can delete; the pattern says so where the verb does not.
    expect(pattern('dynamodb.write.table').note).toMatch(/BatchWriteItem[^.]*delete/);
  });
  it('never deletes object versions: that is a separate, more destructive intent', () => {
    for (const p of PATTERNS) expect(p.parts.flatMap((x) => x.actions)).not.toContain('s3:DeleteObjectVersion');
  });
});

describe('GetParametersByPath only where the name means the whole path', () => {
  const byPath = (name: string) => partsFor('ssm.read.parameter', name).flatMap((p) => (p.actions.includes('ssm:GetParametersByPath') ? p.resources : []));
  it('grants it on the path for literal levels and a final `/*`', () => {
    expect(byPath('/app/prod/*')).toEqual([arn('ssm', 'parameter/app/prod')]);
    expect(byPath('app/*')).toEqual([arn('ssm', 'parameter/app')]);
  });
  it('never for a glob inside a level, a wildcard level, a single parameter or every parameter', () => {
    expect(byPath('/app/prod-*')).toEqual([]);
    expect(byPath('/app/*/db')).toEqual([]);
    expect(byPath('/app/pro?/*')).toEqual([]);
    expect(byPath('/app/prod/db-url')).toEqual([]);
    expect(byPath('/*')).toEqual([]);
  });
  it('refuses `/app/prod-*` as a grant: its ARN reaches other levels (IAM2130), so no path read can slip in', () => {
    expect(codesBoth('read ssm parameter', '/app/prod-*')).toEqual({ dsl: ['IAM2130'], yaml: ['IAM2130'] });
  });
});

describe('`via SERVICE` limits a key to one service', () => {
  it('adds kms:ViaService for the key’s region to decrypt and produce', () => {
    for (const id of ['kms.decrypt.key', 'kms.produce.key']) {
      for (const part of partsFor(id, KEY, { via: 'sqs' })) {
        expect(part.conditions).toEqual([{ operator: 'StringEquals', key: 'kms:ViaService', values: ['sqs.eu-west-1.amazonaws.com'] }]);
      }
    }
  });
  it('adds nothing when the option is absent', () => {
    expect(partsFor('kms.decrypt.key', KEY).flatMap((p) => p.conditions)).toEqual([]);
  });
  it('accepts a service word and refuses anything else', () => {
    const check = pattern('kms.decrypt.key').options?.via?.check;
    expect(check?.('secretsmanager')).toBeUndefined();
    expect(check?.('sqs.eu-west-1.amazonaws.com')).toMatch(/endpoint word/);
  });
  it('refuses a service AWS does not have, with the nearest one, in both syntaxes', () => {
    const result = compileText({ 'r.iam': dsl(`decrypt kms key "${KEY}" via sqss`) });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['IAM2134']);
    expect(result.diagnostics[0]!.message).toContain('`sqss` is not a service');
    expect(result.diagnostics[0]!.suggestion).toBe('did you mean `sqs`?');
    expect(compileText({ 'r.iam': dsl(`decrypt kms key "${KEY}" via sqs`) }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('is not taken by `encrypt`, which stays what it was', () => {
    expect(pattern('kms.encrypt.key').options).toBeUndefined();
    expect(pattern('kms.encrypt.key').parts.flatMap((p) => p.actions)).not.toContain('kms:Decrypt');
  });
});

describe('messages say which part of a compound name is wrong', () => {
  const message = (grant: string) => compileText({ 'r.iam': dsl(grant) }).diagnostics.map((d) => d.message).join('\n');
  it('names the database or the table', () => {
    expect(message('read glue table "Sales/orders"')).toMatch(/database name `Sales`/);
    expect(message('read glue table "sales/Orders"')).toMatch(/table name `Orders`/);
  });
  it('says a resource id is not a database name', () => {
    expect(message('connect rds-db user "orders-db/app_user"')).toMatch(/resource id/);
  });
});
