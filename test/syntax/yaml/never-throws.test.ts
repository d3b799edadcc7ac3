import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { CODES } from '../../../compiler/diagnostics/codes.js';
import type { Result } from '../../../compiler/diagnostics/diagnostic.js';
import type { SourceFile } from '../../../compiler/syntax/ast.js';
import { yamlJsonSchema } from '../../../compiler/syntax/yaml/json-schema.js';
import { MAPPINGS } from '../../../compiler/syntax/yaml/shape.js';
import { parseYaml } from '../../../compiler/syntax/yaml/yaml-to-ast.js';
import { schemaErrors } from './schema-check.js';

const full = readFileSync(new URL('fixtures/full.iam.yaml', import.meta.url), 'utf8');
const schema = yamlJsonSchema() as Record<string, unknown>;

/** What every result must satisfy, whatever the input. */
function wellFormed(text: string, result: Result<SourceFile>): void {
  expect(result.value.path).toBe('p.iam.yaml');
  for (const d of result.diagnostics) {
    expect(Object.hasOwn(CODES, d.code)).toBe(true);
    expect(d.span.file).toBe('p.iam.yaml');
    expect(d.span.line).toBeGreaterThanOrEqual(1);
    expect(d.span.column).toBeGreaterThanOrEqual(1);
    expect(d.span.offset).toBeGreaterThanOrEqual(0);
    expect(d.span.endOffset).toBeGreaterThanOrEqual(d.span.offset);
    expect(d.span.endOffset).toBeLessThanOrEqual(text.length);
    expect(d.message).not.toMatch(/\.$/);
  }
}

/** Pieces YAML and the iamc form are made of, so random text reaches deep into both parsers. */
const token = fc.constantFrom(
  '\n', ' ', '  ', '- ', ': ', ':', ',', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', '!t ', '? ', '|', '>', '---\n', '...',
  'roles', 'for', 'in', 'grants', 'when', 'because', 'ec2', 'lambda', 'github', 'branch', 'mfa', 'true', 'false', 'null', '~',
  'accounts', 'prod', '123456789012', 'consume sqs queue', 'allow', 'deny', 'on', 'guardrails', 'attach-to', 'root', 'rules',
  'analyzers', 'scope', 'tag', 'x', '\t', '\r\n', '\u00e9', '\ufeff', '\ud83d\ude00', '\u0000',
);
const yamlish = fc.array(token, { maxLength: 60 }).map((ts) => ts.join(''));

/** Edits of the full example: deleted, inserted, replaced and duplicated stretches. */
const mutated = fc
  .array(
    fc.record({ at: fc.nat(full.length), len: fc.nat(40), insert: fc.oneof(token, fc.string({ maxLength: 8 })) }),
    { minLength: 1, maxLength: 5 },
  )
  .map((edits) => edits.reduce((text, e) => {
    const at = Math.min(e.at, text.length);
    return text.slice(0, at) + e.insert + text.slice(at + Math.min(e.len, 3) * (e.len % 2));
  }, full));

const lineShuffle = fc
  .array(fc.nat(200), { minLength: 1, maxLength: 6 })
  .map((picks) => {
    const lines = full.split('\n');
    for (const p of picks) lines.splice(p % lines.length, 0, lines[(p * 7) % lines.length]!);
    return lines.join('\n');
  });

/** Every key the form knows, so a renamed key is often another valid key in the wrong place. */
const vocabulary = [...new Set(Object.values(MAPPINGS).flatMap((m) => Object.keys(m.keys)))];
const keyPositions = [...full.matchAll(/[A-Za-z][\w-]*(?=:\s)/g)].map((m) => ({ at: m.index, word: m[0] }));

/** One to three keys renamed: to another known key, or with a letter dropped. */
const keyEdits = fc
  .array(fc.record({ which: fc.nat(keyPositions.length - 1), to: fc.constantFrom(...vocabulary), drop: fc.boolean() }), { minLength: 1, maxLength: 3 })
  .map((edits) => {
    const chosen = new Map(edits.map((e) => [e.which, e]));
    let text = full;
    for (const [which, e] of [...chosen].sort((a, b) => b[0] - a[0])) {
      const { at, word } = keyPositions[which]!;
      const replacement = e.drop ? word.slice(0, -1) || 'x' : e.to;
      text = text.slice(0, at) + replacement + text.slice(at + word.length);
    }
    return text;
  });

describe('parseYaml never throws', () => {
  test('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => wellFormed(text, parseYaml('p.iam.yaml', text))), { numRuns: 400 });
  });

  test('on YAML-shaped noise', () => {
    fc.assert(fc.property(yamlish, (text) => wellFormed(text, parseYaml('p.iam.yaml', text))), { numRuns: 1500 });
  });

  test('on mutated valid files', () => {
    fc.assert(fc.property(fc.oneof(mutated, lineShuffle, keyEdits), (text) => wellFormed(text, parseYaml('p.iam.yaml', text))), { numRuns: 250 });
  });
});

describe('reader and schema agree', () => {
  test('a file the reader accepts without a diagnostic, the schema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(keyEdits, mutated, lineShuffle), (text) => {
        if (parseYaml('p.iam.yaml', text).diagnostics.length > 0) return;
        expect(schemaErrors(schema, parse(text))).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });
});
