/**
 * Mistakes a newcomer makes on the first day, each caught where it is written: a wildcard Lambda
 * trust without a reason, an empty external id, a session length in seconds, a KMS key by name,
 * a deny that should apply without MFA, and the two organisation conditions.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../compiler/eval/evaluate.js';
import { codes, compileText, policy } from '../helpers/compile.js';

const DSL = 'account prod = 123456789012\nregion eu-west-1\n';
const YAML = 'accounts: { prod: "123456789012" }\nregion: eu-west-1\n';

function dsl(role: string): string[] {
  return codes(compileText({ 'x.iam': `${DSL}${role}` }));
}

function yaml(roles: string): string[] {
  return codes(compileText({ 'x.iam.yaml': `${YAML}roles:\n${roles}` }));
}

describe('a Lambda trust on every function', () => {
  it('refuses `lambda "*"` without a reason, in both syntaxes (IAM2112)', () => {
    expect(dsl('role r for lambda "*" in prod {\n  consume sqs queue "q"\n}\n')).toEqual(['IAM2112']);
    expect(dsl('role r for lambda "?*" in prod {\n  consume sqs queue "q"\n}\n')).toEqual(['IAM2112']);
    expect(yaml('  r:\n    for: { lambda: "*" }\n    in: prod\n    grants: [ { consume sqs queue: q } ]\n')).toEqual(['IAM2112']);
  });

  it('accepts `lambda "*" because …` and a glob that names functions', () => {
    expect(dsl('role r for lambda "*" because "every function of this sandbox account reads the queue" in prod {\n  consume sqs queue "q"\n}\n')).toEqual([]);
    expect(yaml('  r:\n    for: { lambda: "*", because: "every function reads the queue" }\n    in: prod\n    grants: [ { consume sqs queue: q } ]\n')).toEqual([]);
    expect(dsl('role r for lambda "processor-*" in prod {\n  consume sqs queue "q"\n}\n')).toEqual([]);
  });
});

describe('external ids', () => {
  const trust = (id: string) => `role r for role "app" in prod external-id "${id}" in prod {\n  consume sqs queue "q"\n}\n`;

  it('refuses an empty external id, which is no secret at all (IAM2194)', () => {
    expect(dsl(trust(''))).toEqual(['IAM2194']);
    expect(yaml('  r:\n    for: { role: app, in: prod, external-id: "" }\n    in: prod\n    grants: [ { consume sqs queue: q } ]\n')).toEqual(['IAM2194']);
  });

  it('refuses an external id AWS would reject (IAM2194)', () => {
    expect(dsl(trust('x'))).toEqual(['IAM2194']);
    expect(dsl(trust('has space in it'))).toEqual(['IAM2194']);
  });

  it('warns on a guessable external id and stays quiet on a UUID (IAM2195)', () => {
    expect(dsl(trust('abc123'))).toEqual(['IAM2195']);
    expect(dsl(trust('3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'))).toEqual([]);
  });
});

describe('session lengths without a unit', () => {
  it('reads `max-session 3600` as seconds and suggests `1h`, never `3600h`', () => {
    const result = compileText({ 'x.iam': `${DSL}role r for ec2 in prod {\n  max-session 3600\n  consume sqs queue "q"\n}\n` });
    expect(codes(result)).toEqual(['IAM1205']);
    expect(result.diagnostics[0]!.suggestion).toContain('`1h`');
    expect(result.diagnostics[0]!.suggestion).toContain('`60m`');
    expect(result.diagnostics[0]!.suggestion).not.toContain('3600h');
  });

  it('gives the same help in YAML, and the range when no reading fits', () => {
    const result = compileText({ 'x.iam.yaml': `${YAML}roles:\n  r:\n    for: ec2\n    in: prod\n    max-session: 5400\n    grants: [ { consume sqs queue: q } ]\n` });
    expect(codes(result)).toEqual(['IAM2109']);
    expect(result.diagnostics[0]!.suggestion).toContain('`90m`');
    const far = compileText({ 'x.iam': `${DSL}role r for ec2 in prod {\n  max-session 100000\n  consume sqs queue "q"\n}\n` });
    expect(far.diagnostics[0]!.suggestion).toBe('durations need a unit, `h` or `m`, between `1h` and `12h`');
  });
});

describe('KMS keys', () => {
  const grant = (target: string) => `role r for ec2 in prod {\n  decrypt kms key "${target}"\n}\n`;

  it('refuses a key named by its name, which KMS would never match (IAM2111)', () => {
    const result = compileText({ 'x.iam': `${DSL}${grant('orders-key')}` });
    expect(codes(result)).toEqual(['IAM2111']);
    expect(result.diagnostics[0]!.message).toContain('alias/orders-key');
    expect(yaml('  r:\n    for: ec2\n    in: prod\n    grants: [ { decrypt kms key: orders-key } ]\n')).toEqual(['IAM2111']);
  });

  it('accepts a key id, a multi-Region key id, a glob over key ids and a key ARN', () => {
    expect(dsl(grant('1234abcd-12ab-34cd-56ef-1234567890ab'))).toEqual([]);
    expect(dsl(grant('mrk-1234abcd12ab34cd56ef1234567890ab'))).toEqual([]);
    expect(dsl(grant('mrk-*'))).toEqual([]);
    expect(dsl(grant('arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'))).toEqual([]);
  });
});

describe('MFA and organisation conditions', () => {
  const deny = 'allow "s3:DeleteBucket" on "arn:aws:s3:::prod-data" because "owners clean up"\n  deny "s3:DeleteBucket" on "arn:aws:s3:::prod-data" when without mfa';

  it('`without mfa` denies sessions without MFA and requests with no MFA key, in both syntaxes', () => {
    const fromDsl = compileText({ 'x.iam': `${DSL}role r for ec2 in prod {\n  ${deny}\n}\n` });
    const fromYaml = compileText({
      'x.iam.yaml': `${YAML}roles:\n  r:\n    for: ec2\n    in: prod\n    grants:\n      - allow: s3:DeleteBucket\n        on: "arn:aws:s3:::prod-data"\n        because: owners clean up\n      - deny: s3:DeleteBucket\n        on: "arn:aws:s3:::prod-data"\n        when: { without-mfa: true }\n`,
    });
    expect(fromYaml.files?.get('iam/roles/r.policy.json')).toBe(fromDsl.files?.get('iam/roles/r.policy.json'));
    const doc = policy(fromDsl, 'iam/roles/r.policy.json');
    const denyStatement = doc.Statement.find((s) => s['Effect'] === 'Deny')!;
    expect(denyStatement['Condition']).toEqual({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } });
    const request = (context: Record<string, string>) => ({ action: 's3:DeleteBucket', resource: 'arn:aws:s3:::prod-data', context });
    const policies = { identity: [doc as never] };
    expect(evaluate(policies, request({ 'aws:MultiFactorAuthPresent': 'true' })).decision).toBe('Allowed');
    expect(evaluate(policies, request({ 'aws:MultiFactorAuthPresent': 'false' })).decision).toBe('ExplicitlyDenied');
    expect(evaluate(policies, request({})).decision).toBe('ExplicitlyDenied');
  });

  it('`org` pins the resource owner and `principal-org` the caller', () => {
    const result = compileText({
      'x.iam': `${DSL}role r for ec2 in prod {\n  read s3 objects "data-bucket/*" when org "o-a1b2c3d4e5"\n  consume sqs queue "q" when principal-org "o-a1b2c3d4e5"\n}\n`,
    });
    const text = result.files?.get('iam/roles/r.policy.json') ?? '';
    expect(text).toContain('"aws:ResourceOrgID"');
    expect(text).toContain('"aws:PrincipalOrgID"');
    expect(codes(compileText({ 'x.iam': `${DSL}role r for ec2 in prod {\n  consume sqs queue "q" when principal-org "org-1"\n}\n` }))).toEqual(['IAM2115']);
  });
});
