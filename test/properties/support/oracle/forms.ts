/**
 * The oracle for the patterns whose target is not a resource name, written from AWS's
 * documentation, never from the stdlib:
 * - X-Ray (Service Authorization Reference, "Actions defined by AWS X-Ray"): PutTraceSegments,
 *   PutTelemetryRecords, GetSamplingRules, GetSamplingTargets and GetSamplingStatisticSummaries list
 *   no resource type: they are authorised on `*` only.
 * - CloudWatch ("Actions defined by Amazon CloudWatch"; "Using condition keys to limit access to
 *   CloudWatch namespaces"): PutMetricData names no metric, its `cloudwatch:namespace` key carries
 *   the namespace of the request; GetMetricStatistics takes no resource, GetMetricData and
 *   ListMetrics only an optional `dataset`; GetDashboard/PutDashboard act on
 *   `arn:aws:cloudwatch::ACCOUNT:dashboard/NAME` (no region); DescribeAlarmHistory on
 *   `arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME`.
 */
import { ACCOUNT } from '../constants.js';
import { cell, globMatch, regional, resourceOf, type CellsOf } from '../oracle-kit.js';

/** Names a user might write per pattern; `[]` for a pattern that takes no target. */
export const FORMS_NAMES: Record<string, readonly string[]> = {
  'write xray traces': [],
  'read cloudwatch metrics': [],
  'write cloudwatch metrics': ['MyApp', 'Billing', 'MyApp/*'],
  'write cloudwatch dashboard': ['orders', 'orders-*'],
  'read cloudwatch alarm': ['orders-backlog', 'orders-*'],
};

const onlyStar = (arn: string): boolean => arn === '*';
/**
 * GetMetricData, ListMetrics and PutMetricData take an optional `dataset`, which names no metric
 * and no namespace: what these intents mean ("the account's metrics", "metrics in namespace N")
 * holds whatever dataset of the account a request names (in any region: metrics are the
 * account's), as well as a request that names none.
 */
const anyDataset = (arn: string): boolean => {
  if (arn === '*') return true;
  const f = arn.split(':');
  return f.length >= 6 && f[0] === 'arn' && f[1] === 'aws' && f[2] === 'cloudwatch' && f[4] === ACCOUNT && f.slice(5).join(':').startsWith('dataset/');
};

/** A glob's one plain instance, for drawing condition values near it. */
const instance = (glob: string): string => glob.replace(/\*/g, 'x').replace(/\?/g, 'Q');

export const FORMS_CELLS: Record<string, CellsOf> = {
  'write xray traces': () => [
    cell(['xray:GetSamplingRules', 'xray:GetSamplingStatisticSummaries', 'xray:GetSamplingTargets', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'], ['*'], onlyStar),
  ],
  'read cloudwatch metrics': () => [cell(['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'], ['*'], anyDataset), cell(['cloudwatch:GetMetricStatistics'], ['*'], onlyStar)],
  // The namespace is a condition, not a resource: a request in that namespace (a glob matches as
  // StringLike does), and none without one.
  'write cloudwatch metrics': (name) => [
    cell(['cloudwatch:PutMetricData'], ['*'], anyDataset, [{ key: 'cloudwatch:namespace', test: (v) => globMatch(name, v), near: [instance(name)] }]),
  ],
  'write cloudwatch dashboard': (name) => [
    cell(['cloudwatch:GetDashboard', 'cloudwatch:PutDashboard'], [`arn:aws:cloudwatch::${ACCOUNT}:dashboard/${name}`], (arn) => {
      const f = arn.split(':');
      return f.length === 6 && f[0] === 'arn' && f[1] === 'aws' && f[2] === 'cloudwatch' && f[3] === '' && f[4] === ACCOUNT && f[5]!.startsWith('dashboard/') && globMatch(name, f[5]!.slice('dashboard/'.length));
    }),
  ],
  'read cloudwatch alarm': (name) => [
    cell(['cloudwatch:DescribeAlarmHistory'], [regional('cloudwatch', `alarm:${name}`)], (arn) => {
      const r = resourceOf(arn, 'cloudwatch');
      return r !== undefined && r.startsWith('alarm:') && globMatch(name, r.slice('alarm:'.length));
    }),
  ],
};
