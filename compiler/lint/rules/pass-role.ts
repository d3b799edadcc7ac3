/**
 * `iam:PassRole` must name roles and the service they go to (IAM5108): on a resource that reaches
 * every role (`*`, `role/*`, `role/?*`) or roles in any account, it lets the holder hand any role,
 * AdministratorAccess included, to compute it controls. Reach is decided by containment.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Located } from '../../diagnostics/span.js';
import { wildcardReach, type Reach } from '../../glob/wildcard-reach.js';
import type { LintDocument, LintStatement } from '../document.js';
import { actionCovers, isServiceWide } from '../action-facts.js';

const ROLE = { service: 'iam', type: 'role' } as const;

/** What a PassRole resource reaches beyond named roles of one account, or `undefined`. */
export function passRoleReach(resource: string): Reach | undefined {
  return wildcardReach(resource, ROLE);
}

/** The PassRole-covering actions of an Allow statement, and a resource that reaches every role. */
export function passRoleIn(s: LintStatement): { action: Located<string>; unscoped?: Located<string> } | undefined {
  if (s.effect.value !== 'Allow') return undefined;
  const action = (s.actions ?? []).find((a) => actionCovers(a.value, 'iam:PassRole'));
  if (!action) return undefined;
  const unscoped = (s.resources ?? []).find((r) => passRoleReach(r.value) !== undefined) ?? (s.notResources ?? [])[0];
  return { action, ...(unscoped ? { unscoped } : {}) };
}

export function unscopedPassRole(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    const pass = passRoleIn(s);
    // `*` and `iam:*` already raise IAM5105, which names the wider mistake.
    if (!pass || isServiceWide(pass.action.value)) continue;
    if (pass.unscoped) {
      const reach = passRoleReach(pass.unscoped.value);
      const which = reach === undefined || reach.everything || reach.type !== undefined ? 'any role' : reach.what;
      out.push(
        diagnostic('IAM5108', pass.unscoped.span, `\`iam:PassRole\` on \`${pass.unscoped.value}\` can pass ${which}, an administrator's included`, {
          suggestion: 'name the roles: `arn:aws:iam::ACCOUNT:role/NAME`',
        }),
      );
    }
    if (!s.conditions.some((c) => c.key.value.toLowerCase() === 'iam:passedtoservice')) {
      out.push(
        diagnostic('IAM5108', pass.action.span, `\`${pass.action.value}\` lets the role be passed to any service`, {
          suggestion: 'add `"StringEquals": { "iam:PassedToService": "SERVICE.amazonaws.com" }`',
        }),
      );
    }
  }
  return out;
}
