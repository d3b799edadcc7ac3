/**
 * A trust's subject is the literal name written: IAM substitutes `${…}` in condition values, so a
 * branch or service connection holding one would trust whatever the variable says at request time.
 */
import { describe, expect, it } from 'vitest';
import { at, codes, compileText } from '../helpers/compile.js';

const dsl = (principal: string): string => `account prod = 123456789012\nregion eu-west-1\nrole deployer for ${principal} in prod {\n  read s3 objects "site/*"\n}\n`;
const yaml = (principal: string): string => `accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  deployer:\n    for: ${principal}\n    in: prod\n    grants:\n      - read s3 objects: "site/*"\n`;

describe('a policy variable in a trust subject', () => {
  it('is refused in a GitHub branch, environment or tag, in both syntaxes', () => {
    for (const ref of ['branch', 'environment', 'tag']) {
      const fromDsl = compileText({ 'a.iam': dsl(`github "acme/shop" ${ref} "\${aws:PrincipalTag/team}"`) });
      expect(codes(fromDsl)).toEqual(['IAM2113']);
      expect(fromDsl.diagnostics[0]!.message).toContain('policy variable');
      expect(fromDsl.files).toBeUndefined();
      const fromYaml = compileText({ 'a.iam.yaml': yaml(`{ github: acme/shop, ${ref}: "\${aws:username}" }`) });
      expect(codes(fromYaml)).toEqual(['IAM2113']);
    }
  });
  it('points at the name', () => {
    const result = compileText({ 'a.iam': dsl('github "acme/shop" branch "${aws:username}"') });
    expect(at(result)).toEqual(['IAM2113 a.iam:3:45']);
  });
  it('is refused in an Azure DevOps service connection', () => {
    const result = compileText({ 'a.iam': dsl('azure-devops "acme/web/${aws:username}" organization-id "8f2c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b"') });
    expect(codes(result)).toEqual(['IAM2113']);
  });
  it('leaves names with a plain `$` alone', () => {
    const result = compileText({ 'a.iam': dsl('github "acme/shop" branch "release$1"') });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files?.get('iam/roles/deployer.trust.json')).toContain('repo:acme/shop:ref:refs/heads/release$1');
  });
});
