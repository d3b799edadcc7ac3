/**
 * String bodies use JSON escapes. Decoding is done here rather than with `JSON.parse` so that
 * each bad escape gets its own diagnostic at its own column, and the rest of the string survives.
 */
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { LineIndex } from '../../diagnostics/span.js';
import { showChar } from './syntax-errors.js';

const SIMPLE: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes `body` (the text between the quotes), which starts at `offset` in the file. */
export function decodeString(body: string, offset: number, index: LineIndex, bag: DiagnosticBag): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    const code = ch.charCodeAt(0);
    if (ch !== '\\') {
      if (code < 0x20 || code === 0x7f) {
        bag.add('IAM1201', index.span(offset + i, offset + i + 1), `unexpected character \`${showChar(ch)}\` in a string`, { suggestion: `write it as \`\\u${code.toString(16).padStart(4, '0')}\`` });
      }
      out += ch;
      continue;
    }
    const next = body[i + 1];
    if (next !== undefined && SIMPLE[next] !== undefined) {
      out += SIMPLE[next];
      i++;
    } else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      const shown = next === undefined ? '\\' : next === 'u' ? body.slice(i, i + 6) : `\\${next}`;
      bag.add('IAM1204', index.span(offset + i, offset + i + Math.max(1, shown.length)), `invalid escape \`${[...shown].map(showChar).join('')}\` in a string`, {
        suggestion: 'strings use JSON escapes: `\\"`, `\\\\`, `\\n`, `\\t`, `\\uXXXX`',
      });
      // Keep the character after the backslash so the value stays close to what was meant.
      if (next !== undefined) {
        out += next;
        i++;
      }
    }
  }
  return out;
}
