/**
 * `iamc check some-policy.json`: lint a hand-written IAM policy. Its kind (identity, trust,
 * resource, boundary, SCP) is stated (`--policy-type`, or iamc's manifest for its own output) or
 * else every kind its shape allows (see document-kind.ts); findings point at the exact JSON value
 * at fault.
 */
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/span.js';
import { possibleKinds } from './document-kind.js';
import type { Located } from '../diagnostics/span.js';
import { statementDigest } from '../ir/statement-digest.js';
import type { DocumentKind, LintStatement } from './document.js';
import { lintDocument } from './lint-document.js';
import { readPolicyJson } from './read-policy-json.js';

export interface PolicyFileOptions {
  /** The policy's kind as stated; without it, the rules of every kind the document could be run. */
  readonly type?: DocumentKind;
  /**
   * Statement `Sid` → the intent's `because` and the digest of the statement it was given for, for
   * iamc's own output (from its manifest). A statement that no longer matches its digest has no reason.
   */
  readonly reasons?: ReadonlyMap<string, { readonly because: string; readonly statement: string }>;
}

export interface LintedPolicyFile {
  readonly diagnostics: Diagnostic[];
  /** False when the file is not a policy the rules could read (invalid JSON): its waivers cannot be judged. */
  readonly linted: boolean;
}

export function lintPolicyFile(path: string, text: string, options: PolicyFileOptions = {}): Diagnostic[] {
  return lintPolicyFileDetailed(path, text, options).diagnostics;
}

export function lintPolicyFileDetailed(path: string, text: string, options: PolicyFileOptions = {}): LintedPolicyFile {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const read = readPolicyJson(path, body);
  const statements = read.statements.map((s) => (s.sid !== undefined && options.reasons?.get(s.sid)?.statement === digest(s) ? { ...s, reasoned: true } : s));
  const kind = options.type ?? possibleKinds(statements);
  const span = new LineIndex(path, body).span(0, 0);
  const findings = lintDocument({ kind, name: `\`${path}\``, statements, span });
  const misfits = options.type === undefined ? [] : typeMisfits(options.type, statements);
  return { diagnostics: sortDiagnostics(dedupe([...read.diagnostics, ...misfits, ...findings])), linted: read.statements.length > 0 || read.diagnostics.length === 0 };
}

/**
 * A stated type the document cannot be: AWS requires a `Principal` in trust and resource policies
 * and refuses one in identity policies, boundaries and SCPs. Stating a type that switches rules
 * off (`trust` for a grant) is then an error instead of a quiet pass.
 */
function typeMisfits(type: DocumentKind, statements: readonly LintStatement[]): Diagnostic[] {
  const needsPrincipal = type === 'trust' || type === 'resource';
  return statements
    .filter((s) => (s.principal !== undefined) !== needsPrincipal)
    .map((s) =>
      diagnostic('IAM5103', s.principal?.span ?? s.span, needsPrincipal ? `a ${type} policy's statement names a \`Principal\`; this one does not` : `a \`Principal\` is not allowed in ${type === 'identity' ? 'an identity policy' : type === 'scp' ? 'an SCP' : 'a permissions boundary'}`, {
        suggestion: `check \`--policy-type\`: AWS would reject this statement as ${type === 'identity' ? 'an' : 'a'} ${type} policy`,
      }),
    );
}

function digest(s: LintStatement): string {
  const values = (list: readonly Located<string>[] | undefined) => list?.map((v) => v.value);
  return statementDigest({
    effect: s.effect.value,
    ...optional('actions', values(s.actions)),
    ...optional('notActions', values(s.notActions)),
    ...optional('resources', values(s.resources)),
    ...optional('notResources', values(s.notResources)),
    conditions: s.conditions.map((c) => ({ operator: c.operator.value, key: c.key.value, values: c.values.map((v) => v.value) })),
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The same finding reached by two rules or two statements is reported once. */
export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.span.file}\u0000${d.span.offset}\u0000${d.span.endOffset}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
