import { global, itself } from './arn.js';
import type { Pattern } from './pattern.js';

/** Distribution IDs are uppercase letters and digits (`E2QWRUHAPOMQZL`); the ARN has no region. */
const distribution = global('cloudfront', 'distribution', 'distribution/', 'distribution ID, e.g. `E2QWRUHAPOMQZL`', {
  pattern: /^[A-Z0-9*?]{1,32}$/,
  message: 'distribution IDs are uppercase letters and digits, e.g. `E2QWRUHAPOMQZL`',
});

export const cloudfrontPatterns: readonly Pattern[] = [
  {
    id: 'cloudfront.invalidate.distribution',
    service: 'cloudfront',
    verb: 'invalidate',
    resourceType: 'distribution',
    doc: 'invalidate cached paths of a distribution and wait for the invalidation',
    target: distribution,
    parts: [{ actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], on: itself }],
  },
];
