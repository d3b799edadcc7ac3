import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hclIdentifier, hclString, IdentifierAllocator } from '../../../compiler/emit/terraform/hcl-escape.js';
import { literalText, parseHcl } from './hcl-decode.js';

/** Strings rich in what HCL treats specially. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('$', '%', '{', '}', '"', '\\', '\n', '\r', '\t', '\u0001', '\u001f', '\u007f', '~', 'a', ' ', '€', '😀'),
    fc.constantFrom('${', '%{', '$${', '%%{', '\\n', '\\"', '${var.x}', '%{ if true }x%{ endif }'),
  ),
  maxLength: 30,
});

describe('hclString', () => {
  it('user text reaches Terraform unchanged (parsed by hcl2json)', async () => {
    await fc.assert(
      fc.asyncProperty(tricky, async (text) => {
        const parsed = await parseHcl('x.tf', `locals {\n  x = ${hclString(text)}\n}\n`);
        const raw = (parsed['locals'] as { x: string }[])[0]!.x;
        expect(literalText(raw)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('doubles interpolation and directive openers', () => {
    expect(hclString('a${b}%{c}')).toBe('"a$${b}%%{c}"');
    expect(hclString('$${x}')).toBe('"$$${x}"');
    expect(hclString('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\n"');
    expect(hclString('\u0001')).toBe('"\\u0001"');
  });
});

describe('identifiers', () => {
  it('makes IAM names into Terraform identifiers', () => {
    expect(hclIdentifier('lambda-processor')).toBe('lambda-processor');
    expect(hclIdentifier('a.b@c+d=e,f')).toBe('a_b_c_d_e_f');
    expect(hclIdentifier('111111111111')).toBe('_111111111111');
  });

  it('never hands out one label twice', () => {
    const labels = new IdentifierAllocator();
    expect([labels.allocate('a.b'), labels.allocate('a_b'), labels.allocate('a@b')]).toEqual(['a_b', 'a_b_2', 'a_b_3']);
  });
});
