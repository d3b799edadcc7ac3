import { everything, itself, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

// AWS allows 3–255 characters; a glob may stand for many, so globbed names skip the length floor.
const table = regional('dynamodb', 'table', 'table/', 'table name (globs allowed)', {
  pattern: /^(?=.*[*?])[A-Za-z0-9_.*?-]{1,255}$|^[A-Za-z0-9_.-]{3,255}$/,
  message: 'table names are 3 to 255 letters, digits, `_`, `-` and `.`',
}, 'segment');

/** Every global secondary or local index of the table. */
const indexes = (t: TargetArn): readonly string[] => [`${t.arn}/index/*`];

/** Every on-demand backup of the table (`table/NAME/backup/BACKUP`). */
const backups = (t: TargetArn): readonly string[] => [`${t.arn}/backup/*`];

/** Every stream of the table (`table/NAME/stream/LABEL`; the label is a timestamp DynamoDB picks). */
const streams = (t: TargetArn): readonly string[] => [`${t.arn}/stream/*`];

export const dynamodbPatterns: readonly Pattern[] = [
  {
    id: 'dynamodb.read.table',
    service: 'dynamodb',
    verb: 'read',
    resourceType: 'table',
    doc: 'get, query and scan items of a table and query or scan its indexes',
    target: table,
    parts: [
      {
        actions: [
          'dynamodb:BatchGetItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DescribeTable',
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:Scan',
        ],
        on: itself,
      },
      // The catalogue accepts only Query and Scan on an index; CDK grants every read action there.
      { actions: ['dynamodb:Query', 'dynamodb:Scan'], on: indexes },
    ],
    versusCdk:
      '`grantReadData` grants these item reads and also GetRecords and GetShardIterator, stream actions it puts on the table ARN where they never apply (read streams with `read dynamodb stream`); only Query and Scan reach `table/NAME/index/*`, the others are dead grants there',
  },
  {
    id: 'dynamodb.write.table',
    service: 'dynamodb',
    verb: 'write',
    resourceType: 'table',
    doc: 'put and update items of a table, and check conditions in transactions (no DeleteItem)',
    target: table,
    parts: [
      {
        actions: [
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DescribeTable',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
        ],
        on: itself,
      },
    ],
    versusCdk:
      '`grantWriteData` also grants DeleteItem (here `delete dynamodb items`) and the index ARN, which no write action accepts',
    note:
      'BatchWriteItem is one API for puts and deletes: DynamoDB authorises the call, not each request in it, so a batch can delete items; TransactWriteItems is authorised per item action (PutItem, UpdateItem, ConditionCheckItem here)',
  },
  {
    id: 'dynamodb.delete.items',
    service: 'dynamodb',
    verb: 'delete',
    // `items`, not `table`: the grant deletes a table's items, and a reviewer reading
    // `delete dynamodb table` would take it for deleting the table.
    resourceType: 'items',
    doc: 'delete items of a table, named by the table (never the table itself)',
    target: table,
    parts: [{ actions: ['dynamodb:DeleteItem'], on: itself }],
    note: 'batches of deletes go through BatchWriteItem, which is `write dynamodb table`',
  },
  {
    id: 'dynamodb.put.items',
    service: 'dynamodb',
    verb: 'put',
    resourceType: 'items',
    doc: 'put and update items of a table, never delete them (no BatchWriteItem, whose batches can delete)',
    target: table,
    parts: [{ actions: ['dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], on: itself }],
    note: 'PutItem replaces an item with the same key: guard it with a condition expression in the code; batches of puts need `write dynamodb table`',
    versusCdk: 'CDK has no put-only grant; `grantWriteData` adds BatchWriteItem and DeleteItem',
  },
  {
    id: 'dynamodb.lock.table',
    service: 'dynamodb',
    verb: 'lock',
    resourceType: 'table',
    doc: 'take and release locks in a lock table (the Terraform S3 backend’s state lock)',
    target: table,
    parts: [
      // Terraform's S3 backend documents DescribeTable, GetItem, PutItem and DeleteItem for its
      // lock table: a lock is an item put with a condition and deleted on release.
      { actions: ['dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem'], on: itself },
    ],
  },
  {
    id: 'dynamodb.read.stream',
    service: 'dynamodb',
    verb: 'read',
    resourceType: 'stream',
    doc: 'read the change records of a table’s streams (a Lambda event source or KCL consumer)',
    target: table,
    parts: [
      { actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], on: streams },
      {
        actions: ['dynamodb:ListStreams'],
        on: everything,
        why: 'ListStreams takes no resource (it names the table in its request); a consumer asks it to find the current stream label',
      },
    ],
    versusCdk: 'same actions as `grantStreamRead` (without its key grant: `decrypt kms key`); `grantTableListStreams` is the ListStreams part',
  },
  {
    id: 'dynamodb.backup.table',
    service: 'dynamodb',
    verb: 'backup',
    resourceType: 'table',
    doc: 'take on-demand backups of a table and follow them (never delete or restore them)',
    target: table,
    parts: [
      { actions: ['dynamodb:CreateBackup', 'dynamodb:DescribeContinuousBackups'], on: itself },
      { actions: ['dynamodb:DescribeBackup'], on: backups },
    ],
    note:
      'not ListBackups, which takes no resource and would list the backups of every table; not DeleteBackup (deleting) nor RestoreTableFromBackup (creates a table and writes all of its items)',
  },
];
