/**
 * `# iamc-allow IAM5xxx: reason` waives a lint finding on one line: a comment after the code waives
 * its own line; a comment on a line of its own waives the next line that is not a comment (so
 * waivers may stack). A waiver without a reason waives nothing and is IAM5101; a waiver that
 * matches no finding is IAM5102, so a stale one cannot hide a new finding later.
 *
 * Waivers are read from comments only, as each syntax defines them: the `.iam` lexer's comment
 * tokens, the YAML parser's comments. Text inside a string (a description, a quoted target) is
 * data and never waives anything. Policy JSON has no comments: its waivers live in a
 * `.iamc-waivers` file beside it (see waiver-file.ts).
 */
import { Parser } from 'yaml';
import { iamLexer } from '../../grammar/tokens.js';
import { CODES } from '../diagnostics/codes.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex, type Span } from '../diagnostics/span.js';
import { readWaiverFile, WAIVER_FILE } from './waiver-file.js';

export interface Waiver {
  readonly codes: readonly string[];
  readonly reason: string;
  /** The file whose findings it waives. */
  readonly file: string;
  /** Which findings of that file: those on a line, or those inside a byte range (a JSON value). */
  readonly target: { readonly line: number } | { readonly from: number; readonly to: number };
  /** Where the waiver itself is written. */
  readonly span: Span;
  /** Why it cannot match, when that is known before any finding is seen (a JSON path that names nothing). */
  readonly unmatched?: string;
}

const CODE_LIST = /^[ \t]*((?:IAM\d{4})(?:[ \t]*,[ \t]*IAM\d{4})*)[ \t]*(?::(.*))?$/;

/** Codes a waiver may name: lint rules, not the waiver checks themselves. */
export function waivable(code: string): boolean {
  return code.startsWith('IAM51') && code !== 'IAM5101' && code !== 'IAM5102' && code in CODES;
}

export interface WaiverOptions {
  /**
   * Whether the lint rules ran over a file. When a file stopped earlier (a syntax error, invalid
   * JSON), its waivers cannot be judged, so they are not reported as matching nothing.
   */
  readonly linted?: (file: string) => boolean;
}

export function applyWaivers(diagnostics: readonly Diagnostic[], sources: readonly { path: string; text: string }[], options: WaiverOptions = {}): Diagnostic[] {
  const linted = options.linted ?? (() => true);
  const problems: Diagnostic[] = [];
  const waivers: Waiver[] = [];
  for (const source of sources) {
    const found = readWaivers(source.path, source.text, sources);
    waivers.push(...found.waivers);
    problems.push(...found.problems);
  }
  const used = new Set<Waiver>();
  const kept = diagnostics.filter((d) => {
    const w = waivers.find((x) => x.unmatched === undefined && x.file === d.span.file && covers(x, d.span) && x.codes.includes(d.code) && waivable(d.code));
    if (!w) return true;
    used.add(w);
    return false;
  });
  for (const w of waivers) {
    if (used.has(w)) continue;
    const bad = w.codes.filter((c) => !waivable(c));
    if (bad.length === 0 && !linted(w.file)) continue;
    const where = 'line' in w.target ? `on line ${w.target.line}` : 'at that path';
    const message = bad.length > 0 ? `\`${bad[0]}\` is not a lint rule that can be waived` : (w.unmatched ?? `waiver for \`${w.codes.join('`, `')}\` matches no finding ${where}`);
    problems.push(diagnostic('IAM5102', w.span, message, { suggestion: 'remove the waiver, or move it to the line with the finding' }));
  }
  return sortDiagnostics([...kept, ...problems]);
}

function covers(w: Waiver, span: Span): boolean {
  return 'line' in w.target ? w.target.line === span.line : span.offset >= w.target.from && span.endOffset <= w.target.to;
}

function readWaivers(path: string, text: string, sources: readonly { path: string; text: string }[]): { waivers: Waiver[]; problems: Diagnostic[] } {
  if (path === WAIVER_FILE || path.endsWith(`/${WAIVER_FILE}`)) return readWaiverFile(path, text, sources);
  const index = new LineIndex(path, text);
  const waivers: Waiver[] = [];
  const problems: Diagnostic[] = [];
  for (const comment of comments(path, text)) {
    // `#` glued to a word is not a comment a reader sees as one: only a `#` at the start of a line or after white space.
    if (comment.offset > 0 && !/[ \t\n\r]/.test(text[comment.offset - 1]!)) continue;
    const m = /^#[ \t]*iamc-allow\b(.*)$/.exec(comment.text.replace(/\r$/, ''));
    if (!m) continue;
    const span = index.span(comment.offset, comment.offset + comment.text.replace(/\r$/, '').length);
    const parsed = parseWaiverText(m[1]!, span, '# iamc-allow');
    if ('problem' in parsed) {
      problems.push(parsed.problem);
      continue;
    }
    const ownLine = index.lineText(span.line).slice(0, span.column - 1).trim() === '';
    waivers.push({ ...parsed, file: path, target: { line: ownLine ? nextCodeLine(index, span.line) : span.line }, span });
  }
  return { waivers, problems };
}

/** `IAM5106, IAM5104: reason` after the waiver's keyword; a waiver without a reason is IAM5101. */
function parseWaiverText(rest: string, span: Span, lead: string): { codes: string[]; reason: string } | { problem: Diagnostic } {
  const parsed = CODE_LIST.exec(rest);
  if (!parsed) return { problem: diagnostic('IAM5101', span, 'a waiver names the codes it waives and why', { suggestion: `write \`${lead} IAM5xxx: reason\`` }) };
  const codes = parsed[1]!.split(',').map((c) => c.trim());
  const reason = (parsed[2] ?? '').trim();
  if (reason === '') {
    return { problem: diagnostic('IAM5101', span, `waiver for \`${codes.join('`, `')}\` gives no reason, so it waives nothing`, { suggestion: `write \`${lead} ${codes.join(', ')}: why this is safe\`` }) };
  }
  return { codes, reason };
}

/** The comments of a source as its own syntax reads them; other files have none. */
function comments(path: string, text: string): { offset: number; text: string }[] {
  if (path.endsWith('.iam')) {
    return (iamLexer.tokenize(text).groups['comments'] ?? []).map((t) => ({ offset: t.startOffset, text: t.image }));
  }
  if (path.endsWith('.iam.yaml') || path.endsWith('.iam.yml')) {
    const out: { offset: number; text: string }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      const token = node as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') out.push({ offset: token.offset, text: token.source });
      for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
    };
    for (const token of new Parser().parse(text)) walk(token);
    return out.sort((a, b) => a.offset - b.offset);
  }
  return [];
}

/** The first line after `line` that is not only a comment: stacked waivers share it. */
function nextCodeLine(index: LineIndex, line: number): number {
  const last = index.position(index.text.length).line;
  let next = line + 1;
  while (next <= last && index.lineText(next).trim().startsWith('#')) next += 1;
  return next;
}
