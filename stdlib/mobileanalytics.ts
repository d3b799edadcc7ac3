import { everything, NO_TARGET } from './arn.js';
import type { Pattern } from './pattern.js';

export const mobileanalyticsPatterns: readonly Pattern[] = [
  {
    id: 'mobileanalytics.write.events',
    service: 'mobileanalytics',
    verb: 'write',
    resourceType: 'events',
    doc: 'record app usage events with Amazon Mobile Analytics',
    target: NO_TARGET,
    parts: [{ actions: ['mobileanalytics:PutEvents'], on: everything, why: 'Mobile Analytics names no resource and accepts this action only on `*`' }],
  },
];
