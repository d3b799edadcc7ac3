/**
 * A compiled program → the access model. The `Considered` tables below list every field of each
 * compiled construct with what `diff` does with it: a field added to the policy IR fails the
 * typecheck here until someone decides whether it bears on access, so `diff` cannot go blind to it.
 */
import type { CompiledAnalyzer, CompiledBoundary, CompiledPermissionSet, CompiledProgram, CompiledRole, CompiledScp } from '../ir/policy.js';
import { accessGrants, guardrailGrants, trustGrants, whereOf } from './grants.js';
import { DEFAULT_MAX_SESSION_SECONDS, type AccessModel } from './model.js';
import { normaliseManagedPolicy, sessionSeconds } from './values.js';

export type Considered<T> = { readonly [K in keyof Required<T>]: 'compared' | 'not access' };

// Instance profiles and OIDC providers follow from the trust, which is compared; descriptions
// and spans are prose and positions.
export const ROLE_FIELDS: Considered<CompiledRole> = {
  name: 'compared', account: 'compared', path: 'compared', description: 'not access', maxSessionSeconds: 'compared', trust: 'compared',
  policies: 'compared', managedPolicies: 'compared', boundary: 'compared', instanceProfile: 'not access', oidcProvider: 'not access', span: 'not access',
};
export const PERMISSION_SET_FIELDS: Considered<CompiledPermissionSet> = {
  name: 'compared', sessionDuration: 'compared', description: 'not access', policy: 'compared', boundary: 'compared',
  managedPolicies: 'compared', assignments: 'compared', span: 'not access',
};
export const SCP_FIELDS: Considered<CompiledScp> = { name: 'compared', policy: 'compared', targets: 'compared', span: 'not access' };
export const BOUNDARY_FIELDS: Considered<CompiledBoundary> = { name: 'compared', accounts: 'compared', policy: 'compared', span: 'not access' };
export const ANALYZER_FIELDS: Considered<CompiledAnalyzer> = { name: 'compared', type: 'compared', archiveRules: 'compared', alert: 'compared', span: 'not access' };
export const PROGRAM_FIELDS: Considered<CompiledProgram> = { roles: 'compared', boundaries: 'compared', scps: 'compared', permissionSets: 'compared', analyzers: 'compared' };

export function modelOfProgram(program: CompiledProgram): AccessModel {
  return {
    roles: program.roles.map((r) => ({
      name: r.name,
      account: { id: r.account.id, name: r.account.name },
      path: r.path,
      trust: trustGrants(r.trust),
      access: accessGrants(r.policies),
      // A role attaches by ARN in its own account, and its outputs record the ARN.
      managedPolicies: [...r.managedPolicies].sort(),
      boundary: r.boundary,
      maxSessionSeconds: r.maxSessionSeconds ?? DEFAULT_MAX_SESSION_SECONDS,
      source: whereOf(r.span),
    })),
    permissionSets: program.permissionSets.map((p) => ({
      name: p.name,
      access: accessGrants([p.policy]),
      managedPolicies: p.managedPolicies.map(normaliseManagedPolicy).sort(),
      boundary: p.boundary,
      sessionSeconds: sessionSeconds(p.sessionDuration) ?? 0,
      assignments: p.assignments.flatMap((a) => a.accountIds.map((account) => ({ principalType: a.principalType, principalId: a.principalId, account }))),
      source: whereOf(p.span),
    })),
    guardrails: program.scps.map((s) => ({
      name: s.name,
      ...guardrailGrants(s.policy),
      targets: s.targets.map((t) => ({ kind: t.kind, id: t.id })),
      source: whereOf(s.span),
    })),
    boundaries: program.boundaries.map((b) => ({ name: b.name, accounts: b.accounts.map((a) => a.id).sort(), access: accessGrants([b.policy]), source: whereOf(b.span) })),
    analyzers: program.analyzers.map((a) => ({
      name: a.name,
      type: a.type,
      alert: a.alert,
      archiveRules: a.archiveRules.map((r) => ({ name: r.name, principal: r.principal })),
      source: whereOf(a.span),
    })),
  };
}
