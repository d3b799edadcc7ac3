/** Organisation-level intent → compiled boundaries, SCPs, permission sets and analyzers. */
import type { IntentProgram } from '../ir/intent.js';
import type { CompiledAnalyzer, CompiledBoundary, CompiledPermissionSet, CompiledScp } from '../ir/policy.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';

export interface LoweredOrganization {
  readonly boundaries: CompiledBoundary[];
  readonly scps: CompiledScp[];
  readonly permissionSets: CompiledPermissionSet[];
  readonly analyzers: CompiledAnalyzer[];
}

export function lowerOrganization(intent: IntentProgram, bag: DiagnosticBag): LoweredOrganization {
  void intent;
  void bag;
  return { boundaries: [], scps: [], permissionSets: [], analyzers: [] };
}
