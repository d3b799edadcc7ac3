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

  it('an empty file formats to an empty file; comments alone survive', () => {
    expect(formatDsl('t.iam', '').value).toBe('');
    expect(formatDsl('t.iam', '# only\n# comments\n').value).toBe('# only\n# comments\n');
  });
});
