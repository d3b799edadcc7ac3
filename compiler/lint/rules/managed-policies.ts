/**
 * An administrator-equivalent managed policy needs a reason (IAM5161): on a permission set it hands
 * administrator access, or the means to take it, to everyone assigned, in every account; on a role,
 * to whoever the trust admits. Equivalence is read from AWS's document where there is one (`*` or
 * `iam:*` allowed on every resource, unconditionally), and from the stdlib's list of the
 * well-known ones, which also catches policies whose reach a document scan cannot see
 * (`PowerUserAccess` allows by `NotAction`).
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { IntentManagedPolicy, IntentProgram } from '../../ir/intent.js';
import { awsManagedPolicyByArn } from '../../catalogue/aws-managed-policies.js';
import { adminEquivalent, type AdminEquivalentPolicy } from '../../../stdlib/managed-policies.js';

export function adminManagedPolicyWithoutReason(intent: IntentProgram): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (m: IntentManagedPolicy, owner: string, holders: string) => {
    const admin = m.because === undefined ? adminEquivalentPolicy(m) : undefined;
    if (!admin) return;
    out.push(
      diagnostic('IAM5161', m.span, `${owner} attaches \`${admin.name}\`, which is administrator-equivalent, with no reason`, {
        detail: `it gives ${admin.reach}, to ${holders}`,
        suggestion: `attach a narrower policy, or say why: \`${m.written} because "…"\``,
      }),
    );
  };
  for (const set of intent.permissionSets) for (const m of set.managedPolicies) check(m, `permission set \`${set.name}\``, 'everyone assigned the set in every account it is assigned to');
  for (const role of intent.roles) for (const m of role.managedPolicies) check(m, `role \`${role.name}\``, 'whoever may assume the role');
  return out;
}

/** Why a managed policy is administrator-equivalent, or undefined when it is not known to be. */
export function adminEquivalentPolicy(m: Pick<IntentManagedPolicy, 'policy' | 'aws'>): AdminEquivalentPolicy | undefined {
  const listed = adminEquivalent(m.policy);
  if (listed) return listed;
  const found = m.aws ? awsManagedPolicyByArn(m.policy) : undefined;
  if (!found) return undefined;
  const reach = adminReach([found.document.Statement].flat() as readonly Record<string, unknown>[]);
  return reach === undefined ? undefined : { name: found.name, reach };
}

/** What a policy document's statements reach when they allow `*` or `iam:*` on `*` unconditionally. */
export function adminReach(statements: readonly Record<string, unknown>[]): string | undefined {
  const wide = statements.find((s) => s['Effect'] === 'Allow' && s['Condition'] === undefined && list(s['Resource']).includes('*') && list(s['Action']).some((a) => a === '*' || a === '*:*' || a === 'iam:*'));
  if (!wide) return undefined;
  return list(wide['Action']).some((a) => a === '*' || a === '*:*') ? 'every action on every resource' : 'every IAM action, so any permission can be granted to itself';
}

function list(value: unknown): readonly string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}
