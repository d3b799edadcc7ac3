/** `iamc diff` shows a managed policy attached to or detached from a role, and attaching one widens. */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const BASE = 'account prod = 123456789012\nregion eu-west-1\nrole auditor for role "ops" in prod in prod {\n  read s3 objects "reports/*"\n}\n';
const HEAD = BASE.replace('{\n', '{\n  managed-policy "SecurityAudit"\n');

async function diff(base: string, head: string): Promise<{ code: number; changes: { kind: string; name: string; what: string; change: string; widens: boolean; after?: unknown; before?: unknown }[] }> {
  const dir = project({ 'base/app.iam': base, 'head/app.iam': head });
  const run = await runCli(['diff', 'base', 'head', '--format', 'json'], dir);
  return { code: run.code, changes: (JSON.parse(run.stdout) as { changes: never[] }).changes };
}

describe('iamc diff: managed policies on roles', () => {
  it('shows an attachment as a widening change', async () => {
    const run = await diff(BASE, HEAD);
    expect(run.code).toBe(1);
    expect(run.changes).toMatchObject([{ kind: 'role', name: 'auditor', what: 'managed-policy', change: 'added', widens: true, after: 'arn:aws:iam::aws:policy/SecurityAudit' }]);
  });

  it('finds no difference between compiled output and the intents it came from', async () => {
    const dir = project({ 'intents/app.iam': HEAD.replace('{\n', '{\n  customer-managed "Mine" path "/team/"\n') });
    expect((await runCli(['compile', 'intents', '--out', 'out'], dir)).code).toBe(0);
    const run = await runCli(['diff', 'out', 'intents'], dir);
    expect(run.stdout).toBe('no difference in access\n');
    expect(run.code).toBe(0);
  });

  it('shows a detachment as a narrowing change', async () => {
    const run = await diff(HEAD, BASE);
    expect(run.changes).toMatchObject([{ kind: 'role', name: 'auditor', what: 'managed-policy', change: 'removed', widens: false, before: 'arn:aws:iam::aws:policy/SecurityAudit' }]);
  });
});
