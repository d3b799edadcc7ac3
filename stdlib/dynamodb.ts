import { itself, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

// AWS allows 3–255 characters; a glob may stand for many, so globbed names skip the length floor.
const table = regional('dynamodb', 'table', 'table/', 'table name (globs allowed)', {
  pattern: /^(?=.*[*?])[A-Za-z0-9_.*?-]{1,255}$|^[A-Za-z0-9_.-]{3,255}$/,
  message: 'table names are 3 to 255 letters, digits, `_`, `-` and `.`',
}, 'segment');

/** Every global secondary or local index of the table. */
const indexes = (t: TargetArn): readonly string[] => [`${t.arn}/index/*`];

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
      'same actions as `grantReadData`; only Query and Scan reach `table/NAME/index/*`, the others are dead grants there',
  },
  {
    id: 'dynamodb.write.table',
    service: 'dynamodb',
    verb: 'write',
    resourceType: 'table',
    doc: 'put, update and delete items of a table',
    target: table,
    parts: [
      {
        actions: [
          'dynamodb:BatchWriteItem',
          'dynamodb:DeleteItem',
          'dynamodb:DescribeTable',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
        ],
        on: itself,
      },
    ],
    versusCdk: 'same as `grantWriteData`, without the index ARN: no write action accepts an index',
  },
];
