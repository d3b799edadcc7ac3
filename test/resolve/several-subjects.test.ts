/**
 * Several subjects in one `for` clause mean OR: the trust admits a token whose `sub` is exactly one
 * of them. One statement, `StringEquals` on the list (never a glob), `aud` still pinned; each name
 * is checked as a single one would be, and a repeat or an empty list is reported.
 */
import { describe, expect, it } from 'vitest';
import { at, codes, compileText } from '../helpers/compile.js';

const GUID = '8f2c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
const dsl = (principal: string): string => `account prod = 123456789012\nregion eu-west-1\nrole deployer for ${principal} in prod {\n  read s3 objects "site/*"\n}\n`;
const yaml = (principal: string): string => `accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  deployer:\n    for: ${principal}\n    in: prod\n    grants:\n      - read s3 objects: "site/*"\n`;

const trustOf = (result: ReturnType<typeof compileText>) => JSON.parse(result.files!.get('iam/roles/deployer.trust.json')!) as { Statement: Record<string, unknown>[] };
const errors = (result: ReturnType<typeof compileText>) => result.diagnostics.filter((d) => d.severity === 'error');

describe('several subjects in one trust', () => {
  it('emit one statement with StringEquals on the exact subjects (sorted, as every value list), aud pinned', () => {
    const result = compileText({ 'a.iam': dsl('github "acme/app" branch "main", environment "production", tag "v1", pull-request') });
    expect(errors(result)).toEqual([]);
    const trust = trustOf(result);
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0]!['Condition']).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': ['repo:acme/app:environment:production', 'repo:acme/app:pull_request', 'repo:acme/app:ref:refs/heads/main', 'repo:acme/app:ref:refs/tags/v1'],
      },
    });
  });

  it('compile to the same files from the DSL and the YAML form', () => {
    const fromDsl = compileText({ 'a.iam': dsl('github "acme/app" branch "main", branch "release", environment "production"') });
    const fromYaml = compileText({ 'a.iam.yaml': yaml('{ github: acme/app, branch: [main, release], environment: [production] }') });
    expect(errors(fromDsl)).toEqual([]);
    expect(fromYaml.files!.get('iam/roles/deployer.trust.json')).toBe(fromDsl.files!.get('iam/roles/deployer.trust.json'));
    expect(fromYaml.files!.get('terraform/roles.tf') ?? '').toBe(fromDsl.files!.get('terraform/roles.tf') ?? '');
    const ado = `azure-devops "acme/web/conn-a", "acme/web/conn-b" organization-id "${GUID}"`;
    const adoDsl = compileText({ 'a.iam': dsl(ado) });
    const adoYaml = compileText({ 'a.iam.yaml': yaml(`{ azure-devops: [acme/web/conn-a, acme/web/conn-b], organization-id: "${GUID}" }`) });
    expect(codes(adoDsl)).toEqual([]);
    expect(adoYaml.files!.get('iam/roles/deployer.trust.json')).toBe(adoDsl.files!.get('iam/roles/deployer.trust.json'));
  });

  it('trust several Azure DevOps connections of one organisation with one statement', () => {
    const result = compileText({ 'a.iam': dsl(`azure-devops "acme/web/conn-a", "acme/web/conn-b" organization-id "${GUID}"`) });
    const host = `vstoken.dev.azure.com/${GUID}`;
    expect(trustOf(result).Statement[0]!['Condition']).toEqual({
      StringEquals: { [`${host}:aud`]: 'api://AzureADTokenExchange', [`${host}:sub`]: ['sc://acme/web/conn-a', 'sc://acme/web/conn-b'] },
    });
  });

  it('keep a single ref as one value, as before', () => {
    const result = compileText({ 'a.iam': dsl('github "acme/app" branch "main"') });
    expect(trustOf(result).Statement[0]!['Condition']).toEqual({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' },
    });
  });

  it('refuse a glob in any one ref, at that ref, and write nothing', () => {
    const result = compileText({ 'a.iam': dsl('github "acme/app" branch "main", branch "release-*"') });
    expect(at(result)).toEqual(['IAM2113 a.iam:3:59']);
    expect(result.files).toBeUndefined();
    const fromYaml = compileText({ 'a.iam.yaml': yaml('{ github: acme/app, branch: [main, "*"] }') });
    expect(codes(fromYaml)).toEqual(['IAM2113']);
  });

  it('refuse a policy variable in any one ref or connection', () => {
    expect(codes(compileText({ 'a.iam': dsl('github "acme/app" environment "production", tag "${aws:username}"') }))).toEqual(['IAM2113']);
    expect(codes(compileText({ 'a.iam': dsl(`azure-devops "acme/web/a", "acme/web/\${aws:username}" organization-id "${GUID}"`) }))).toEqual(['IAM2113']);
  });

  it('report each bad ref, not only the first', () => {
    const result = compileText({ 'a.iam': dsl('github "acme/app" branch "a*", tag "v?"') });
    expect(codes(result)).toEqual(['IAM2113', 'IAM2113']);
  });

  it('warn on a repeated subject, at the repeat, and trust it once', () => {
    const result = compileText({ 'a.iam': dsl('github "acme/app" branch "main", tag "v1", branch "main"') });
    expect(at(result)).toEqual(['IAM2199 a.iam:3:62']);
    const sub = (trustOf(result).Statement[0]!['Condition'] as Record<string, Record<string, unknown>>)['StringEquals']!['token.actions.githubusercontent.com:sub'];
    expect(sub).toEqual(['repo:acme/app:ref:refs/heads/main', 'repo:acme/app:ref:refs/tags/v1']);
    const ado = compileText({ 'a.iam.yaml': yaml(`{ azure-devops: [acme/web/a, acme/web/a], organization-id: "${GUID}" }`) });
    expect(codes(ado)).toEqual(['IAM2199']);
  });

  it('refuse an empty list in YAML', () => {
    expect(codes(compileText({ 'a.iam.yaml': yaml('{ github: acme/app, branch: [] }') }))).toEqual(['IAM1103']);
    expect(codes(compileText({ 'a.iam.yaml': yaml(`{ azure-devops: [], organization-id: "${GUID}" }`) }))).toEqual(['IAM1103']);
  });

  it('note that an environment subject admits any branch deploying there', () => {
    const result = compileText({ 'a.iam': dsl('github "acme/app" branch "main", environment "production"') });
    expect(codes(result)).toEqual(['IAM5125']);
    expect(result.diagnostics[0]!.severity).toBe('info');
    expect(result.diagnostics[0]!.message).toContain('environment `production`');
  });

  it('meet the trust policy quota as one list: too many subjects is a coded error at the `for` clause', () => {
    const refs = Array.from({ length: 60 }, (_, i) => `branch "release/2026-${String(i).padStart(2, '0')}"`).join(', ');
    const result = compileText({ 'a.iam': dsl(`github "acme/app" ${refs}`) });
    expect(at(result)).toEqual(['IAM3102 a.iam:3:19']);
    expect(result.files).toBeUndefined();
  });
});
