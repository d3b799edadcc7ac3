import { itself, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

// 1–128 letters, digits, `_`, `.` and `-`. A segment: consumer ARNs continue after the name with `/`.
const stream = regional('kinesis', 'stream', 'stream/', 'stream name (globs allowed)', {
  pattern: /^[A-Za-z0-9_.*?-]{1,128}$/,
  message: 'stream names are 1 to 128 letters, digits, `_`, `.` and `-`',
}, 'segment');

/** The stream's enhanced fan-out consumers: `stream/NAME/consumer/CONSUMER:TIMESTAMP`. */
const consumers = (t: TargetArn): readonly string[] => [`${t.arn}/consumer/*`];

export const kinesisPatterns: readonly Pattern[] = [
  {
    id: 'kinesis.read.stream',
    service: 'kinesis',
    verb: 'read',
    resourceType: 'stream',
    doc: 'read a data stream as a Lambda event source or KCL consumer does, shared or enhanced fan-out',
    target: stream,
    parts: [
      {
        actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'],
        on: itself,
      },
      // Enhanced fan-out reads through a registered consumer; AWS authorises these on its ARN.
      { actions: ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], on: consumers },
    ],
    versusCdk:
      '`grantRead` also grants ListStreams, which takes no resource (a dead grant on the stream ARN), and puts SubscribeToShard and DescribeStreamConsumer on the stream ARN, where they never apply: iamc puts them on the stream’s consumers; registering a consumer (a write) and the KCL’s lease table (`write dynamodb table`) are separate grants',
  },
  {
    id: 'kinesis.write.stream',
    service: 'kinesis',
    verb: 'write',
    resourceType: 'stream',
    doc: 'put records on a data stream',
    target: stream,
    parts: [
      // ListShards: the Kinesis Producer Library lists shards to aggregate records per shard.
      { actions: ['kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'], on: itself },
    ],
    versusCdk: 'same as `grantWrite` (without its key grant: `produce kms key`)',
  },
];
