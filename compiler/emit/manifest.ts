/**
 * `manifest.json` (version 2): every artefact, its kind, name, account, files and source span,
 * then the list of every file iamc wrote. `generator` and `files` are what make a folder iamc's:
 * the writer replaces only the files listed and carries everything else across (compiler/write).
 * Version 2 is version 1 plus those two fields; every version-1 field keeps its place.
 * Paths are relative to the output folder; sources are `file:line:column`.
 */
import { formatSpan, type Span } from '../diagnostics/span.js';
import type { CompiledProgram } from '../ir/policy.js';
import { boundaryPath, permissionSetPath, rolePaths, scpPath } from './iam-json.js';

export const MANIFEST_PATH = 'manifest.json';
export const MANIFEST_VERSION = 2;
export const MANIFEST_GENERATOR = 'iamc';

export interface ManifestContext {
  /** Every other file of the output (relative to OUT); the manifest lists them. */
  readonly files: readonly string[];
  /**
   * How a source file is named in the manifest. The CLI names sources relative to the output
   * folder, so the manifest (and `--check`) does not depend on the working directory.
   */
  readonly sourceName?: (path: string) => string;
}

export function emitManifest(program: CompiledProgram, context: ManifestContext): string {
  const source = (span: Span) => formatSpan(context.sourceName === undefined ? span : { ...span, file: context.sourceName(span.file) });
  const terraformFiles = context.files.filter((f) => f.startsWith('terraform/')).sort();
  const manifest = {
    version: MANIFEST_VERSION,
    generator: MANIFEST_GENERATOR,
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
      source: source(r.span),
    })),
    boundaries: program.boundaries.map((b) => ({
      name: b.name,
      accounts: b.accounts.map((a) => a.id),
      policy: boundaryPath(b.name),
      source: source(b.span),
    })),
    scps: program.scps.map((s) => ({
      name: s.name,
      policy: scpPath(s.name),
      targets: s.targets.map((t) => ({ kind: t.kind, id: t.id })),
      source: source(s.span),
    })),
    permissionSets: program.permissionSets.map((p) => ({
      name: p.name,
      policy: permissionSetPath(p.name),
      sessionDuration: p.sessionDuration,
      assignments: p.assignments.map((a) => ({ principalType: a.principalType, principalId: a.principalId, accounts: [...a.accountIds] })),
      source: source(p.span),
    })),
    analyzers: program.analyzers.map((a) => ({
      name: a.name,
      type: a.type,
      archiveRules: a.archiveRules.map((r) => r.name),
      alert: a.alert,
      source: source(a.span),
    })),
    ...(terraformFiles.length > 0 ? { terraform: terraformFiles } : {}),
    files: context.files.filter((f) => f !== MANIFEST_PATH).sort(),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
