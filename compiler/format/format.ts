/**
 * `iamc fmt`: parse, print canonically with the comments put back, and prove the result means
 * the same (re-parse it and compare the AST without spans, and check every comment survived).
 * A formatter that changed meaning would be a bug; it refuses rather than writes.
 */
import { diagnostic, hasErrors, type Result } from '../diagnostics/diagnostic.js';
import { fileSpan, LineIndex } from '../diagnostics/span.js';
import { stripSpans } from '../syntax/ast.js';
import { parseDslWithComments } from '../syntax/dsl/cst-to-ast.js';
import { printDsl, type PrintComment } from './print-dsl.js';

/**
 * The canonical text of a `.iam` file, or `undefined` (with the diagnostics) when the file has
 * errors: a file that does not parse is left as it is.
 */
export function formatDsl(path: string, text: string): Result<string | undefined> {
  const parsed = parseDslWithComments(path, text);
  if (hasErrors(parsed.diagnostics)) return { value: undefined, diagnostics: parsed.diagnostics };

  const index = new LineIndex(path, text);
  const comments: PrintComment[] = parsed.value.comments.map((c) => {
    const before = text.slice(c.span.offset - (c.span.column - 1), c.span.offset);
    const nextLine = index.lineText(c.span.line + 1);
    return {
      text: c.text.trimEnd(),
      offset: c.span.offset,
      trailing: before.trim() !== '',
      blankAfter: c.span.line < index.position(text.length).line && nextLine.trim() === '',
    };
  });
  const printed = printDsl(parsed.value.file, comments);

  const again = parseDslWithComments(path, printed);
  const sameMeaning = !hasErrors(again.diagnostics) && deepEqual(stripSpans(again.value.file.declarations), stripSpans(parsed.value.file.declarations));
  // Every comment survives; its place may move with its line (settings print before grants).
  const sameComments = deepEqual(
    again.value.comments.map((c) => c.text.trimEnd()).sort(),
    comments.map((c) => c.text).sort(),
  );
  if (!sameMeaning || !sameComments) {
    const what = !sameMeaning ? 'changed the meaning of the file' : 'lost a comment';
    return { value: undefined, diagnostics: [diagnostic('IAM9001', fileSpan(path), `the formatter ${what}; the file was left unchanged`)] };
  }
  return { value: printed, diagnostics: parsed.diagnostics };
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
