import { everything, itself, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

const group = regional('logs', 'log-group', 'log-group:', 'log group name, e.g. `/aws/lambda/NAME`', {
  pattern: /^[A-Za-z0-9_.#/*?-]{1,512}$/,
  message: 'log group names use letters, digits and `_-./#`',
});

/** Every stream of the group: the catalogue lists both actions on `log-stream` only. */
const streams = (t: TargetArn): readonly string[] => [`${t.arn}:log-stream:*`];

/**
 * The group in both forms AWS uses: the catalogue's `log-group:NAME`, and `log-group:NAME:*`, the
 * form CloudWatch Logs documents for IAM policies on every action but tagging ("Overview of managing
 * access permissions to your CloudWatch Logs resources"). A group name never holds `:`, so `:*`
 * reaches only what lies under this group.
 */
const groupForms = (t: TargetArn): readonly string[] => [t.arn, `${t.arn}:*`];

export const logsPatterns: readonly Pattern[] = [
  {
    id: 'logs.create.group',
    service: 'logs',
    verb: 'create',
    resourceType: 'group',
    doc: 'create a log group (for software that creates its own group on first write)',
    target: group,
    parts: [{ actions: ['logs:CreateLogGroup'], on: itself }],
    note: 'retention and encryption of the new group are not part of creating it',
  },
  {
    id: 'logs.read.group',
    service: 'logs',
    verb: 'read',
    resourceType: 'group',
    doc: "read and query a log group's events: filter, get stream events, Logs Insights queries, live tail",
    target: group,
    parts: [
      {
        actions: ['logs:DescribeLogStreams', 'logs:FilterLogEvents', 'logs:GetLogGroupFields', 'logs:GetLogRecord', 'logs:GetQueryResults', 'logs:StartLiveTail', 'logs:StartQuery'],
        on: groupForms,
      },
      { actions: ['logs:GetLogEvents'], on: streams },
      {
        actions: ['logs:StopLiveTail', 'logs:StopQuery'],
        on: everything,
        why: 'stopping a query or a live tail names only its id, and CloudWatch Logs accepts these actions only on `*`; starting one stays limited to this group',
      },
    ],
    versusCdk:
      '`grantRead` grants FilterLogEvents, GetLogEvents, GetLogGroupFields, DescribeLogGroups and DescribeLogStreams on `log-group:NAME:*`; iamc leaves out DescribeLogGroups (every group in the account, `*` only) and adds Logs Insights queries and live tail',
  },
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
    note: 'creating the group itself is `create logs group`',
  },
];
