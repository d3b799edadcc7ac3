/**
 * An administrator-equivalent managed policy on a permission set needs a reason (IAM5161): it
 * hands administrator access, or the means to take it, to everyone assigned, in every account.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { IntentProgram } from '../../ir/intent.js';
import { adminEquivalent } from '../../../stdlib/managed-policies.js';

export function adminManagedPolicyWithoutReason(intent: IntentProgram): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const set of intent.permissionSets) {
    for (const m of set.managedPolicies) {
      const admin = adminEquivalent(m.policy);
      if (!admin || m.because !== undefined) continue;
      out.push(
        diagnostic('IAM5161', m.span, `permission set \`${set.name}\` attaches \`${admin.name}\`, which is administrator-equivalent, with no reason`, {
          detail: `it gives ${admin.reach}, to everyone assigned the set in every account it is assigned to`,
          suggestion: `attach a narrower policy, or say why: \`managed-policy ${JSON.stringify(m.policy)} because "…"\``,
        }),
      );
    }
  }
  return out;
}
