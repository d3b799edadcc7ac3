/**
 * A `because` is what a reviewer reads to accept a widening; the gates only ask that one is there.
 * An empty one (`because ""`, spaces, or only invisible characters) would pass every gate while
 * saying nothing, so it is refused wherever it is written.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { activeMutant } from '../verify/mutants.js';
import type { Declaration } from '../syntax/ast.js';
import type { Word } from '../syntax/ast.js';

const BLANK = /^[\s\p{Z}\p{Cf}]*$/u;

/** Reports every blank `because` in the declarations, whichever construct holds it. */
export function checkReasons(bag: DiagnosticBag, declarations: readonly Declaration[]): void {
  if (activeMutant() === 'blank-reason') return;
  for (const d of declarations) visit(bag, d, new Set());
}

function visit(bag: DiagnosticBag, node: unknown, seen: Set<object>): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) visit(bag, item, seen);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'because' && isWord(value) && BLANK.test(value.value)) {
      bag.add('IAM2196', value.span, 'an empty reason says nothing to the reviewer', { suggestion: 'write why the grant needs this much, e.g. `because "the console lists every queue"`' });
    }
    if (key !== 'span') visit(bag, value, seen);
  }
}

function isWord(value: unknown): value is Word {
  return typeof value === 'object' && value !== null && typeof (value as { value?: unknown }).value === 'string' && 'span' in value;
}
