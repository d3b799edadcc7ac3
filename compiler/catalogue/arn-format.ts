/**
 * Whether an ARN glob (IAM's `*` and `?`) and a catalogue ARN format (`${Var}` = one or more
 * characters, minus the delimiters that variable never contains) have a string in common.
 * Both are small automata; a breadth-first walk over their product answers it exactly.
 */

export type FormatToken = { kind: 'lit'; char: string } | { kind: 'var'; excluded: ReadonlySet<string> };

/** A character in neither pattern, standing for every such character at once. */
const OTHER = '\u0000';

export function globIntersects(format: readonly FormatToken[], glob: string): boolean {
  const alphabet = new Set<string>([OTHER]);
  for (const t of format) {
    if (t.kind === 'lit') alphabet.add(t.char);
    else for (const c of t.excluded) alphabet.add(c);
  }
  for (const c of glob) if (c !== '*' && c !== '?') alphabet.add(c);

  // A format state is (token index, inside a variable that has consumed at least one char).
  const key = (i: number, inVar: boolean, j: number): string => `${i},${inVar ? 1 : 0},${j}`;
  const seen = new Set<string>();
  const queue: [number, boolean, number][] = [];
  const push = (i: number, inVar: boolean, j: number): void => {
    const k = key(i, inVar, j);
    if (seen.has(k)) return;
    seen.add(k);
    queue.push([i, inVar, j]);
  };
  push(0, false, 0);
  for (let head = 0; head < queue.length; head++) {
    const [i, inVar, j] = queue[head]!;
    // Epsilon moves: a variable may end once it has a character; a glob `*` may match nothing.
    if (inVar) push(i + 1, false, j);
    if (glob[j] === '*') push(i, inVar, j + 1);
    if (i === format.length && !inVar && j === glob.length) return true;

    for (const c of alphabet) {
      const nextFormat = formatStep(format, i, inVar, c);
      if (!nextFormat) continue;
      const g = glob[j];
      if (g === undefined) continue;
      const nexts: number[] = g === '*' ? [j] : g === '?' || g === c ? [j + 1] : [];
      for (const nj of nexts) push(nextFormat[0], nextFormat[1], nj);
    }
  }
  return false;
}

function formatStep(format: readonly FormatToken[], i: number, inVar: boolean, c: string): [number, boolean] | undefined {
  const t = format[i];
  if (!t) return undefined;
  if (t.kind === 'lit') return !inVar && t.char === c ? [i + 1, false] : undefined;
  return t.excluded.has(c) ? undefined : [i, true];
}
