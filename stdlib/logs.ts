import { regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

const group = regional('logs', 'log-group', 'log-group:', 'log group name, e.g. `/aws/lambda/NAME`', {
  pattern: /^[A-Za-z0-9_.#/*?-]{1,512}$/,
  message: 'log group names use letters, digits and `_-./#`',
});

/** Every stream of the group: the catalogue lists both actions on `log-stream` only. */
const streams = (t: TargetArn): readonly string[] => [`${t.arn}:log-stream:*`];

export const logsPatterns: readonly Pattern[] = [
  {
    id: 'logs.write.group',
    service: 'logs',
    verb: 'write',
    resourceType: 'group',
    doc: 'create streams in a log group and put events to them',
    target: group,
    parts: [
      // The group ARN itself is left out: the catalogue gives both actions only the `log-stream`
      // type, so `log-group:NAME` would be a grant that matches no request.
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], on: streams },
    ],
    versusCdk:
      '`grantWrite` names `log-group:NAME:*`, which also matches other resources under the group; iamc names its streams only',
  },
];
