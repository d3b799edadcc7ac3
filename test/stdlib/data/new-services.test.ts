/**
 * The data group's new services compile to exactly the calls each intent needs, on the resources
 * AWS authorises them on, in both syntaxes; names AWS would reject are coded diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../../stdlib/index.js';
import { CTX } from '../samples.js';
import { arn, codesBoth, compileBoth, type Emitted } from './compile.js';
import { compileText } from '../../helpers/compile.js';

const DB_ID = 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const CASES: [string, string, Emitted[]][] = [
  [
    'read kinesis stream',
    'clicks',
    [
      { actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'], resources: [arn('kinesis', 'stream/clicks')] },
      { actions: ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], resources: [arn('kinesis', 'stream/clicks/consumer/*')] },
    ],
  ],
  ['write kinesis stream', 'clicks-*', [{ actions: ['kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'], resources: [arn('kinesis', 'stream/clicks-*')] }]],
  ['write firehose delivery-stream', 'clicks', [{ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: [arn('firehose', 'deliverystream/clicks')] }]],
  [
    'query athena workgroup',
    'primary',
    [
      {
        actions: ['athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:GetWorkGroup', 'athena:StartQueryExecution', 'athena:StopQueryExecution'],
        resources: [arn('athena', 'workgroup/primary')],
      },
    ],
  ],
  [
    'read glue table',
    'sales/orders',
    [
      { actions: ['glue:GetDatabase'], resources: [arn('glue', 'catalog'), arn('glue', 'database/sales')] },
      {
        actions: ['glue:BatchGetPartition', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable'],
        resources: [arn('glue', 'catalog'), arn('glue', 'database/sales'), arn('glue', 'table/sales/orders')],
      },
    ],
  ],
  [
    'write glue table',
    'sales/*',
    [
      {
        actions: ['glue:BatchCreatePartition', 'glue:BatchUpdatePartition', 'glue:CreatePartition', 'glue:UpdatePartition'],
        resources: [arn('glue', 'catalog'), arn('glue', 'database/sales'), arn('glue', 'table/sales/*')],
      },
    ],
  ],
  ['connect rds-db user', `${DB_ID}/app_user`, [{ actions: ['rds-db:connect'], resources: [arn('rds-db', `dbuser:${DB_ID}/app_user`)] }]],
  [
    'query rds-data cluster',
    'orders-db',
    [
      {
        actions: ['rds-data:BatchExecuteStatement', 'rds-data:BeginTransaction', 'rds-data:CommitTransaction', 'rds-data:ExecuteStatement', 'rds-data:RollbackTransaction'],
        resources: [arn('rds', 'cluster:orders-db')],
      },
    ],
  ],
  ['read es domain', 'search', [{ actions: ['es:ESHttpGet', 'es:ESHttpHead'], resources: [arn('es', 'domain/search'), arn('es', 'domain/search/*')] }]],
  ['write es domain', 'search', [{ actions: ['es:ESHttpPatch', 'es:ESHttpPost', 'es:ESHttpPut'], resources: [arn('es', 'domain/search'), arn('es', 'domain/search/*')] }]],
  ['read es index', 'search/orders-*', [{ actions: ['es:ESHttpGet', 'es:ESHttpHead'], resources: [arn('es', 'domain/search/orders-*'), arn('es', 'domain/search/orders-*/*')] }]],
  ['write es index', 'search/orders', [{ actions: ['es:ESHttpPatch', 'es:ESHttpPost', 'es:ESHttpPut'], resources: [arn('es', 'domain/search/orders'), arn('es', 'domain/search/orders/*')] }]],
  ['delete es index', 'search/orders', [{ actions: ['es:ESHttpDelete'], resources: [arn('es', 'domain/search/orders'), arn('es', 'domain/search/orders/*')] }]],
  ['read dax cluster', 'sessions', [{ actions: ['dax:BatchGetItem', 'dax:GetItem', 'dax:Query', 'dax:Scan'], resources: [arn('dax', 'cache/sessions')] }]],
  ['write dax cluster', 'sessions', [{ actions: ['dax:BatchWriteItem', 'dax:ConditionCheckItem', 'dax:PutItem', 'dax:UpdateItem'], resources: [arn('dax', 'cache/sessions')] }]],
  ['delete dax items', 'sessions', [{ actions: ['dax:DeleteItem'], resources: [arn('dax', 'cache/sessions')] }]],
  ['connect aoss collection', 'a1b2c3d4e5f6g7h8i9j0', [{ actions: ['aoss:APIAccessAll'], resources: [arn('aoss', 'collection/a1b2c3d4e5f6g7h8i9j0')] }]],
  [
    'query redshift-data cluster',
    'warehouse',
    [
      { actions: ['redshift-data:BatchExecuteStatement', 'redshift-data:ExecuteStatement'], resources: [arn('redshift', 'cluster:warehouse')] },
      { actions: ['redshift-data:CancelStatement', 'redshift-data:DescribeStatement', 'redshift-data:GetStatementResult', 'redshift-data:ListStatements'], resources: ['*'] },
    ],
  ],
];

