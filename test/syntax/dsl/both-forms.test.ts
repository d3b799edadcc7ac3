import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripSpans } from '../../../compiler/syntax/ast.js';
import { parseDsl } from '../../../compiler/syntax/dsl/cst-to-ast.js';
import { parseYaml } from '../../../compiler/syntax/yaml/yaml-to-ast.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the DSL and the YAML form say the same thing', () => {
  it('seed program: stripSpans(dsl) deep-equals stripSpans(yaml)', () => {
    const dsl = parseDsl('seed.iam', read('./fixtures/seed.iam'));
    const yaml = parseYaml('seed.iam.yaml', read('../../../examples/seed.iam.yaml'));
    expect(dsl.diagnostics).toEqual([]);
    expect(yaml.diagnostics).toEqual([]);
    expect(stripSpans(dsl.value.declarations)).toEqual(stripSpans(yaml.value.declarations));
  });
});
