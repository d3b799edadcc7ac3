/**
 * Hand-written policy JSON gets the same character check as intents (IAM5170, IAM5171): a trust
 * whose `sub` names `m\u0430in` with a Cyrillic `а`, or a resource with a bidi override, reads as
 * one thing to a reviewer and matches another. Non-ASCII text alone is not a finding here: tag
 * values and S3 keys may hold it.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Located } from '../../diagnostics/span.js';
import { characterProblem } from '../../resolve/characters.js';
import type { LintDocument } from '../document.js';

function check(value: Located<string>, what: string): Diagnostic | undefined {
  const problem = characterProblem(value.value, { what, unicode: true });
  if (problem === undefined || problem.kind === 'non-ascii' || problem.kind === 'non-ascii-refused') return undefined;
  return diagnostic(problem.kind === 'invisible' ? 'IAM5170' : 'IAM5171', value.span, problem.message, problem.suggestion !== undefined ? { suggestion: problem.suggestion } : {});
}

export function hiddenCharacters(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (d: Diagnostic | undefined) => {
    if (d !== undefined) out.push(d);
  };
  for (const s of doc.statements) {
    for (const r of [...(s.resources ?? []), ...(s.notResources ?? [])]) push(check(r, 'resource'));
    for (const p of [...(s.principal?.aws ?? []), ...(s.principal?.service ?? []), ...(s.principal?.federated ?? [])]) push(check(p, 'principal'));
    for (const c of s.conditions) for (const v of c.values) push(check(v, `value of \`${c.key.value}\``));
  }
  return out;
}
