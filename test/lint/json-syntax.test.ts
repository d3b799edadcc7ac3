/** The JSON syntax check agrees with the platform's strict parser, and says where text stops being JSON. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../compiler/lint/json-syntax.js';

const RUNS = Number(process.env['IAMC_PROPERTY_RUNS'] ?? 300);
const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonSyntaxError', () => {
  it('property: no error ⇔ JSON.parse accepts the text (JSON, and JSON with one character changed)', () => {
    const texts = fc.oneof(
      fc.json(),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom(',', '#', ']', '}', '"', ' ', '\\', '\n', '/', "'")).map(([t, at, c]) => {
        const i = t.length === 0 ? 0 : at % t.length;
        return t.slice(0, i) + c + t.slice(i + 1);
      }),
      // A trailing comma before a closing bracket: what YAML quietly accepts and AWS does not.
      fc.tuple(fc.json(), fc.nat()).map(([t, at]) => {
        const closers = [...t.matchAll(/[\]}]/g)].map((m) => m.index);
        if (closers.length === 0) return t;
        const i = closers[at % closers.length]!;
        return `${t.slice(0, i)},${t.slice(i)}`;
      }),
    );
    fc.assert(fc.property(texts, (text) => {
      expect(jsonSyntaxError(text) === undefined, text).toBe(parses(text));
    }), { numRuns: RUNS });
  });

  it('locates a trailing comma, a comment, and an unterminated string', () => {
    expect(jsonSyntaxError('{"a": [1,\n ]}')).toEqual({ offset: 8, message: 'a trailing comma before `]`' });
    expect(jsonSyntaxError('{"a": 1,\n}')).toEqual({ offset: 7, message: 'a trailing comma before `}`' });
    expect(jsonSyntaxError('{\n # iamc-allow IAM5106: x\n "a": 1}')).toEqual({ offset: 3, message: 'JSON has no comments' });
    expect(jsonSyntaxError('{"a": "x}')?.offset).toBe(6);
  });

  it('reports hostile nesting instead of overflowing the stack', () => {
    expect(jsonSyntaxError('['.repeat(100_000))?.message).toMatch(/nested more than/);
  });
});
