import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDsl } from '../../../compiler/syntax/dsl/cst-to-ast.js';
import { formatDsl } from '../../../compiler/format/format.js';
import { KEYWORDS } from '../../../grammar/keywords.js';

const seed = readFileSync(new URL('./fixtures/seed.iam', import.meta.url), 'utf8');

/** Edits that keep most of a valid file: delete, duplicate or replace a slice, insert a word. */
const mutation = fc.tuple(
  fc.nat({ max: seed.length }),
  fc.nat({ max: 40 }),
  fc.oneof(
    fc.constant(''),
    fc.constantFrom('{', '}', '[', ']', ',', '=', '"', '\\', '#', '\n', '\u0000', ';', "'", ...KEYWORDS),
    fc.string({ unit: 'binary', maxLength: 8 }),
  ),
);

function mutate(text: string, [at, length, insert]: [number, number, string]): string {
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + length));
}

describe('the front end never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const r = parseDsl('x.iam', text);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('on strings made of the language\'s own words', () => {
    const token = fc.oneof(fc.constantFrom(...KEYWORDS, '{', '}', '[', ']', ',', '=', '"x"', '"', 'name', '1h', '\n', '# c\n'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const text = tokens.join(' ');
        const r = parseDsl('x.iam', text);
        // A result with errors always says so; a result without errors formats.
        if (r.diagnostics.length === 0) expect(formatDsl('x.iam', text).value).toBeTypeOf('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('on mutations of a valid file, and diagnostics are well-formed', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = edits.reduce(mutate, seed);
        const r = parseDsl('x.iam', text);
        for (const d of r.diagnostics) {
          expect(d.span.line).toBeGreaterThanOrEqual(1);
          expect(d.span.column).toBeGreaterThanOrEqual(1);
          expect(d.span.offset).toBeLessThanOrEqual(text.length);
        }
        // The formatter must never refuse its own output (IAM9001 is a formatter bug).
        expect(formatDsl('x.iam', text).diagnostics.filter((d) => d.code === 'IAM9001')).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