describe('new data services compile to exactly the calls their intent needs', () => {
  it.each(CASES)('%s %s', (key, name, expected) => {
    const both = compileBoth(key, name);
    expect(both.dsl).toEqual(expected);
    expect(both.yaml).toEqual(expected);
  });
});

describe('compound names are validated part by part', () => {
  it.each([
    ['read glue table', 'sales', 'IAM2111'],
    ['read glue table', 'Sales/orders', 'IAM2111'],
    ['read glue table', 'sales/orders/x', 'IAM2111'],
    ['connect rds-db user', 'orders-db/app_user', 'IAM2111'],
    ['connect rds-db user', `${DB_ID}/`, 'IAM2111'],
    ['read es index', 'search', 'IAM2111'],
    ['read es index', 'search/_all', 'IAM2111'],
    ['connect aoss collection', 'My-Collection', 'IAM2111'],
    ['write firehose delivery-stream', 'a:b', 'IAM2111'],
    ['read kinesis stream', 'clicks/x', 'IAM2111'],
    // A wildcard in a part followed by `/` would let IAM's `*` run into the next part.
    ['connect rds-db user', 'db-*/app_user', 'IAM2130'],
    ['connect rds-db user', `${DB_ID}/app_*`, 'IAM2130'],
  ])('%s "%s" is %s', (key, name, code) => {
    expect(codesBoth(key, name)).toEqual({ dsl: [code], yaml: [code] });
  });
});

describe('messages for names AWS would reject speak in the house voice', () => {
  const BAD: [string, string][] = [
    ['glue.read.table', 'sales'],
    ['glue.read.table', 'Sales/orders'],
    ['glue.write.table', 'sales/Or ders'],
    ['rds-db.connect.user', 'orders-db/app'],
    ['rds-db.connect.user', 'db-ABC/1user'],
    ['es.read.index', 'search'],
    ['es.read.index', 'Search/orders'],
    ['es.write.index', 'search/_all'],
    ['es.read.domain', 'Search'],
    ['aoss.connect.collection', 'My-Collection'],
    ['dax.read.cluster', '1sessions'],
    ['kinesis.read.stream', 'clicks/x'],
    ['firehose.write.delivery-stream', 'a:b'],
    ['athena.query.workgroup', 'a b'],
    ['rds-data.query.cluster', 'Orders'],
    ['redshift-data.query.cluster', 'warehouse:x'],
  ];
  it.each(BAD)('%s rejects `%s` with a lowercase message and no final period', (id, name) => {
    const built = PATTERNS.find((p) => p.id === id)!.target.build(name, CTX);
    expect('error' in built).toBe(true);
    if ('error' in built) {
      expect(built.error[0]).toBe(built.error[0]?.toLowerCase());
      expect(built.error.endsWith('.')).toBe(false);
    }
  });
});

describe('OpenSearch paths', () => {
  const compile = (grant: string) => compileText({ 'p.iam': `account prod = 123456789012\nregion eu-west-1\nrole r for ec2 in prod {\n  ${grant}\n}\n` });
  it('grants on the path as written, a final `*` for every path below it', () => {
    const result = compile('read es path "search/orders/_doc/*"');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files?.get('iam/roles/r.policy.json')).toContain('"arn:aws:es:eu-west-1:123456789012:domain/search/orders/_doc/*"');
  });
  it('refuses an empty level and a bad domain, naming the part', () => {
    expect(compile('write es path "search//_bulk"').diagnostics.map((d) => d.code)).toEqual(['IAM2111']);
    expect(compile('write es path "Search/_bulk"').diagnostics[0]?.message).toContain('the domain `Search`');
  });
});
