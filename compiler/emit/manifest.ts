/**
 * `manifest.json` (version 1, DESIGN §6): every artefact, its kind, name, account, files and
 * source span. Paths are relative to the output folder; sources are `file:line:column`.
 */
import { formatSpan } from '../diagnostics/span.js';
import type { CompiledProgram } from '../ir/policy.js';
import { boundaryPath, hasInlinePolicy, permissionSetPath, rolePaths, scpPath } from './iam-json.js';

export function emitManifest(program: CompiledProgram, terraformFiles: readonly string[]): string {
  const manifest = {
    version: 1,
    roles: program.roles.map((r) => ({
      name: r.name,
      account: r.account.id,
      accountName: r.account.name,
      path: r.path,
      trust: rolePaths(r).trust,
      policies: rolePaths(r).policies,
      ...(r.boundary !== undefined ? { boundary: boundaryPath(r.boundary) } : {}),
      ...(r.instanceProfile !== undefined ? { instanceProfile: r.instanceProfile } : {}),
      ...(r.oidcProvider !== undefined ? { oidcProvider: r.oidcProvider.arn } : {}),
      source: formatSpan(r.span),
    })),
    boundaries: program.boundaries.map((b) => ({
      name: b.name,
      accounts: b.accounts.map((a) => a.id),
      policy: boundaryPath(b.name),
      source: formatSpan(b.span),
    })),
    scps: program.scps.map((s) => ({
      name: s.name,
      policy: scpPath(s.name),
      targets: s.targets.map((t) => ({ kind: t.kind, id: t.id })),
      source: formatSpan(s.span),
    })),
    permissionSets: program.permissionSets.map((p) => ({
      name: p.name,
      ...(hasInlinePolicy(p) ? { policy: permissionSetPath(p.name) } : {}),
      managedPolicies: [...p.managedPolicies],
      sessionDuration: p.sessionDuration,
      assignments: p.assignments.map((a) => ({ principalType: a.principalType, principalId: a.principalId, accounts: [...a.accountIds] })),
      source: formatSpan(p.span),
    })),
    analyzers: program.analyzers.map((a) => ({
      name: a.name,
      type: a.type,
      archiveRules: a.archiveRules.map((r) => r.name),
      alert: a.alert,
      source: formatSpan(a.span),
    })),
    ...(terraformFiles.length > 0 ? { terraform: terraformFiles.map((f) => `terraform/${f}`) } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
