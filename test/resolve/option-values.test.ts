/**
 * Option values name one thing exactly: a glob in `family`, `configuration-set` or `via` would
 * widen the grant past anything the name check sees.
 */
import { describe, expect, it } from 'vitest';
import { at, compileText } from '../helpers/compile.js';

const dsl = (grant: string): string => `account prod = 123456789012\nregion eu-west-1\nrole r for ec2 in prod {\n  ${grant}\n}\n`;
const yaml = (grant: string): string => `accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  r:\n    for: ec2\n    in: prod\n    grants:\n      - ${grant}\n`;

describe('a glob in an option value', () => {
  it('is refused at the value, in both syntaxes', () => {
    const fromDsl = compileText({ 'a.iam': dsl('deploy ecs service "prod/web" family "web*"') });
    expect(at(fromDsl)).toEqual(['IAM2134 a.iam:4:40']);
    expect(fromDsl.diagnostics[0]!.message).toContain('no `*` or `?`');
    expect(fromDsl.files).toBeUndefined();
    const fromYaml = compileText({ 'a.iam.yaml': yaml('{ deploy ecs service: "prod/web", family: "web-?" }') });
    expect(fromYaml.diagnostics.map((d) => d.code)).toEqual(['IAM2134']);
  });
  it('leaves an exact value alone', () => {
    const result = compileText({ 'a.iam': dsl('deploy ecs service "prod/web" family "web-task"') });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files?.get('iam/roles/r.policy.json')).toContain('task-definition/web-task:*');
  });
});
