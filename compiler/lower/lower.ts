/**
 * Intent IR → policy IR. Each grant becomes one statement per pattern part (targets whose
 * pattern conditions differ get statements of their own), then statements are merged, sorted and
 * given Sids. Every statement keeps the spans of the grants that produced it.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { targetArn, type ConditionClause, type IntentGrant, type IntentProgram, type IntentRole } from '../ir/intent.js';
import { canonicalConditions } from '../ir/conditions.js';
import { mergeStatements } from '../ir/merge-statements.js';
import type { CompiledProgram, CompiledRole, Statement } from '../ir/policy.js';
import { lowerOrganization } from './organization.js';
import { finishStatements, grantSid } from './sids.js';
import { checkTrustSize, splitPolicy } from './split-policy.js';
import { trustPolicy } from './trust.js';

export function lowerProgram(intent: IntentProgram, bag: DiagnosticBag): CompiledProgram {
  const roles = [...intent.roles].sort((a, b) => (a.name < b.name ? -1 : 1)).map((r) => lowerRole(r, bag));
  const org = lowerOrganization(intent, bag);
  return { roles, ...org };
}

function lowerRole(role: IntentRole, bag: DiagnosticBag): CompiledRole {
  const statements = lowerGrants(role.grants);
  const trust = trustPolicy(role.principal);
  checkTrustSize(role, trust, bag);
  return {
    name: role.name,
    account: role.account,
    path: role.path,
    ...(role.description !== undefined ? { description: role.description } : {}),
    ...(role.maxSessionSeconds !== undefined ? { maxSessionSeconds: role.maxSessionSeconds } : {}),
    trust,
    policies: splitPolicy(role, statements, bag),
    managedPolicies: role.managedPolicies.map((m) => m.policy),
    ...(role.boundary !== undefined ? { boundary: role.boundary } : {}),
    ...(role.principal.kind === 'service' && role.principal.instanceProfile ? { instanceProfile: role.name } : {}),
    ...(role.principal.kind === 'oidc' ? { oidcProvider: role.principal.provider } : {}),
    span: role.span,
  };
}

/** Grants → merged, sorted statements with unique Sids. Shared with permission sets. */
export function lowerGrants(grants: readonly IntentGrant[]): Statement[] {
  return finishStatements(mergeStatements(grants.flatMap(grantStatements)));
}

export function grantStatements(grant: IntentGrant): Statement[] {
  if (grant.kind === 'raw') {
    return [
      {
        sid: grantSid(grant, 0, grant.actions[0] ?? ''),
        effect: grant.effect,
        actions: [...grant.actions].sort(),
        resources: [...new Set(grant.resources.map((r) => r.arn))].sort(),
        conditions: canonicalConditions(grant.conditions),
        origins: [grant.span],
      },
    ];
  }
  const statements: Statement[] = [];
  const passedTo: ConditionClause[] = grant.to !== undefined ? [{ operator: 'StringEquals', key: 'iam:PassedToService', values: [grant.to] }] : [];
  grant.pattern.parts.forEach((part, index) => {
    // Targets with the same pattern conditions share a statement.
    const byConditions = new Map<string, { conditions: ConditionClause[]; resources: Set<string> }>();
    for (const intentTarget of grant.targets) {
      const target = targetArn(grant, intentTarget, intentTarget.arn);
      const conditions = canonicalConditions([...grant.conditions, ...(part.conditions?.(target) ?? []), ...passedTo]);
      const key = JSON.stringify(conditions);
      let group = byConditions.get(key);
      if (!group) byConditions.set(key, (group = { conditions, resources: new Set() }));
      for (const r of part.on(target)) group.resources.add(r);
    }
    const actions = [...part.actions].sort();
    for (const group of byConditions.values()) {
      // A part may touch nothing of some targets (no listing for a single key).
      if (group.resources.size === 0) continue;
      statements.push({
        sid: grantSid(grant, index, part.actions[0] ?? ''),
        effect: 'Allow',
        actions,
        resources: [...group.resources].sort(),
        conditions: group.conditions,
        origins: [grant.span],
      });
    }
  });
  return statements;
}
