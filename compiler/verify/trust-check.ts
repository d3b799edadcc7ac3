/**
 * A trust policy must say exactly what the `for` clause says: the same principal, the assume
 * action for its kind, and the same conditions (OIDC `aud` and `sub` with `StringEquals`, the
 * external id, MFA, a service's confused-deputy keys). Anything more or less is reported.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConditionClause, IntentPrincipal } from '../ir/intent.js';
import type { PolicyDocument, PrincipalBlock } from '../ir/policy.js';

interface ExpectedTrust {
  readonly principal: PrincipalBlock;
  readonly action: string;
  readonly conditions: readonly ConditionClause[];
}

export function expectedTrust(p: IntentPrincipal): ExpectedTrust {
  switch (p.kind) {
    case 'service':
      return { principal: { Service: [p.service] }, action: 'sts:AssumeRole', conditions: p.conditions };
    case 'oidc':
      return {
        principal: { Federated: [p.provider.arn] },
        action: 'sts:AssumeRoleWithWebIdentity',
        conditions: [
          { operator: 'StringEquals', key: `${p.provider.host}:aud`, values: [p.provider.audience] },
          { operator: 'StringEquals', key: `${p.provider.host}:sub`, values: p.subjects },
        ],
      };
    case 'aws':
      return {
        principal: { AWS: [p.arn] },
        action: 'sts:AssumeRole',
        conditions: [
          ...(p.permissionSet !== undefined ? [{ operator: 'ArnLike', key: 'aws:PrincipalArn', values: [p.permissionSet.principalArn] }] : []),
          ...(p.externalId !== undefined ? [{ operator: 'StringEquals', key: 'sts:ExternalId', values: [p.externalId] }] : []),
          ...(p.mfa ? [{ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'] }] : []),
        ],
      };
  }
}

export function checkTrust(roleName: string, trust: PolicyDocument, principal: IntentPrincipal): Diagnostic[] {
  const expected = expectedTrust(principal);
  const out: Diagnostic[] = [];
  const allows = trust.statements.filter((s) => s.effect === 'Allow');
  if (allows.length === 0) out.push(diagnostic('IAM4101', principal.span, `the trust policy of role \`${roleName}\` lets no one assume it`));
  for (const s of allows) {
    const problem = trustProblem(s, expected);
    if (problem !== undefined) {
      out.push(
        diagnostic('IAM4101', s.origins[0] ?? principal.span, `trust statement \`${s.sid}\` of role \`${roleName}\` ${problem}`, {
          related: [{ message: 'the `for` clause it must match', span: principal.span }],
        }),
      );
    }
  }
  return out;
}

function trustProblem(s: PolicyDocument['statements'][number], expected: ExpectedTrust): string | undefined {
  if (s.notActions !== undefined || s.notResources !== undefined) return 'uses `NotAction` or `NotResource`';
  if (canonicalPrincipal(s.principal) !== canonicalPrincipal(expected.principal)) return `trusts ${describe(s.principal)} instead of ${describe(expected.principal)}`;
  const actions = s.actions ?? [];
  if (actions.length !== 1 || actions[0]!.toLowerCase() !== expected.action.toLowerCase()) {
    return `allows \`${actions.join('`, `')}\` instead of \`${expected.action}\``;
  }
  const have = new Set(s.conditions.map(canonicalCondition));
  const want = new Set(expected.conditions.map(canonicalCondition));
  for (const c of expected.conditions) if (!have.has(canonicalCondition(c))) return `lacks the condition \`${c.operator}\` \`${c.key}\` = \`${c.values.join('`, `')}\``;
  for (const c of s.conditions) if (!want.has(canonicalCondition(c))) return `adds the condition \`${c.operator}\` \`${c.key}\` that the \`for\` clause does not state`;
  return undefined;
}

function canonicalPrincipal(p: PrincipalBlock | undefined): string {
  if (p === undefined) return 'none';
  return JSON.stringify(['AWS', 'Service', 'Federated'].map((k) => [...((p as Record<string, readonly string[] | undefined>)[k] ?? [])].sort()));
}

function canonicalCondition(c: ConditionClause): string {
  return JSON.stringify([c.operator, c.key.toLowerCase(), [...c.values].sort()]);
}

function describe(p: PrincipalBlock | undefined): string {
  if (p === undefined) return 'no principal';
  const parts = Object.entries(p).flatMap(([k, vs]) => (vs as readonly string[]).map((v) => `${k} \`${v}\``));
  return parts.join(', ') || 'no principal';
}
