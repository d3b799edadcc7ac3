/** The IAM JSON target: one file per document, paths as docs/output.md lays them out. */
import { policyJson } from '../ir/policy-json.js';
import type { CompiledPermissionSet, CompiledProgram, CompiledRole } from '../ir/policy.js';

export const rolePaths = (role: CompiledRole) => ({
  trust: `iam/roles/${role.name}.trust.json`,
  policies: role.policies.map((_, i) => `iam/roles/${role.name}.policy${i === 0 ? '' : `.${i + 1}`}.json`),
});

export const boundaryPath = (name: string) => `iam/boundaries/${name}.json`;
export const scpPath = (name: string) => `scp/${name}.json`;
export const permissionSetPath = (name: string) => `identity-center/${name}.json`;
export const hasInlinePolicy = (set: CompiledPermissionSet) => set.policy.statements.length > 0;

export function emitIamJson(program: CompiledProgram): Map<string, string> {
  const files = new Map<string, string>();
  for (const role of program.roles) {
    const paths = rolePaths(role);
    files.set(paths.trust, policyJson(role.trust));
    role.policies.forEach((doc, i) => files.set(paths.policies[i]!, policyJson(doc)));
  }
  for (const b of program.boundaries) files.set(boundaryPath(b.name), policyJson(b.policy));
  for (const s of program.scps) files.set(scpPath(s.name), policyJson(s.policy));
  // A set with only managed policies has no inline policy: Identity Center gets none, and no
  // `{"Statement": []}` file stands in for it.
  for (const p of program.permissionSets) if (hasInlinePolicy(p)) files.set(permissionSetPath(p.name), policyJson(p.policy));
  return files;
}
