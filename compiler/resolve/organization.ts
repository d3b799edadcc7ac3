/**
 * Organisation-level declarations → intent IR: boundaries, guardrails, permission sets, analyzers.
 */
import type { BoundaryDecl, GuardrailDecl, PermissionSetDecl, AnalyzerDecl } from '../syntax/ast.js';
import type { IntentAnalyzer, IntentBoundary, IntentGuardrail, IntentPermissionSet, IntentRole } from '../ir/intent.js';
import type { ResolveContext } from './context.js';

export interface OrganizationDecls {
  readonly boundaries: readonly BoundaryDecl[];
  readonly guardrails: readonly GuardrailDecl[];
  readonly permissionSets: readonly PermissionSetDecl[];
  readonly analyzers: readonly AnalyzerDecl[];
}

export interface ResolvedOrganization {
  readonly boundaries: IntentBoundary[];
  readonly guardrails: IntentGuardrail[];
  readonly permissionSets: IntentPermissionSet[];
  readonly analyzers: IntentAnalyzer[];
}

/** `roles` are the already-resolved roles (a boundary is created in the accounts of the roles it bounds). */
export function resolveOrganization(ctx: ResolveContext, decls: OrganizationDecls, roles: readonly IntentRole[]): ResolvedOrganization {
  void roles;
  for (const d of [...decls.boundaries, ...decls.guardrails, ...decls.permissionSets, ...decls.analyzers]) {
    ctx.bag.add('IAM1206', d.name.span, `\`${d.kind}\` declarations are not supported yet`, {
      detail: 'this version compiles roles; boundaries, guardrails, permission sets and analyzers are parsed but not yet compiled',
    });
  }
  return { boundaries: [], guardrails: [], permissionSets: [], analyzers: [] };
}
