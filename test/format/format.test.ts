import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDsl } from '../../compiler/format/format.js';

const seed = readFileSync(new URL('../syntax/dsl/fixtures/seed.iam', import.meta.url), 'utf8');

describe('formatDsl', () => {
  it('the seed program is already canonical', () => {
    expect(formatDsl('seed.iam', seed).value).toBe(seed);
  });

  it('lays out a cramped file canonically and keeps every comment in place', () => {
    const input = [
      '# header comment',
      '',
      'account   prod=123456789012 # trailing on account',
      'region "eu-west-1"',
      '# leads the role',
      'role app for lambda "fn-*" in prod { # on the header',
      '  read s3 objects ["a/*","b/*"] when mfa and tag "team" = "x" # on a grant',
      '  # before the closing brace',
      '}',
      'boundary b { allow services [s3] delegate role-creation }',
      '# at the end',
      '',
    ].join('\n');
    const expected = [
      '# header comment',
      '',
      'account prod = 123456789012  # trailing on account',
      'region eu-west-1',
      '',
      '# leads the role',
      'role app for lambda "fn-*" in prod {  # on the header',
      '  read s3 objects ["a/*", "b/*"] when mfa and tag "team" = "x"  # on a grant',
      '  # before the closing brace',
      '}',
      '',
      'boundary b {',
      '  allow services [s3]',
      '  delegate role-creation',
      '}',
      '',
      '# at the end',
      '',
    ].join('\n');
    const result = formatDsl('t.iam', input);
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toBe(expected);
    expect(formatDsl('t.iam', expected).value).toBe(expected);
  });

  it('quotes what must be quoted and escapes as JSON', () => {
    const result = formatDsl('t.iam', 'role "a b" for service "x" in prod {\n  "path" s3 bucket "tab\\there \\u007f"\n}\n');
    expect(result.value).toBe('role "a b" for service "x" in prod {\n  "path" s3 bucket "tab\\there \\u007f"\n}\n');
  });

  it('leaves a file with errors alone and reports them', () => {
    const result = formatDsl('t.iam', 'rol x');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['IAM1203']);
  });

  it('keeps a trailing comment followed by an own-line comment when a setting moves above a grant (no IAM9001)', () => {
    const input = 'account prod = 123456789012\n\nrole app for ec2 in prod {\n  consume sqs queue "q"  # why q\n  # leads the setting\n  max-session 1h\n  # before the brace\n}\n';
    const result = formatDsl('t.iam', input);
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toBe(
      'account prod = 123456789012\n\nrole app for ec2 in prod {\n  # leads the setting\n  max-session 1h\n  consume sqs queue "q"  # why q\n  # before the brace\n}\n',
    );
    expect(formatDsl('t.iam', result.value!).value).toBe(result.value);
  });

  it('keeps a comment with the grant it leads when a setting written after the grant moves above it', () => {
    const input = 'account prod = 123456789012\n\nrole app for ec2 in prod {\n  # about q\n  consume sqs queue "q"\n  max-session 1h  # an hour\n}\n';
    expect(formatDsl('t.iam', input).value).toBe('account prod = 123456789012\n\nrole app for ec2 in prod {\n  max-session 1h  # an hour\n  # about q\n  consume sqs queue "q"\n}\n');
  });

  it('prints the reasoned Lambda trust and the MFA and organisation conditions back as written', () => {
    const input = [
      'account prod = 123456789012',
      '',
      'role app for lambda "*" because "sandbox account" in prod {',
      '  deny "s3:DeleteBucket" on "arn:aws:s3:::prod-data" when without mfa and principal-org "o-a1b2c3d4e5"',
      '  read s3 objects "b-1/*" when org "o-a1b2c3d4e5"',
      '}',
      '',
    ].join('\n');
    expect(formatDsl('t.iam', input).value).toBe(input);
  });

  it('prints the Identity Center region, trust and exemption back as written', () => {
    const input = [
      'account prod = 123456789012',
      'account security = 222233334444',
      'identity-center region eu-west-1',
      '',
      'role admin-tools for sso permission-set "Admin" in security in prod {',
      '  read s3 objects "site/*"',
      '}',
      '',
      'guardrail g attach-to root {',
      '  deny leave-organization',
      '  exempt role "break-glass"',
      '  exempt permission-set "Admin"',
      '}',
      '',
    ].join('\n');
    expect(formatDsl('t.iam', input).value).toBe(input);
  });

  it('an empty file formats to an empty file; comments alone survive', () => {
    expect(formatDsl('t.iam', '').value).toBe('');
    expect(formatDsl('t.iam', '# only\n# comments\n').value).toBe('# only\n# comments\n');
  });

  it('prints several subjects of one trust comma-separated, in the order written', () => {
    const input = 'account prod = 123456789012\nrole d for github "acme/app" branch "main" ,environment "production",pull-request in prod { }\n'
      + 'role a for azure-devops "o/p/a","o/p/b" organization-id "8f2c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b" in prod { }\n';
    const out = formatDsl('t.iam', input).value!;
    expect(out).toContain('role d for github "acme/app" branch "main", environment "production", pull-request in prod {');
    expect(out).toContain('role a for azure-devops "o/p/a", "o/p/b" organization-id "8f2c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b" in prod {');
  });
});
