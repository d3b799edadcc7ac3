import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

// 1–128 letters, digits, `.`, `_` and `-`. A segment: sessions continue after the name with `/`.
const workgroup = regional('athena', 'workgroup', 'workgroup/', 'workgroup name (`primary` is the default)', {
  pattern: /^[A-Za-z0-9._*?-]{1,128}$/,
  message: 'workgroup names are 1 to 128 letters, digits, `.`, `_` and `-`',
}, 'segment');

export const athenaPatterns: readonly Pattern[] = [
  {
    id: 'athena.query.workgroup',
    service: 'athena',
    verb: 'query',
    resourceType: 'workgroup',
    doc: 'run queries in a workgroup, follow them, fetch their results and stop them',
    target: workgroup,
    parts: [
      {
        actions: [
          'athena:GetQueryExecution',
          'athena:GetQueryResults',
          'athena:GetWorkGroup',
          'athena:StartQueryExecution',
          'athena:StopQueryExecution',
        ],
        on: itself,
      },
    ],
    note:
      'a query also reads its tables (`read glue table "DATABASE/TABLE"`, `read s3 objects` on their data) and writes its results (`write s3 objects` and `read s3 objects` on the workgroup’s output location): each is its own grant',
  },
];
