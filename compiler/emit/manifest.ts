/**
 * `manifest.json` (version 2): every artefact, its kind, name, account, files and source span,
 * then the list of every file iamc wrote, and the version of AWS's action catalogue it was built with. `generator` and `files` are what make a folder iamc's:
 * the writer replaces only the files listed and carries everything else across (compiler/write).
 * Version 2 is version 1 plus those two fields; every version-1 field keeps its place.
 * Paths are relative to the output folder; sources are `file:line:column`.
 *
 * `policyFiles` says, for each policy JSON file, what kind of policy it is (so `iamc check OUT/`
 * applies that kind's rules, not a guess) and, by statement `Sid`, the intent's `because` for each
 * statement whose grants all gave one, with the statement's digest (so the check honours the
 * reasons the intent gave, for exactly the statements they were given for).
 */
import { awsManagedPoliciesSource } from '../catalogue/aws-managed-policies.js';
import { catalogueVersion } from '../catalogue/catalogue.js';
import { formatSpan, type Span } from '../diagnostics/span.js';
import type { IntentProgram } from '../ir/intent.js';
import type { CompiledProgram, PolicyDocument } from '../ir/policy.js';
import { statementDigest } from '../ir/statement-digest.js';
import { boundaryPath, hasInlinePolicy, permissionSetPath, rolePaths, scpPath } from './iam-json.js';

export type PolicyFileType = 'identity' | 'trust' | 'boundary' | 'scp';

/** The `because` behind a statement, from the spans of the grants it came from; undefined when any grant gave none. */
export type StatementReasons = (origins: readonly Span[]) => string | undefined;

export function reasonsFromIntent(intent: IntentProgram): StatementReasons {
  const key = (s: Span) => `${s.file}:${s.offset}:${s.endOffset}`;
  const because = new Map<string, string | undefined>();
  for (const g of [...intent.roles.flatMap((r) => r.grants), ...intent.permissionSets.flatMap((p) => p.grants)]) because.set(key(g.span), g.because);
  return (origins) => {
    const reasons = origins.map((o) => because.get(key(o)));
    if (reasons.length === 0 || reasons.some((r) => r === undefined)) return undefined;
    return [...new Set(reasons as string[])].join('; ');
  };
}

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
  /** The intent's `because` per statement, recorded so checks of the output honour it. */
  readonly reasons?: StatementReasons;
}

export function emitManifest(program: CompiledProgram, context: ManifestContext): string {
  const source = (span: Span) => formatSpan(context.sourceName === undefined ? span : { ...span, file: context.sourceName(span.file) });
  const terraformFiles = context.files.filter((f) => f.startsWith('terraform/')).sort();
  const manifest = {
    version: MANIFEST_VERSION,
    generator: MANIFEST_GENERATOR,
    // The action catalogue the output was checked against and expanded from (reviewed action
    // wildcards name today's actions): a newer catalogue may expand them to more.
    catalogue: catalogueVersion(),
    // Read only when an AWS managed policy is attached: the documents are 3 MB.
    ...(attachesAwsManaged(program) ? { awsManagedPolicies: awsManagedPoliciesSource() } : {}),
    roles: program.roles.map((r) => ({
      name: r.name,
      account: r.account.id,
      accountName: r.account.name,
      path: r.path,
      trust: rolePaths(r).trust,
      policies: rolePaths(r).policies,
      managedPolicies: [...r.managedPolicies],
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
      ...(hasInlinePolicy(p) ? { policy: permissionSetPath(p.name) } : {}),
      managedPolicies: [...p.managedPolicies],
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
    policyFiles: policyFiles(program, context.reasons ?? (() => undefined)),
    files: context.files.filter((f) => f !== MANIFEST_PATH).sort(),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The version of AWS's documents matters when the program attaches one of them. */
function attachesAwsManaged(program: CompiledProgram): boolean {
  const aws = (arn: string) => /^arn:[^:]+:iam::aws:policy\//.test(arn);
  return program.roles.some((r) => r.managedPolicies.some(aws)) || program.permissionSets.some((p) => p.managedPolicies.some(aws));
}

interface StatementReason {
  readonly because: string;
  readonly statement: string;
}

function policyFiles(program: CompiledProgram, reasons: StatementReasons): Record<string, { type: PolicyFileType; reasons?: Record<string, StatementReason> }> {
  const files: [string, PolicyFileType, PolicyDocument][] = [];
  for (const r of program.roles) {
    const paths = rolePaths(r);
    files.push([paths.trust, 'trust', r.trust]);
    r.policies.forEach((doc, i) => files.push([paths.policies[i]!, 'identity', doc]));
  }
  for (const b of program.boundaries) files.push([boundaryPath(b.name), 'boundary', b.policy]);
  for (const s of program.scps) files.push([scpPath(s.name), 'scp', s.policy]);
  // A permission set with only managed policies has no inline policy, and no file is written for it.
  for (const p of program.permissionSets) if (hasInlinePolicy(p)) files.push([permissionSetPath(p.name), 'identity', p.policy]);
  const out: Record<string, { type: PolicyFileType; reasons?: Record<string, StatementReason> }> = {};
  for (const [path, type, doc] of files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const bySid: Record<string, StatementReason> = {};
    // A Sid written twice cannot say which statement a reason belongs to: neither gets one.
    const sids = doc.statements.map((s) => s.sid);
    for (const s of doc.statements) {
      const reason = sids.indexOf(s.sid) === sids.lastIndexOf(s.sid) ? reasons(s.origins) : undefined;
      if (reason !== undefined && s.sid !== '') bySid[s.sid] = { because: reason, statement: statementDigest(s) };
    }
    out[path] = { type, ...(Object.keys(bySid).length > 0 ? { reasons: bySid } : {}) };
  }
  return out;
}
