/**
 * `# iamc-allow IAM5xxx: reason` waives a lint finding on one line: a comment after the code waives
 * its own line; a comment on a line of its own waives the next line that is not a comment (so
 * waivers may stack). A waiver without a reason waives nothing and is IAM5101; a waiver that
 * matches no finding is IAM5102, so a stale one cannot hide a new finding later.
 */
import { CODES } from '../diagnostics/codes.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex, type Span } from '../diagnostics/span.js';

interface Waiver {
  readonly codes: readonly string[];
  readonly reason: string;
  /** The line whose findings it waives. */
  readonly line: number;
  readonly file: string;
  readonly span: Span;
}

/** `#` at the start of a line or after white space, so `#` inside a word or URL is not a comment. */
const WAIVER = /(^|[ \t])#[ \t]*iamc-allow\b([^\n]*)/gm;
const CODE_LIST = /^[ \t]*((?:IAM\d{4})(?:[ \t]*,[ \t]*IAM\d{4})*)[ \t]*(?::(.*))?$/;

/** Codes a waiver may name: lint rules, not the waiver checks themselves. */
function waivable(code: string): boolean {
  return code.startsWith('IAM51') && code !== 'IAM5101' && code !== 'IAM5102' && code in CODES;
}

export function applyWaivers(diagnostics: readonly Diagnostic[], sources: readonly { path: string; text: string }[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const waivers: Waiver[] = [];
  for (const source of sources) {
    const found = readWaivers(source.path, source.text);
    waivers.push(...found.waivers);
    problems.push(...found.problems);
  }
  const used = new Set<Waiver>();
  const kept = diagnostics.filter((d) => {
    const w = waivers.find((x) => x.file === d.span.file && x.line === d.span.line && x.codes.includes(d.code) && waivable(d.code));
    if (!w) return true;
    used.add(w);
    return false;
  });
  for (const w of waivers) {
    if (used.has(w)) continue;
    const bad = w.codes.filter((c) => !waivable(c));
    const message = bad.length > 0 ? `\`${bad[0]}\` is not a lint rule that can be waived` : `waiver for \`${w.codes.join('`, `')}\` matches no finding on line ${w.line}`;
    problems.push(diagnostic('IAM5102', w.span, message, { suggestion: 'remove the waiver, or move it to the line with the finding' }));
  }
  return sortDiagnostics([...kept, ...problems]);
}

function readWaivers(path: string, text: string): { waivers: Waiver[]; problems: Diagnostic[] } {
  const index = new LineIndex(path, text);
  const waivers: Waiver[] = [];
  const problems: Diagnostic[] = [];
  for (const m of text.matchAll(WAIVER)) {
    const start = m.index + m[1]!.length;
    const end = m.index + m[0].length;
    const span = index.span(start, end - (m[0].endsWith('\r') ? 1 : 0));
    const parsed = CODE_LIST.exec(m[2]!.replace(/\r$/, ''));
    if (!parsed) {
      problems.push(diagnostic('IAM5101', span, 'a waiver names the codes it waives and why', { suggestion: 'write `# iamc-allow IAM5xxx: reason`' }));
      continue;
    }
    const codes = parsed[1]!.split(',').map((c) => c.trim());
    const reason = (parsed[2] ?? '').trim();
    if (reason === '') {
      problems.push(diagnostic('IAM5101', span, `waiver for \`${codes.join('`, `')}\` gives no reason, so it waives nothing`, { suggestion: `write \`# iamc-allow ${codes.join(', ')}: why this is safe\`` }));
      continue;
    }
    const ownLine = index.lineText(span.line).slice(0, span.column - 1).trim() === '';
    waivers.push({ codes, reason, line: ownLine ? nextCodeLine(index, span.line) : span.line, file: path, span });
  }
  return { waivers, problems };
}

/** The first line after `line` that is not only a comment: stacked waivers share it. */
function nextCodeLine(index: LineIndex, line: number): number {
  const last = index.position(index.text.length).line;
  let next = line + 1;
  while (next <= last && index.lineText(next).trim().startsWith('#')) next += 1;
  return next;
}
