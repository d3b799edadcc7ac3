import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

// 1–64 letters, digits, `_`, `.` and `-`: one flat string, and nothing follows it in a Firehose ARN.
const deliveryStream = regional('firehose', 'deliverystream', 'deliverystream/', 'delivery stream name (globs allowed)', {
  pattern: /^[A-Za-z0-9_.*?-]{1,64}$/,
  message: 'delivery stream names are 1 to 64 letters, digits, `_`, `.` and `-`',
});

export const firehosePatterns: readonly Pattern[] = [
  {
    id: 'firehose.write.delivery-stream',
    service: 'firehose',
    verb: 'write',
    resourceType: 'delivery-stream',
    doc: 'put records on a Firehose delivery stream',
    target: deliveryStream,
    parts: [{ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], on: itself }],
    versusCdk: 'same as `grantPutRecords`',
  },
];
