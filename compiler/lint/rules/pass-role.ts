/**
 * `iam:PassRole` must name roles and the service they go to (IAM5108): on `*` it lets the holder
 * hand any role, AdministratorAccess included, to compute it controls.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Located } from '../../diagnostics/span.js';
import type { LintDocument, LintStatement } from '../document.js';
import { actionCovers, isServiceWide } from '../action-facts.js';

/** A role ARN names roles when its account is literal and its name is more than a bare `*`. */
export function namesRoles(resource: string): boolean {
  const m = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]*)$/.exec(resource);
  return m !== null && m[2] !== undefined && m[2].replace(/\*/g, '') !== '';
}

/** The PassRole-covering actions of an Allow statement, and whether its resources name roles. */
export function passRoleIn(s: LintStatement): { action: Located<string>; unscoped?: Located<string> } | undefined {
  if (s.effect.value !== 'Allow') return undefined;
  const action = (s.actions ?? []).find((a) => actionCovers(a.value, 'iam:PassRole'));
  if (!action) return undefined;
  const unscoped = (s.resources ?? []).find((r) => !namesRoles(r.value)) ?? (s.notResources ?? [])[0];
  return { action, ...(unscoped ? { unscoped } : {}) };
}

export function unscopedPassRole(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    const pass = passRoleIn(s);
    // `*` and `iam:*` already raise IAM5105, which names the wider mistake.
    if (!pass || isServiceWide(pass.action.value)) continue;
    if (pass.unscoped) {
      out.push(
        diagnostic('IAM5108', pass.unscoped.span, `\`iam:PassRole\` on \`${pass.unscoped.value}\` can pass any role, an administrator's included`, {
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
