import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const queue = regional('sqs', 'queue', '', 'queue name (globs allowed)', {
  pattern: /^[A-Za-z0-9_*?-]+(\.fifo)?$/,
  message: 'queue names use letters, digits, `-` and `_` (and `.fifo` at the end)',
});

export const sqsPatterns: readonly Pattern[] = [
  {
    id: 'sqs.consume.queue',
    service: 'sqs',
    verb: 'consume',
    resourceType: 'queue',
    doc: 'receive, delete and change the visibility of messages on a queue',
    target: queue,
    parts: [
      {
        actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
        on: itself,
      },
    ],
    versusCdk: 'same as `grantConsumeMessages`; the key grant is separate (`decrypt kms key`)',
  },
  {
    id: 'sqs.purge.queue',
    service: 'sqs',
    verb: 'purge',
    resourceType: 'queue',
    doc: 'delete every message on a queue at once',
    target: queue,
    parts: [{ actions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:PurgeQueue'], on: itself }],
    versusCdk: '`grantPurge` grants PurgeQueue, GetQueueAttributes and GetQueueUrl: the same',
  },
  {
    id: 'sqs.send.queue',
    service: 'sqs',
    verb: 'send',
    resourceType: 'queue',
    doc: 'send messages to a queue',
    target: queue,
    parts: [{ actions: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'], on: itself }],
    versusCdk: 'same as `grantSendMessages`',
    note: 'SendMessageBatch is authorised as `sqs:SendMessage`: AWS has no separate batch action',
  },
];
