/** Resolve-phase diagnostics: each code at the right place, with a suggestion where one is known. */
import { describe, expect, it } from 'vitest';
import { at, codes, compileText } from '../helpers/compile.js';

const header = `accounts: { prod: "123456789012", source: "111111111111" }\nregion: eu-west-1\n`;

function role(body: string, extra = ''): string {
  return `${header}${extra}roles:\n  r:\n${body}`;
}

describe('resolve', () => {
  it('accepts a valid program with several files sharing accounts', () => {
    const result = compileText({
      'a/accounts.iam.yaml': header,
      'b/roles.iam.yaml': 'roles:\n  r:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n',
      'c/more.iam.yaml': 'roles:\n  s:\n    for: { lambda: fn }\n    in: source\n    grants: [ { publish sns topic: alerts } ]\n',
    });
    expect(codes(result)).toEqual([]);
    expect(result.files?.get('iam/roles/s.policy.json')).toContain('arn:aws:sns:eu-west-1:111111111111:alerts');
  });

  it('reports an account id that is not 12 digits (IAM2101)', () => {
    const result = compileText({ 'x.iam.yaml': 'accounts: { prod: "12345" }\n' });
    expect(at(result)).toEqual(['IAM2101 x.iam.yaml:1:19']);
  });

  it('reports an unknown account with a suggestion (IAM2102)', () => {
    const result = compileText({ 'x.iam.yaml': role('    for: ec2\n    in: prd\n    grants: [ { send sqs queue: q } ]\n') });
    expect(at(result)).toEqual(['IAM2102 x.iam.yaml:6:9']);
    expect(result.diagnostics[0]!.suggestion).toBe('did you mean `prod`?');
  });

  it('reports a region that does not exist (IAM2103)', () => {
    const result = compileText({ 'x.iam.yaml': 'region: eu-west-9\n' });
    expect(codes(result)).toEqual(['IAM2103']);
    expect(result.diagnostics[0]!.suggestion).toMatch(/eu-west-/);
  });

  it('reports unknown verbs, services and resource types with did-you-mean (IAM2104–2106)', () => {
    const result = compileText({
      'x.iam.yaml': role('    for: ec2\n    in: prod\n    grants:\n      - consme sqs queue: q\n      - send sqss queue: q\n      - send sqs queu: q\n'),
    });
    expect(at(result)).toEqual(['IAM2104 x.iam.yaml:8:9', 'IAM2105 x.iam.yaml:9:14', 'IAM2106 x.iam.yaml:10:18']);
    expect(result.diagnostics.map((d) => d.suggestion)).toEqual(['did you mean `consume`?', 'did you mean `sqs`?', 'did you mean `queue`?']);
  });

  it('reports a name declared twice, showing both places (IAM2107)', () => {
    const result = compileText({
      'a.iam.yaml': `${header}roles:\n  dup:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: q } ]\n`,
      'b.iam.yaml': 'roles:\n  dup:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: q } ]\n',
    });
    expect(at(result)).toEqual(['IAM2107 b.iam.yaml:2:3']);
    expect(result.diagnostics[0]!.related?.[0]?.span).toMatchObject({ file: 'a.iam.yaml', line: 4, column: 3 });
  });

  it('refuses two roles, boundaries, permission sets or guardrails whose names differ only in capitals, one of which IAM or the output folder would lose (IAM2107)', () => {
    const dsl = `account prod = 123456789012\nregion eu-west-1\n`;
    const twice = (a: string, b: string) => codes(compileText({ 'a.iam': `${dsl}${a}\n`, 'b.iam': `${b}\n` }));
    const role = (name: string) => `role ${name} for ec2 in prod { send sqs queue "q" }`;
    const boundary = (name: string) => `boundary ${name} { allow services [s3] }`;
    const set = (name: string) => `permission-set ${name} {\n  read s3 bucket "reports-bucket"\n  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod]\n}`;
    const guardrail = (name: string) => `guardrail ${name} attach-to account prod { deny leave-organization }`;
    for (const make of [role, boundary, set, guardrail]) {
      expect(twice(make('App'), make('app')), make('app')).toEqual(['IAM2107']);
      // Quiet: names that differ in more than capitals.
      expect(twice(make('app-a'), make('app-b')), make('app-b')).toEqual([]);
    }
  });

  it('reports role names IAM would refuse (IAM2108)', () => {
    const long = 'r'.repeat(65);
    const result = compileText({ 'x.iam.yaml': `${header}roles:\n  ${long}:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: q } ]\n` });
    expect(codes(result)).toEqual(['IAM2108']);
  });

  it('keeps max-session between 1 h and 12 h (IAM2109)', () => {
    for (const value of ['30m', '13h', 'soon']) {
      const result = compileText({ 'x.iam.yaml': role(`    for: ec2\n    in: prod\n    max-session: ${value}\n    grants: [ { send sqs queue: q } ]\n`) });
      expect(at(result), value).toEqual(['IAM2109 x.iam.yaml:7:18']);
    }
    const ok = compileText({ 'x.iam.yaml': role('    for: ec2\n    in: prod\n    max-session: 90m\n    grants: [ { send sqs queue: q } ]\n') });
    expect(codes(ok)).toEqual([]);
  });

  it('needs a region for regional names (IAM2110)', () => {
    const result = compileText({ 'x.iam.yaml': 'accounts: { prod: "123456789012" }\nroles:\n  r:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: q } ]\n' });
    expect(codes(result)).toEqual(['IAM2110']);
  });

  it('checks target ARNs against the resource type (IAM2111)', () => {
    const result = compileText({ 'x.iam.yaml': role('    for: ec2\n    in: prod\n    grants: [ { send sqs queue: "arn:aws:sns:eu-west-1:123456789012:topic" } ]\n') });
    expect(codes(result)).toEqual(['IAM2111']);
  });

  it('insists on a reason for wildcard targets and wildcard-only actions (IAM2112)', () => {
    const star = compileText({ 'x.iam.yaml': role('    for: ec2\n    in: prod\n    grants: [ { send sqs queue: "*" } ]\n') });
    expect(codes(star)).toEqual(['IAM2112']);
    const raw = compileText({ 'x.iam.yaml': role('    for: ec2\n    in: prod\n    grants: [ { allow: "sqs:ListQueues", on: "*" } ]\n') });
    expect(codes(raw)).toEqual(['IAM2112']);
    const reasoned = compileText({ 'x.iam.yaml': role('    for: ec2\n    in: prod\n    grants: [ { allow: "sqs:ListQueues", on: "*", because: "the dashboard lists queues" } ]\n') });
    expect(codes(reasoned)).toEqual([]);
  });

  it('refuses a GitHub trust that spans repositories (IAM2113)', () => {
    const result = compileText({ 'x.iam.yaml': role('    for: { github: "acme/*", branch: main }\n    in: prod\n    grants: [ { send sqs queue: q } ]\n') });
    expect(codes(result)).toEqual(['IAM2113']);
  });

  it('refuses a trust in a whole account without a reason (IAM2112)', () => {
    const result = compileText({ 'x.iam.yaml': role('    for: { account: source }\n    in: prod\n    grants: [ { send sqs queue: q } ]\n') });
    expect(codes(result)).toEqual(['IAM2112']);
  });

  it('checks paths, conditions, boundaries and raw actions (IAM2114–2117)', () => {
    const result = compileText({
      'x.iam.yaml': role(
        '    for: ec2\n    in: prod\n    path: app\n    bounded-by: nope\n    grants:\n      - send sqs queue: q\n        when: { vpc-endpoint: vpc-123 }\n      - allow: "sqs:Send*"\n        on: "arn:aws:sqs:eu-west-1:123456789012:q"\n',
      ),
    });
    expect(codes(result).sort()).toEqual(['IAM2114', 'IAM2115', 'IAM2116', 'IAM2117']);
  });

  it('suggests the nearest real action for a misspelt raw action (IAM2117)', () => {
    const result = compileText({ 'x.iam.yaml': role('    for: ec2\n    in: prod\n    grants: [ { allow: "sqs:SendMesage", on: "arn:aws:sqs:eu-west-1:123456789012:q" } ]\n') });
    expect(codes(result)).toEqual(['IAM2117']);
    expect(result.diagnostics[0]!.suggestion).toBe('did you mean `sqs:SendMessage`?');
  });

  it('never produces files when there is an error', () => {
    const result = compileText({ 'x.iam.yaml': role('    for: ec2\n    in: nowhere\n    grants: [ { send sqs queue: q } ]\n') });
    expect(result.files).toBeUndefined();
  });
});
