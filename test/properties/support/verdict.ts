/**
 * The simulator's verdict on one request, in the form the laws judge: allowed or not, and the
 * context keys it found not to apply. A request on `*` for an action whose resource types are all
 * optional (PutMetricData, GetMetricData) is a request that names no resource; the simulator runs it
 * as a wildcard simulation, which counts as a verdict only when every run was on `*` itself.
 */
import type { runSimulation } from '@cloud-copilot/iam-simulate';
import type { OracleRequest } from './oracle.js';

export interface Verdict {
  readonly allowed: boolean;
  readonly ignored: ReadonlySet<string>;
}

export function verdictOf(simulated: Awaited<ReturnType<typeof runSimulation>>, r: OracleRequest): Verdict | undefined {
  if (simulated.resultType === 'single') return { allowed: simulated.overallResult === 'Allowed', ignored: new Set(simulated.result.ignoredContextKeys ?? []) };
  if (simulated.resultType !== 'wildcard' || r.resource !== '*') return undefined;
  if (!simulated.results.every((x) => x.resourcePattern === '*')) return undefined;
  return { allowed: simulated.overallResult === 'Allowed', ignored: new Set(simulated.results.flatMap((x) => x.ignoredContextKeys ?? [])) };
}
