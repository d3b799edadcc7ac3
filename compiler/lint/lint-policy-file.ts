/**
 * `iamc check some-policy.json`: lint a hand-written IAM policy. The kind of policy (identity,
 * trust, resource, boundary, SCP) is inferred (see document-kind.ts); findings point at the exact
 * JSON value at fault.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/span.js';
import { documentKind } from './document-kind.js';
import { lintDocument } from './lint-document.js';
import { readPolicyJson } from './read-policy-json.js';

export function lintPolicyFile(path: string, text: string): Diagnostic[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const read = readPolicyJson(path, body);
  const kind = documentKind(path, read.statements);
  const span = new LineIndex(path, body).span(0, 0);
  const findings = lintDocument({ kind, name: `\`${path}\``, statements: read.statements, span });
  return sortDiagnostics(dedupe([...read.diagnostics, ...findings]));
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
