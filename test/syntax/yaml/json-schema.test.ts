import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { yamlJsonSchema, yamlJsonSchemaText } from '../../../compiler/syntax/yaml/json-schema.js';
import { parseYaml } from '../../../compiler/syntax/yaml/yaml-to-ast.js';
import { schemaErrors } from './schema-check.js';

const schemaUrl = new URL('../../../schema/iamc.schema.json', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const schema = yamlJsonSchema() as Record<string, unknown>;
const accepts = (text: string) => schemaErrors(schema, parse(text));

describe('the JSON Schema of the YAML form', () => {
  test('the checked-in schema is the generated one', () => {
    // IAMC_WRITE_SCHEMA=1 regenerates the file (as scripts/gen-schema.ts does).
    if (process.env.IAMC_WRITE_SCHEMA === '1') writeFileSync(schemaUrl, yamlJsonSchemaText());
    expect(readFileSync(schemaUrl, 'utf8'), 'schema/iamc.schema.json is stale: run scripts/gen-schema.ts').toBe(yamlJsonSchemaText());
  });

  test('is draft-07 and every $ref resolves', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const defs = schema.definitions as Record<string, unknown>;
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(defs, r).toHaveProperty([r]);
  });

  test('accepts the example that uses every construct, which the reader also accepts', () => {
    const text = fixture('full.iam.yaml');
    expect(parseYaml('full.iam.yaml', text).diagnostics).toEqual([]);
    expect(accepts(text)).toEqual([]);
  });

  test('accepts the DESIGN §3 example', () => {
    const text = fixture('design.iam.yaml');
    expect(parseYaml('design.iam.yaml', text).diagnostics).toEqual([]);
    expect(accepts(text)).toEqual([]);
  });

  const examplesDir = new URL('../../../examples/', import.meta.url);
  const examples = readdirSync(examplesDir).filter((f) => /\.iam\.ya?ml$/.test(f));
  test.each(examples)('accepts examples/%s, which the reader also accepts', (name) => {
    const text = readFileSync(new URL(name, examplesDir), 'utf8');
    expect(parseYaml(name, text).diagnostics).toEqual([]);
    expect(accepts(text)).toEqual([]);
  });

  // Each of these the reader refuses too; the schema and the reader come from one table.
  const invalid: [string, string][] = [
    ['unknown top-level key', 'rolse: {}'],
    ['role without `in`', 'roles: { r: { for: ec2 } }'],
    ['unknown principal word', 'roles: { r: { for: ec3, in: p } }'],
    ['github without a ref', 'roles: { r: { for: { github: a/b }, in: p } }'],
    ['github with an empty branch list', 'roles: { r: { for: { github: a/b, branch: [] }, in: p } }'],
    ['azure-devops with an empty list', 'roles: { r: { for: { azure-devops: [], organization-id: g }, in: p } }'],
    ['two principal kinds', 'roles: { r: { for: { role: x, in: y, service: z }, in: p } }'],
    ['grant key of two words', 'roles: { r: { for: ec2, in: p, grants: [ { consume sqs: q } ] } }'],
    ['grant with no grant key', 'roles: { r: { for: ec2, in: p, grants: [ { because: x } ] } }'],
    ['empty target list', 'roles: { r: { for: ec2, in: p, grants: [ { consume sqs queue: [] } ] } }'],
    ['raw without on', 'roles: { r: { for: ec2, in: p, grants: [ { allow: "s3:GetObject" } ] } }'],
    ['raw with allow and deny', 'roles: { r: { for: ec2, in: p, grants: [ { allow: a, deny: b, on: c } ] } }'],
    ['unknown condition', 'roles: { r: { for: ec2, in: p, grants: [ { read s3 bucket: b, when: { vpc: x } } ] } }'],
    ['flag as string', 'roles: { r: { for: { role: x, in: y, mfa: "yes" }, in: p } }'],
    ['stdlib deny with a list', 'guardrails: { g: { attach-to: root, rules: [ { deny: [a, b] } ] } }'],
    ['guardrail without attach-to', 'guardrails: { g: { rules: [] } }'],
    ['bad attach target', 'guardrails: { g: { attach-to: [ roots ] } }'],
    ['assignment with group and user', 'permission-sets: { p: { assign: [ { group: g, user: u, to: a } ] } }'],
    ['assignment without to', 'permission-sets: { p: { assign: [ { group: g } ] } }'],
    ['bad scope', 'analyzers: { a: { scope: organisation } }'],
    ['account id as boolean', 'accounts: { a: true }'],
    ['plain-string grant of two words', 'roles: { r: { for: ec2, in: p, grants: [ "write xray" ] } }'],
    ['option with a list value', 'roles: { r: { for: ec2, in: p, grants: [ { deploy ecs service: c/web, family: [a, b] } ] } }'],
  ];
  // The pattern forms: the reader takes each of these without a syntax diagnostic (resolve judges
  // the words), and so does the schema.
  const forms: [string, string][] = [
    ['a plain-string targetless grant', 'roles: { r: { for: ec2, in: p, grants: [ "write xray traces" ] } }'],
    ['a targetless grant with clauses', 'roles: { r: { for: ec2, in: p, grants: [ { write xray traces: null, because: x } ] } }'],
    ['an option key', 'roles: { r: { for: ec2, in: p, grants: [ { deploy ecs service: c/web, family: web-task } ] } }'],
    ['`in` on a grant', 'roles: { r: { for: ec2, in: p, grants: [ { assume iam role: deployer, in: tools } ] } }'],
    ['github with several refs, meaning OR', 'roles: { r: { for: { github: a/b, branch: [m, n], tag: t, pull-request: true }, in: p } }'],
    ['azure-devops with several connections', 'roles: { r: { for: { azure-devops: [o/p/a, o/p/b], organization-id: g }, in: p } }'],
  ];
  test.each(forms)('accepts %s, as the reader does', (_, text) => {
    expect(accepts(text)).toEqual([]);
    expect(parseYaml('x.iam.yaml', text).diagnostics).toEqual([]);
  });

  test.each(invalid)('refuses %s, as the reader does', (_, text) => {
    expect(accepts(text)).not.toEqual([]);
    expect(parseYaml('x.iam.yaml', text).diagnostics).not.toEqual([]);
  });
});
