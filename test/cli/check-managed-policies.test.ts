/** `iamc check` tells how much wider a role's AWS managed policy is than its grants, without failing. */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

describe('iamc check: managed policies', () => {
  it('reports the width of SecurityAudit over the role\'s grants as a note, and passes', async () => {
    const dir = project({ 'a.iam': 'account prod = 123456789012\nregion eu-west-1\nrole auditor for role "ops" in prod in prod {\n  managed-policy "SecurityAudit"\n  read s3 objects "reports/*"\n}\n' });
    const run = await runCli(['check', '.'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/IAM5162.*`SecurityAudit` allows [\d,]+ actions that role `auditor`'s grants do not/);
  });
});
