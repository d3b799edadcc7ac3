/** Permission sets → Identity Center: the inline policy, session as ISO-8601, assignments by account id. */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { IntentPermissionSet } from '../ir/intent.js';
import { policyChars } from '../ir/policy-json.js';
import type { CompiledPermissionSet } from '../ir/policy.js';
import { isoDuration } from '../resolve/values.js';
import { lowerGrants } from './lower.js';
import { PERMISSION_SET_INLINE_MAX_CHARS } from './limits.js';

export function lowerPermissionSet(set: IntentPermissionSet, bag: DiagnosticBag): CompiledPermissionSet {
  const policy = { statements: lowerGrants(set.grants) };
  const size = policyChars(policy);
  if (size > PERMISSION_SET_INLINE_MAX_CHARS) {
    bag.add('IAM3104', set.span, `the inline policy of permission set \`${set.name}\` has ${size} characters; Identity Center allows ${PERMISSION_SET_INLINE_MAX_CHARS}`, {
      suggestion: 'move part of it to a customer managed policy attached with `managed-policies`',
    });
  }
  return {
    name: set.name,
    sessionDuration: isoDuration(set.sessionSeconds),
    ...(set.description !== undefined ? { description: set.description } : {}),
    policy,
    ...(set.boundary !== undefined ? { boundary: set.boundary } : {}),
    managedPolicies: set.managedPolicies.map((m) => m.policy),
    assignments: set.assignments.map((a) => ({ principalType: a.principalType, principalId: a.principalId, accountIds: a.accounts.map((x) => x.id) })),
    span: set.span,
  };
}
