import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globIntersects, type FormatToken } from '../../compiler/catalogue/arn-format.js';

/** `x` stands for every character neither pattern names. */
const ALPHABET = ['a', '/', ':', 'x'];

const tokenArb: fc.Arbitrary<FormatToken> = fc.oneof(
  fc.constantFrom('a', '/', ':').map((char): FormatToken => ({ kind: 'lit', char })),
  fc.subarray(['/', ':']).map((excluded): FormatToken => ({ kind: 'var', excluded: new Set(excluded) })),
);
const globArb = fc.array(fc.constantFrom('a', '/', ':', '*', '?'), { maxLength: 3 }).map((cs) => cs.join(''));

function formatRegex(format: readonly FormatToken[]): RegExp {
  const body = format
    .map((t) => (t.kind === 'lit' ? `\\${t.char}` : `[^${[...t.excluded].map((c) => `\\${c}`).join('')}\\n]+`))
    .join('');
  return new RegExp(`^${body}$`);
}
function globRegex(glob: string): RegExp {
  return new RegExp(`^${[...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`)).join('')}$`);
}

/** Every string up to `max` characters: a shortest common string needs at most one per token. */
function* strings(max: number): Generator<string> {
  let layer = [''];
  for (let n = 0; n <= max; n++) {
    yield* layer;
    layer = layer.flatMap((s) => ALPHABET.map((c) => s + c));
  }
}

function bruteForce(format: readonly FormatToken[], glob: string): boolean {
  const f = formatRegex(format);
  const g = globRegex(glob);
  for (const s of strings(format.length + glob.length)) if (f.test(s) && g.test(s)) return true;
  return false;
}

describe('globIntersects', () => {
  it('globIntersects ⇔ some string fits both (brute force)', () => {
    fc.assert(
      fc.property(fc.array(tokenArb, { maxLength: 3 }), globArb, (format, glob) => {
        expect(globIntersects(format, glob)).toBe(bruteForce(format, glob));
      }),
      { numRuns: 400 },
    );
  });
  it('handles the cases that matter for ARNs', () => {
    const v = (...excluded: string[]): FormatToken => ({ kind: 'var', excluded: new Set(excluded) });
    const lit = (s: string): FormatToken[] => [...s].map((char) => ({ kind: 'lit', char }));
    expect(globIntersects([...lit('b:'), v('/')], 'b:x/y')).toBe(false);
    expect(globIntersects([...lit('b:'), v('/')], 'b:*')).toBe(true);
    expect(globIntersects([...lit('b:'), v()], 'b:')).toBe(false);
    expect(globIntersects([...lit('b:'), v(), ...lit('/'), v()], 'b:*')).toBe(true);
  });
});
