/** `iamc check` on policy JSON: invisible and look-alike characters in values (IAM5170, IAM5171). */
import { describe, expect, it } from 'vitest';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';

function githubTrust(sub: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': sub } },
      },
    ],
  });
}

function identity(resource: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }] });
}

const codes = (path: string, text: string) => lintPolicyFile(path, text).map((d) => d.code);

describe('hidden characters in policy JSON', () => {
  it('flags a trust whose subject names a branch with a Cyrillic letter (IAM5171)', () => {
    expect(codes('trust.json', githubTrust('repo:acme/app:ref:refs/heads/m\u0430in'))).toEqual(['IAM5171']);
  });

  it('flags a trust whose subject hides a zero-width space (IAM5170)', () => {
    const found = lintPolicyFile('trust.json', githubTrust('repo:acme/app:ref:refs/heads/main\u200b'));
    expect(found.map((d) => d.code)).toEqual(['IAM5170']);
    expect(found[0]!.message).toContain('U+200B');
  });

  it('flags a resource with a bidi override (IAM5170)', () => {
    expect(codes('policy.json', identity('arn:aws:s3:::reports/\u202ecsv.exe'))).toEqual(['IAM5170']);
  });

  it('stays quiet on plain values and on non-ASCII text that passes for nothing else', () => {
    expect(codes('trust.json', githubTrust('repo:acme/app:ref:refs/heads/main'))).toEqual([]);
    expect(codes('policy.json', identity('arn:aws:s3:::reports/отчёт/2024.csv'))).toEqual([]);
  });
});
