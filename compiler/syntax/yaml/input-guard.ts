/**
 * Checks made on the raw text before the YAML parser sees it: the text must be text, and not nested
 * so deeply that the parser's recursion could exhaust the stack (an intent file never nests more
 * than a handful of levels; hostile input can nest thousands).
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LineIndex } from '../../diagnostics/span.js';

/** Flow brackets (`[`, `{`) open at once; intent files use three or four. */
export const MAX_FLOW_DEPTH = 64;
/** Characters of indentation and block indicators (`- `, `? `) before a line's content. */
export const MAX_BLOCK_PREFIX = 128;

export function checkInput(index: LineIndex): Diagnostic[] {
  const text = index.text;
  const bad = firstNonText(text);
  if (bad !== undefined) {
    const code = text.codePointAt(bad)!;
    const message = code === 0xfffd
      ? 'the file is not valid UTF-8 text'
      : `the file contains the control character \`U+${code.toString(16).toUpperCase().padStart(4, '0')}\`; it is not a text file`;
    return [diagnostic('IAM0005', index.span(bad, bad + 1), message)];
  }
  const deep = firstTooDeep(text);
  if (deep !== undefined) {
    return [diagnostic('IAM1108', index.span(deep, deep + 1), `the YAML nests deeper than iamc reads (at most ${MAX_FLOW_DEPTH} brackets or ${MAX_BLOCK_PREFIX} columns of indentation)`)];
  }
  return [];
}

/**
 * Offset of the first character YAML does not allow in a stream (outside its printable set), or
 * of U+FFFD, which a decoder leaves where the bytes were not UTF-8. A leading BOM is allowed.
 */
function firstNonText(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f && c !== 0x85) || c === 0xfffd || c === 0xfffe || c === 0xffff) return i;
    if (c === 0xfeff && i > 0) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return undefined;
}

/**
 * A conservative bound on nesting: brackets are counted without regard to quotes (a string would
 * need dozens of unbalanced brackets to trip it), and block depth cannot exceed the width of a
 * line's indentation and indicators.
 */
function firstTooDeep(text: string): number | undefined {
  let depth = 0;
  let lineStart = true;
  let prefix = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      lineStart = true;
      prefix = 0;
      continue;
    }
    if (lineStart) {
      const next = text[i + 1];
      const indicator = (ch === '-' || ch === '?') && (next === ' ' || next === '\t' || next === '\n' || next === undefined);
      if (ch === ' ' || ch === '\t' || indicator) {
        prefix++;
        if (prefix > MAX_BLOCK_PREFIX) return i;
        continue;
      }
      lineStart = false;
    }
    if (ch === '[' || ch === '{') {
      depth++;
      if (depth > MAX_FLOW_DEPTH) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
