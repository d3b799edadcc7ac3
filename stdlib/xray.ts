import { everything, NO_TARGET } from './arn.js';
import type { Pattern } from './pattern.js';

/**
 * X-Ray takes no resource on any of these actions (the Service Authorization Reference lists no
 * resource type for them), so the pattern names none: `write xray traces`.
 */
export const xrayPatterns: readonly Pattern[] = [
  {
    id: 'xray.write.traces',
    service: 'xray',
    verb: 'write',
    resourceType: 'traces',
    doc: 'send trace segments and telemetry to X-Ray, and read the sampling rules the SDK applies',
    target: NO_TARGET,
    parts: [
      {
        actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
        on: everything,
        why: 'the X-Ray SDK and daemon upload segments and their own telemetry; X-Ray accepts both actions only on `*`',
      },
      {
        actions: ['xray:GetSamplingRules', 'xray:GetSamplingStatisticSummaries', 'xray:GetSamplingTargets'],
        on: everything,
        why: 'the SDK asks which requests to sample (rules, then targets for its reservoir); X-Ray accepts these reads only on `*`, and they return sampling settings, never trace data',
      },
    ],
    note: 'the same actions as the AWS managed policy `AWSXRayDaemonWriteAccess`; reading traces back (`GetTraceSummaries`, `BatchGetTraces`) is not writing: use `allow` with a reason',
  },
];
