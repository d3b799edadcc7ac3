/**
 * Waivers for policy JSON. JSON has no comments, and a waiver inside a value would be a waiver an
 * attacker can write into a policy, so they live in a `.iamc-waivers` file beside the policies:
 *
 *   # FILE          CODES     JSON-POINTER: reason
 *   queue-reader.json  IAM5106  /Statement/0/Resource: the queues are created per tenant at run time
 *
 * FILE is relative to the folder of `.iamc-waivers`; the pointer (RFC 6901) names the value the
 * finding is about, or any value that contains it. Blank lines and `#` lines are ignored.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/span.js';
import { jsonPointerRange } from './read-policy-json.js';
import type { Waiver } from './waivers.js';

export const WAIVER_FILE = '.iamc-waivers';

/** FILE, CODES, POINTER, then `:` and the reason; a pointer may hold `:` (`…/aws:SourceArn`), a reason follows `: `. */
const LINE = /^(\S+)[ \t]+(IAM\d{4}(?:[ \t]*,[ \t]*IAM\d{4})*)[ \t]+(\/\S*?|"")(?::(?:[ \t](.*))?)?$/;

export function readWaiverFile(path: string, text: string, sources: readonly { path: string; text: string }[]): { waivers: Waiver[]; problems: Diagnostic[] } {
  const index = new LineIndex(path, text);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const waivers: Waiver[] = [];
  const problems: Diagnostic[] = [];
  const lines = text.split('\n');
  let offset = 0;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const start = offset;
    offset += raw.length + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const span = index.span(start, start + line.length);
    const m = LINE.exec(line.trim());
    if (!m) {
      problems.push(diagnostic('IAM5101', span, 'a waiver line names the file, the codes, the JSON path and why', { suggestion: 'write `FILE IAM5xxx /Statement/0/Resource: reason`' }));
      continue;
    }
    const codes = m[2]!.split(',').map((c) => c.trim());
    const reason = (m[4] ?? '').trim();
    if (reason === '') {
      problems.push(diagnostic('IAM5101', span, `waiver for \`${codes.join('`, `')}\` gives no reason, so it waives nothing`, { suggestion: `write \`${m[1]} ${codes.join(',')} ${m[3]}: why this is safe\`` }));
      continue;
    }
    const file = `${folder}${m[1]!}`;
    const source = sources.find((s) => s.path === file);
    // A waiver for a file not being checked is neither used nor stale: it is simply not in play.
    if (!source) continue;
    const pointer = m[3] === '""' ? '' : m[3]!;
    const range = jsonPointerRange(source.text, pointer);
    waivers.push({
      codes,
      reason,
      file,
      target: range ?? { from: -1, to: -1 },
      span,
      ...(range === undefined ? { unmatched: `\`${pointer}\` names no value in \`${m[1]}\`` } : {}),
    });
  }
  return { waivers, problems };
}
