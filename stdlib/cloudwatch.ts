import { conditionTarget, everything, global, itself, NO_TARGET, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';
import type { ConditionClause } from '../compiler/ir/intent.js';

/**
 * A metrics namespace (`MyApp`, `AWS/EC2` is AWS's own): 1 to 255 characters, no leading `:` and
 * no `AWS/` prefix, which AWS reserves for its services (PutMetricData refuses it).
 */
const namespace = conditionTarget('metrics namespace, e.g. `MyApp`', {
  // `${` would be read by IAM as a policy variable in the condition value: the namespace would be
  // whatever the request's context says.
  pattern: /^(?!AWS\/)(?!:)(?!.*\$\{)[\x21-\x7e ]{1,255}$/,
  message: 'a namespace is 1 to 255 printable ASCII characters, does not start with `:`, `AWS/` is reserved for AWS, and `${` would be an IAM policy variable',
});

/** The namespace as written; a glob (`MyApp/*`) matches namespaces by `StringLike`. */
function inNamespace(t: TargetArn): readonly ConditionClause[] {
  const value = t.written ?? '';
  return [{ operator: /[*?]/.test(value) ? 'StringLike' : 'StringEquals', key: 'cloudwatch:namespace', values: [value] }];
}

const dashboard = global('cloudwatch', 'dashboard', 'dashboard/', 'dashboard name, e.g. `orders`', {
  pattern: /^[A-Za-z0-9_*?-]{1,255}$/,
  message: 'dashboard names use letters, digits, `_` and `-`',
});

const alarm = regional('cloudwatch', 'alarm', 'alarm:', 'alarm name, e.g. `orders-backlog`', {
  pattern: /^(?!.*\$\{)[\x21-\x7e]{1,255}$/,
  message: 'alarm names are 1 to 255 printable ASCII characters (never `${`, which IAM reads as a policy variable)',
});

/**
 * Refused (no pattern), with the reason:
 * - SAM `CloudWatchDashboardPolicy`'s `ListDashboards` and `ListMetrics` list the whole account;
 *   `write cloudwatch dashboard` keeps to the dashboard it names, `read cloudwatch metrics` lists metrics.
 */
export const cloudwatchPatterns: readonly Pattern[] = [
  {
    id: 'cloudwatch.write.metrics',
    service: 'cloudwatch',
    verb: 'write',
    resourceType: 'metrics',
    doc: 'put metric data into one namespace (a glob matches namespaces with `StringLike`)',
    target: namespace,
    parts: [
      {
        actions: ['cloudwatch:PutMetricData'],
        on: everything,
        conditions: inNamespace,
        why: 'metrics are not resources: PutMetricData\'s only resource type (`dataset`) is optional and names no namespace, so the grant is on `*` and the namespace is held by `cloudwatch:namespace`',
      },
    ],
    versusCdk: '`Metric.grantPutMetricData` and SAM `CloudWatchPutMetricPolicy` allow every namespace; iamc names one',
  },
  {
    id: 'cloudwatch.read.metrics',
    service: 'cloudwatch',
    verb: 'read',
    resourceType: 'metrics',
    doc: 'list metrics and read their data points',
    target: NO_TARGET,
    parts: [
      {
        actions: ['cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics'],
        on: everything,
        why: 'GetMetricStatistics takes no resource; GetMetricData and ListMetrics take only an optional `dataset` type, which names no metric: reads of metrics are granted on `*`',
      },
    ],
    note: 'every metric of the account is readable, in every region: CloudWatch cannot limit metric reads by namespace',
  },
  {
    id: 'cloudwatch.write.dashboard',
    service: 'cloudwatch',
    verb: 'write',
    resourceType: 'dashboard',
    doc: 'create or replace a dashboard, and read it back',
    target: dashboard,
    parts: [{ actions: ['cloudwatch:GetDashboard', 'cloudwatch:PutDashboard'], on: itself }],
    note: 'SAM `CloudWatchDashboardPolicy` also grants `ListDashboards` and `ListMetrics` on `*`, listings of the whole account; `read cloudwatch metrics` grants `ListMetrics`',
  },
  {
    id: 'cloudwatch.read.alarm',
    service: 'cloudwatch',
    verb: 'read',
    resourceType: 'alarm',
    doc: 'read the history of an alarm',
    target: alarm,
    parts: [{ actions: ['cloudwatch:DescribeAlarmHistory'], on: itself }],
    note: 'SAM `CloudWatchDescribeAlarmHistoryPolicy` grants `DescribeAlarmHistory` on `*`; iamc names the alarms',
  },
];
