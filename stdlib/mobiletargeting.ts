import { regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

const app = regional('mobiletargeting', 'app', 'apps/', 'Pinpoint project (application) id', {
  pattern: /^[a-z0-9*?]{1,64}$/,
  message: 'a Pinpoint project id is lowercase letters and digits',
}, 'segment');

export const mobiletargetingPatterns: readonly Pattern[] = [
  {
    id: 'mobiletargeting.write.endpoints',
    service: 'mobiletargeting',
    verb: 'write',
    resourceType: 'endpoints',
    doc: "read and update the endpoints of a Pinpoint project, one at a time or in batches",
    target: app,
    parts: [
      { actions: ['mobiletargeting:GetEndpoint', 'mobiletargeting:UpdateEndpoint'], on: (t: TargetArn) => [`${t.arn}/endpoints/*`] },
      { actions: ['mobiletargeting:UpdateEndpointsBatch'], on: (t: TargetArn) => [t.arn] },
    ],
    note: 'deleting endpoints is left out',
  },
];
