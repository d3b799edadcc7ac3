/** `iamc explain` end to end: the decision, the statements that made it, and the intent lines. */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const INTENT = `account prod = 123456789012
region eu-west-1

role reports for ec2 in prod {
  read s3 objects "reports-bucket/*"
  send sqs queue "jobs" when source-ip "10.0.0.0/8"
  deny "s3:GetObject" on "arn:aws:s3:::reports-bucket/secret/*"
}

role capped for ec2 in prod bounded-by only-s3 {
  read s3 objects "assets/*"
  consume sqs queue "work"
}

boundary only-s3 {
  allow services [s3]
}
`;

const explain = (dir: string, ...args: string[]) => runCli(['explain', ...args], dir);

describe('iamc explain', () => {
  const dir = project({ 'intents/app.iam': INTENT });

  it('explains an allowed request with the grant and its intent line', async () => {
    const run = await explain(dir, '--role', 'reports', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports-bucket/2024/q1.csv', 'intents');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('allowed: the identity policy allows it');
    expect(run.stdout).toMatch(/Allow ReadS3Objects\w* \(identity policy\)/);
    expect(run.stdout).toContain('from intents/app.iam:5:3: read s3 objects "reports-bucket/*"');
  });

  it('explains a denial by resource, naming the closest grant and what it missed', async () => {
    const run = await explain(dir, '--role', 'reports', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::other-bucket/a.csv', 'intents', '--format', 'json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.decision).toBe('implicitly denied');
    expect(json.statements).toEqual([]);
    const first = json.closest[0];
    expect(first.origins[0]).toMatchObject({ file: 'intents/app.iam', line: 5, text: 'read s3 objects "reports-bucket/*"' });
    expect(first.mismatches.map((m: { part: string }) => m.part)).toEqual(['resource']);
    expect(first.mismatches[0].message).toContain('`arn:aws:s3:::other-bucket/a.csv` does not match its resources `arn:aws:s3:::reports-bucket/*`');
  });

  it('explains a denial by condition, and allows once the context satisfies it', async () => {
    const args = ['--role', 'reports', '--action', 'sqs:SendMessage', '--resource', 'arn:aws:sqs:eu-west-1:123456789012:jobs', 'intents'];
    const missing = await explain(dir, ...args);
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain('implicitly denied');
    expect(missing.stdout).toContain('from intents/app.iam:6:3: send sqs queue "jobs" when source-ip "10.0.0.0/8"');
    expect(missing.stdout).toContain('✗ condition: condition `IpAddress aws:SourceIp 10.0.0.0/8` needs `aws:SourceIp`');
    expect(missing.stdout).not.toContain('✗ action');
    expect(missing.stdout).not.toContain('✗ resource');

    const outside = await explain(dir, ...args, '--context', 'aws:SourceIp=192.168.1.1');
    expect(outside.stdout).toContain('implicitly denied');
    expect(outside.stdout).toContain('does not hold for `192.168.1.1`');

    const inside = await explain(dir, ...args, '--context=aws:SourceIp=10.1.2.3');
    expect(inside.code).toBe(0);
    expect(inside.stdout).toContain('allowed: the identity policy allows it');
  });

  it('explains an explicit deny from a raw `deny` line', async () => {
    const run = await explain(dir, '--role', 'reports', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports-bucket/secret/keys.txt', 'intents', '--format', 'json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.decision).toBe('explicitly denied');
    expect(json.decidedBy).toBe('deny');
    expect(json.statements).toHaveLength(1);
    expect(json.statements[0]).toMatchObject({ effect: 'Deny', policy: 'identity' });
    expect(json.statements[0].origins[0]).toMatchObject({ line: 7, text: 'deny "s3:GetObject" on "arn:aws:s3:::reports-bucket/secret/*"' });
  });

  it('explains a denial by the permissions boundary, showing the identity grant that allowed it', async () => {
    const run = await explain(dir, '--role', 'capped', '--action', 'sqs:ReceiveMessage', '--resource', 'arn:aws:sqs:eu-west-1:123456789012:work', 'intents');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('implicitly denied: the identity policy allows it, but the permissions boundary `only-s3` does not');
    expect(run.stdout).toContain('from intents/app.iam:12:3: consume sqs queue "work"');
    expect(run.stdout).toContain('(boundary only-s3 policy)');
    expect(run.stdout).toContain('✗ action: `sqs:ReceiveMessage` is not among its actions `s3:*`');

    const inside = await explain(dir, '--role', 'capped', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::assets/logo.png', 'intents');
    expect(inside.stdout).toContain('allowed: the identity policy and the permissions boundary `only-s3` both allow it');
  });

  it('rejects an unknown role with a suggestion, and exits 1', async () => {
    const run = await explain(dir, '--role', 'report', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::x/y', 'intents');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no role `report`');
    expect(run.stderr).toContain('did you mean `reports`?');
  });

  it('points an unknown role at its argument on the command line, not at a file named after the flag (IAM0006)', async () => {
    const run = await explain(dir, '--role', 'report', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::x/y', 'intents');
    expect(run.stderr).toContain('--> <command line>:1:21');
    expect(run.stderr).toContain('1 | iamc explain --role report --action s3:GetObject');
    expect(run.stderr).not.toContain('--> --role');
    const json = JSON.parse((await explain(dir, '--role=report', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::x/y', 'intents', '--format', 'json')).stdout);
    expect(json.diagnostics?.[0] ?? json[0]).toMatchObject({ code: 'IAM0006' });
  });

  it('refuses a misspelt action with a did-you-mean instead of answering "implicitly denied" (IAM0050)', async () => {
    const run = await explain(dir, '--role', 'reports', '--action', 's3:GetObjectt', '--resource', 'arn:aws:s3:::reports-bucket/a.csv', 'intents');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error[IAM0050]');
    expect(run.stderr).toContain('did you mean `s3:GetObject`?');
    expect(run.stderr).toContain('--> <command line>:1:38');
    expect((await explain(dir, '--role', 'reports', '--action', 's3:Get*', '--resource', 'arn:aws:s3:::reports-bucket/a.csv', 'intents')).stderr).toContain('error[IAM0050]');
    expect((await explain(dir, '--role', 'reports', '--action', 'kms:Decrypt', '--resource', 'arn:aws:s3:::reports-bucket/a.csv', 'intents')).code).toBe(0);
  });

  it('refuses a resource that is not an ARN (IAM0051)', async () => {
    const run = await explain(dir, '--role', 'reports', '--action', 's3:GetObject', '--resource', 'reports-bucket/a.csv', 'intents');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM0051]');
  });

  it('puts in the policy variables the request carries, so a `${aws:PrincipalAccount}` grant is allowed', async () => {
    const vars = project({
      'app.iam': 'account prod = 123456789012\nrole home for ec2 in prod {\n  allow "s3:GetObject" on "arn:aws:s3:::homes/${aws:PrincipalAccount}/*" because "one folder per account"\n  allow "s3:PutObject" on "arn:aws:s3:::homes/${aws:PrincipalTag/team}/*" because "one folder per team"\n}\n',
    });
    const own = await explain(vars, '--role', 'home', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::homes/123456789012/a.txt');
    expect(own.stdout).toContain('allowed: the identity policy allows it');
    const other = await explain(vars, '--role', 'home', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::homes/999999999999/a.txt');
    expect(other.stdout).toContain('implicitly denied');
    expect(other.stdout).not.toContain('depends on');
    const team = await explain(vars, '--role', 'home', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::homes/data/a.txt', '--context', 'aws:PrincipalTag/team=data');
    expect(team.stdout).toContain('allowed: the identity policy allows it');
  });

  it('says the decision depends on a variable the request does not carry', async () => {
    const vars = project({ 'app.iam': 'account prod = 123456789012\nrole home for ec2 in prod {\n  allow "s3:PutObject" on "arn:aws:s3:::homes/${aws:PrincipalTag/team}/*" because "one folder per team"\n}\n' });
    const run = await explain(vars, '--role', 'home', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::homes/data/a.txt');
    expect(run.stdout).toContain('implicitly denied');
    expect(run.stdout).toContain('this depends on `${aws:PrincipalTag/team}`');
    expect(run.stdout).toContain('`--context aws:PrincipalTag/team=VALUE`');
    const json = JSON.parse((await explain(vars, '--role', 'home', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::homes/data/a.txt', '--format', 'json')).stdout);
    expect(json.dependsOn).toEqual(['${aws:PrincipalTag/team}']);
  });

  it('is a usage error without --role, or with a malformed --context', async () => {
    expect((await explain(dir, '--action', 's3:GetObject', '--resource', 'x', 'intents')).code).toBe(2);
    const bad = await explain(dir, '--role', 'reports', '--action', 'a:b', '--resource', 'x', '--context', 'novalue', 'intents');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('`--context` takes KEY=VALUE');
  });

  it('exits 1 with diagnostics when the intents have errors', async () => {
    const broken = project({ 'app.iam': 'account prod = 123456789012\nrole r for ec2 in prod {\n  sned sqs queue "q"\n}\n' });
    const run = await explain(broken, '--role', 'r', '--action', 'sqs:SendMessage', '--resource', 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[');
    expect(run.stdout).toBe('');
  });
});
