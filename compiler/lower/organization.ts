/** Organisation-level intent → compiled boundaries, SCPs, permission sets and analyzers. */
import type { IntentProgram } from '../ir/intent.js';
import type { CompiledAnalyzer, CompiledBoundary, CompiledPermissionSet, CompiledScp } from '../ir/policy.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { lowerAnalyzer } from './analyzers.js';
import { lowerBoundary } from './boundaries.js';
import { checkScpsPerTarget, lowerGuardrail } from './guardrails.js';
import { lowerPermissionSet } from './permission-sets.js';

export interface LoweredOrganization {
  readonly boundaries: CompiledBoundary[];
  readonly scps: CompiledScp[];
  readonly permissionSets: CompiledPermissionSet[];
  readonly analyzers: CompiledAnalyzer[];
}

const byName = <T extends { readonly name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function lowerOrganization(intent: IntentProgram, bag: DiagnosticBag): LoweredOrganization {
  checkScpsPerTarget(intent.guardrails, bag);
  return {
    boundaries: [...intent.boundaries].sort(byName).map((b) => lowerBoundary(b, bag)),
    scps: [...intent.guardrails].sort(byName).map((g) => lowerGuardrail(g, bag)),
    permissionSets: [...intent.permissionSets].sort(byName).map((p) => lowerPermissionSet(p, bag)),
    analyzers: [...intent.analyzers].sort(byName).map(lowerAnalyzer),
  };
}
