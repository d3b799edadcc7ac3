/**
 * `iamc explain` counts a role's managed policies as part of its access, and says their statements
 * are outside the containment proof: an auditor allowed only by `SecurityAudit` must not read as
 * denied, nor as allowed by something iamc proved.
 */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const INTENT = `account prod = 123456789012
region eu-west-1

role auditor for role "ops" in prod in prod {
  managed-policy "SecurityAudit"
  customer-managed "TeamExtras"
  read s3 objects "reports/*"
}
`;

describe('iamc explain with managed policies', () => {
  const dir = project({ 'intents/app.iam': INTENT });
  const explain = (...args: string[]) => runCli(['explain', '--role', 'auditor', ...args, 'intents'], dir);

  it('allows what the AWS managed policy allows, marking its statement as outside the proof', async () => {
    const run = await explain('--action', 'ec2:DescribeInstances', '--resource', '*');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('allowed:');
    expect(run.stdout).toMatch(/Allow \S+ \(AWS managed SecurityAudit policy\)\n {4}attached as written: outside the containment proof/);
    expect(run.stdout).toContain('the role also attaches `arn:aws:iam::123456789012:policy/TeamExtras`, whose document iamc does not have');
  });

  it('keeps the role\'s own grants traced to their lines, and marks managed statements in JSON', async () => {
    const own = await explain('--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/a.csv', '--format', 'json');
    const json = JSON.parse(own.stdout) as { decision: string; statements: { policy: string; outsideProof?: boolean }[]; unseenManagedPolicies?: string[] };
    expect(json.decision).toBe('allowed');
    expect(json.statements.some((s) => s.policy === 'identity' && s.outsideProof === undefined)).toBe(true);
    expect(json.unseenManagedPolicies).toEqual(['arn:aws:iam::123456789012:policy/TeamExtras']);
    const managed = await explain('--action', 'iam:GetRole', '--resource', 'arn:aws:iam::123456789012:role/x', '--format', 'json');
    const statements = (JSON.parse(managed.stdout) as typeof json).statements;
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((s) => s.outsideProof === true)).toBe(true);
  });

  it('does not let a managed policy allow what its document does not', async () => {
    const run = await explain('--action', 's3:PutObject', '--resource', 'arn:aws:s3:::reports/a.csv');
    expect(run.stdout).toContain('implicitly denied');
  });
});
