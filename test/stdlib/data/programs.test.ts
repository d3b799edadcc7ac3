/**
 * Three programs from the data group's patterns alone — a stream processor, an analyst's query job
 * and a Terraform state role — compile with no raw `allow`; an independent simulator finds every
 * call each job makes allowed and the calls next to them (other resources, deleting) denied.
 */
import { describe, expect, it } from 'vitest';
import { compileText } from '../../helpers/compile.js';
import { simulatedDecision } from '../../properties/support/simulate.js';
import { arn } from './compile.js';

const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';

const PROGRAM = `account prod = 123456789012
region eu-west-1

role stream-processor for lambda "click-processor" in prod {
  read kinesis stream "clicks"
  write dynamodb table "click-counts"
  write firehose delivery-stream "clicks-archive"
  produce kms key "${KEY}"
}

role analyst for ec2 in prod {
  query athena workgroup "analytics"
  read glue table "sales/orders"
  read s3 objects "sales-data/orders/*"
  read s3 objects "athena-results/analytics/*"
  write s3 objects "athena-results/analytics/*"
}

role terraform-state for ec2 in prod {
  read s3 objects "tf-state/env/prod/*"
  write s3 objects "tf-state/env/prod/*"
  lock dynamodb table "terraform-locks"
}
`;

type Call = [action: string, resource: string, context?: Record<string, string>];

const ALLOWED: Record<string, Call[]> = {
  'stream-processor': [
    ['kinesis:GetRecords', arn('kinesis', 'stream/clicks')],
    ['kinesis:GetShardIterator', arn('kinesis', 'stream/clicks')],
    ['kinesis:DescribeStreamSummary', arn('kinesis', 'stream/clicks')],
    ['kinesis:ListShards', arn('kinesis', 'stream/clicks')],
    ['kinesis:SubscribeToShard', arn('kinesis', 'stream/clicks/consumer/lambda-efo:1700000000')],
    ['dynamodb:UpdateItem', arn('dynamodb', 'table/click-counts')],
    ['dynamodb:ConditionCheckItem', arn('dynamodb', 'table/click-counts')],
    ['firehose:PutRecordBatch', arn('firehose', 'deliverystream/clicks-archive')],
    ['kms:GenerateDataKey', arn('kms', `key/${KEY}`)],
    ['kms:Decrypt', arn('kms', `key/${KEY}`)],
  ],
  analyst: [
    ['athena:StartQueryExecution', arn('athena', 'workgroup/analytics')],
    ['athena:GetQueryExecution', arn('athena', 'workgroup/analytics')],
    ['athena:GetQueryResults', arn('athena', 'workgroup/analytics')],
    ['glue:GetTable', arn('glue', 'catalog')],
    ['glue:GetTable', arn('glue', 'database/sales')],
    ['glue:GetTable', arn('glue', 'table/sales/orders')],
    ['glue:GetPartitions', arn('glue', 'table/sales/orders')],
    ['glue:GetDatabase', arn('glue', 'database/sales')],
    ['s3:GetObject', 'arn:aws:s3:::sales-data/orders/2026/12/part-0.parquet'],
    ['s3:GetBucketLocation', 'arn:aws:s3:::athena-results'],
    ['s3:PutObject', 'arn:aws:s3:::athena-results/analytics/q-1.csv'],
    ['s3:GetObject', 'arn:aws:s3:::athena-results/analytics/q-1.csv'],
  ],
  'terraform-state': [
    ['s3:GetObject', 'arn:aws:s3:::tf-state/env/prod/terraform.tfstate'],
    ['s3:PutObject', 'arn:aws:s3:::tf-state/env/prod/terraform.tfstate'],
    // Listing is only under the state's own prefix.
    ['s3:ListBucket', 'arn:aws:s3:::tf-state', { 's3:prefix': 'env/prod/' }],
    ['dynamodb:GetItem', arn('dynamodb', 'table/terraform-locks')],
    ['dynamodb:PutItem', arn('dynamodb', 'table/terraform-locks')],
    ['dynamodb:DeleteItem', arn('dynamodb', 'table/terraform-locks')],
    ['dynamodb:DescribeTable', arn('dynamodb', 'table/terraform-locks')],
  ],
};

const DENIED: Record<string, Call[]> = {
  'stream-processor': [
    ['kinesis:PutRecord', arn('kinesis', 'stream/clicks')],
    ['kinesis:GetRecords', arn('kinesis', 'stream/clicks-other')],
    ['dynamodb:DeleteItem', arn('dynamodb', 'table/click-counts')],
    ['kms:Encrypt', arn('kms', `key/${KEY}`)],
  ],
  analyst: [
    ['athena:StartQueryExecution', arn('athena', 'workgroup/primary')],
    ['glue:GetTable', arn('glue', 'table/sales/customers')],
    ['glue:DeletePartition', arn('glue', 'table/sales/orders')],
    ['s3:GetObject', 'arn:aws:s3:::sales-data/customers/x.parquet'],
    ['s3:DeleteObject', 'arn:aws:s3:::athena-results/analytics/q-1.csv'],
  ],
  'terraform-state': [
    ['s3:GetObject', 'arn:aws:s3:::tf-state/env/staging/terraform.tfstate'],
    ['s3:ListBucket', 'arn:aws:s3:::tf-state', { 's3:prefix': 'env/' }],
    ['s3:DeleteObject', 'arn:aws:s3:::tf-state/env/prod/terraform.tfstate'],
    ['dynamodb:Scan', arn('dynamodb', 'table/terraform-locks')],
    ['dynamodb:DeleteTable', arn('dynamodb', 'table/terraform-locks')],
  ],
};

describe('programs from the data patterns alone', () => {
  const result = compileText({ 'jobs.iam': PROGRAM });
  const policies = (role: string) =>
    [...(result.files?.entries() ?? [])].filter(([path]) => path.startsWith(`iam/roles/${role}.policy`)).map(([name, text]) => ({ name, policy: JSON.parse(text) as unknown }));

  it('compiles with no diagnostics and no raw allow', () => {
    expect(result.diagnostics).toEqual([]);
    expect(PROGRAM).not.toMatch(/\ballow\b/);
  });

  it.each(Object.keys(ALLOWED))('%s: every call the job makes is allowed', async (role) => {
    for (const [action, resource, context = {}] of ALLOWED[role]!) {
      expect(await simulatedDecision({ roleName: role, identity: policies(role) }, { action, resource, context }), `${action} on ${resource}`).toBe('Allowed');
    }
  });

  it.each(Object.keys(DENIED))('%s: the calls next to the intent are denied', async (role) => {
    for (const [action, resource, context = {}] of DENIED[role]!) {
      expect(await simulatedDecision({ roleName: role, identity: policies(role) }, { action, resource, context }), `${action} on ${resource}`).toBe('Denied');
    }
  });
});
