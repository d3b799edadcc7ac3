import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripSpans } from '../../compiler/syntax/ast.js';
import { parseDsl } from '../../compiler/syntax/dsl/cst-to-ast.js';
import { printDsl } from '../../compiler/format/print-dsl.js';
import { sourceFile } from '../syntax/dsl/ast-arbitraries.js';

describe('printer laws', () => {
  it('parse(print(ast)) ≡ ast', () => {
    fc.assert(
      fc.property(sourceFile, (file) => {
        const printed = printDsl(file);
        const parsed = parseDsl('g.iam', printed);
        expect(parsed.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column} ${d.message}`)).toEqual([]);
        expect(stripSpans(parsed.value.declarations)).toEqual(stripSpans(file.declarations));
      }),
      { numRuns: 1500 },
    );
  });

  it('print(parse(print(ast))) = print(ast): the canonical layout is a fixed point', () => {
    fc.assert(
      fc.property(sourceFile, (file) => {
        const printed = printDsl(file);
        expect(printDsl(parseDsl('g.iam', printed).value)).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });
});
