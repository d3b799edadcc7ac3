/**
 * A `#` glued to a word would start a comment and cut the word short, widening what it names
 * (`reports#2` read as `reports`). In `.iam` it is an error asking for quotes; after a space it
 * is a comment; inside quotes it is text. YAML keeps its own rule: `a#b` is the text `a#b`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDsl } from '../../../compiler/syntax/dsl/cst-to-ast.js';
import { compileText, policy } from '../../helpers/compile.js';

const role = (line: string) => `account prod = 123456789012\nregion eu-west-1\nrole app for ec2 in prod {\n  ${line}\n}\n`;
const at = (text: string) => parseDsl('t.iam', text).diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}-${d.span.endColumn}`);
const yamlRole = (grant: string) => `accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants:\n      - ${grant}\n`;
const resources = (result: ReturnType<typeof compileText>) => JSON.stringify(policy(result, 'iam/roles/app.policy.json').Statement.map((s) => s['Resource']));

describe('`#` glued to a word in .iam', () => {
  it('refuses `reports/q#2` as one error over the whole word, asking for quotes', () => {
    const text = role('read s3 objects reports/q#2');
    expect(at(text)).toEqual(['IAM1210 4:19-30']);
    const [d] = parseDsl('t.iam', text).diagnostics;
    expect(d!.suggestion).toBe('quote it: `"reports/q#2"`, or put a space before `#` for a comment');
    expect(compileText({ 't.iam': text }).files).toBeUndefined();
  });

  it('refuses a `#` glued to a name anywhere, and reports each once without a cascade', () => {
    expect(at('account prod#x = 123456789012\n')).toEqual(['IAM1210 1:9-15']);
    expect(at(role('send sqs queue app#x # a real comment after'))).toEqual(['IAM1210 4:18-23']);
    expect(at(`${role('send sqs queue a#1')}${role('send sqs queue b#2').replace('account prod = 123456789012\nregion eu-west-1\n', '').replace('role app', 'role web')}`)).toEqual([
      'IAM1210 4:18-21',
      'IAM1210 7:18-21',
    ]);
  });

  it('keeps a `#` after a space as a comment, and a quoted `#` as text', () => {
    expect(at(role('read s3 objects reports/q # two'))).toEqual([]);
    expect(at(role('read s3 objects "reports/q#2"'))).toEqual([]);
    expect(at(`# a comment at the start\n${role('read s3 objects "a" # b#c')}`)).toEqual([]);
    expect(resources(compileText({ 't.iam': role('read s3 objects "reports/q#2"') }))).toContain('arn:aws:s3:::reports/q#2');
  });
});

describe('`#` in the YAML form (YAML\'s own rule)', () => {
  it('reads `reports/q#2` as the whole text, never as `reports` plus a comment', () => {
    const result = compileText({ 'x.iam.yaml': yamlRole('read s3 objects: reports/q#2') });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(resources(result)).toContain('arn:aws:s3:::reports/q#2');
  });

  it('reads `reports/q #2` as `reports/q` and a comment, as every YAML reader does', () => {
    expect(resources(compileText({ 'x.iam.yaml': yamlRole('read s3 objects: reports/q #2') }))).not.toContain('#');
  });
});

describe('the editor grammar', () => {
  it('marks a glued `#` as invalid, not as a comment', () => {
    const grammar = JSON.parse(readFileSync(new URL('../../../editors/iam.tmLanguage.json', import.meta.url), 'utf8')) as { repository: Record<string, { match: string }> };
    const glued = new RegExp(grammar.repository['glued-hash']!.match);
    expect(glued.exec('read s3 objects reports/q#2')?.[0]).toBe('#2');
    expect(glued.test('read s3 objects reports #2')).toBe(false);
  });
});
