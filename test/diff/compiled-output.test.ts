/**
 * `iamc diff` with a folder of compiled output on either side: committed output against a fresh
 * compile, version-1 and version-2 manifests, what a manifest does not record, and a manifest
 * that is not what iamc writes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const REPO = resolve(import.meta.dirname, '../..');

const INTENTS = `account prod = 123456789012
region eu-west-1

role app for ec2 in prod {
  max-session 2h
  read s3 objects "assets/reports/*"
}

boundary cap {
  allow services [s3]
}

permission-set Developer session 2h {
  bounded-by cap
  managed-policy "arn:aws:iam::aws:policy/ReadOnlyAccess"
  read s3 bucket "analytics-reports"
  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod]
}

analyzer org-analyzer scope organization {
  archive principal 111122223333 because "trusted partner"
  alert
}
`;

/** A project with intents in `intents/` and their compiled output in `out/`. */
async function compiled(intents = INTENTS, extra: Record<string, string> = {}): Promise<string> {
  const dir = project({ 'intents/app.iam': intents, ...extra });
  const run = await runCli(['compile', 'intents', '--out', 'out'], dir);
  if (run.code !== 0) throw new Error(`compile failed: ${run.stderr}`);
  return dir;
}

function editManifest(dir: string, change: (m: Record<string, unknown>) => void): void {
  const path = join(dir, 'out/manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(manifest);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
}

/** The manifest as version 1 wrote it, whatever version this iamc writes. */
function asVersion1(dir: string): void {
  editManifest(dir, (m) => {
    const files = Array.isArray(m['files']) ? (m['files'] as unknown[]) : [];
    const terraform = files.map((f) => (typeof f === 'string' ? f : (f as { path?: string }).path)).filter((p): p is string => typeof p === 'string' && p.startsWith('terraform/'));
    if (m['terraform'] === undefined && terraform.length > 0) m['terraform'] = terraform;
    m['version'] = 1;
    delete m['generator'];
    delete m['files'];
  });
}

describe('iamc diff: compiled output against intents', () => {
  it('finds no difference between output and the intents it was compiled from, either way round', async () => {
    const dir = await compiled();
    for (const args of [['out', 'intents'], ['intents', 'out'], ['out', 'out/manifest.json']]) {
      const run = await runCli(['diff', ...args], dir);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('no difference in access\n');
      expect(run.code).toBe(0);
    }
  });

  it('sees access widened between committed output and changed intents', async () => {
    const dir = await compiled();
    writeFileSync(join(dir, 'intents/app.iam'), INTENTS.replace('"assets/reports/*"', '"assets/*"'));
    const run = await runCli(['diff', 'out', 'intents', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const changes = JSON.parse(run.stdout).changes as { what: string; change: string; widens: boolean; before: { resource: string }; after: { resource: string } }[];
    const get = changes.find((c) => c.after.resource === 'arn:aws:s3:::assets/*')!;
    expect(get).toMatchObject({ what: 'access', change: 'widened', widens: true, before: { resource: 'arn:aws:s3:::assets/reports/*' } });
  });

  it('reads a session and managed policies that a version-1 manifest omits from the Terraform beside it', async () => {
    const dir = await compiled();
    asVersion1(dir);
    const head = INTENTS.replace('max-session 2h', 'max-session 12h').replace('  managed-policy "arn:aws:iam::aws:policy/ReadOnlyAccess"\n', '  managed-policy "arn:aws:iam::aws:policy/AdministratorAccess" because "break-glass administrators"\n');
    writeFileSync(join(dir, 'intents/app.iam'), head);
    const run = await runCli(['diff', 'out', 'intents', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const changes = JSON.parse(run.stdout).changes as { name: string; what: string; change: string; widens: boolean; before?: unknown; after?: unknown }[];
    expect(changes.map((c) => [c.name, c.what, c.change, c.widens, c.before, c.after])).toEqual([
      ['app', 'max-session', 'widened', true, 7200, 43200],
      ['Developer', 'managed-policy', 'added', true, undefined, 'arn:aws:iam::aws:policy/AdministratorAccess'],
      ['Developer', 'managed-policy', 'removed', false, 'arn:aws:iam::aws:policy/ReadOnlyAccess', undefined],
    ]);
  });

  it('sees a managed policy attached to a role in the Terraform beside a version-1 manifest', async () => {
    const dir = await compiled();
    const attachment = '\nresource "aws_iam_role_policy_attachment" "app-admin" {\n  provider = aws.prod\n\n  role       = aws_iam_role.app.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n';
    writeFileSync(join(dir, 'out/terraform/policies.tf'), readFileSync(join(dir, 'out/terraform/policies.tf'), 'utf8') + attachment);
    const run = await runCli(['diff', 'intents', 'out', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).changes).toMatchObject([{ kind: 'role', name: 'app', what: 'managed-policy', change: 'added', widens: true, after: 'arn:aws:iam::aws:policy/AdministratorAccess' }]);
  });

  it('compares the committed example output with the example intents and finds them the same', async () => {
    const run = await runCli(['diff', 'examples/expected', 'examples'], REPO);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('no difference in access\n');
    expect(run.code).toBe(0);
  });

  it('reads a version-2 manifest, ignores fields it does not know and uses the ones it does', async () => {
    const dir = await compiled();
    asVersion1(dir);
    editManifest(dir, (m) => {
      m['version'] = 2;
      m['generator'] = 'iamc';
      // Terraform found through `files` alone, the form a version-2 manifest may use.
      m['files'] = ['manifest.json', ...(m['terraform'] as string[]).map((path) => ({ path }))];
      delete m['terraform'];
      m['somethingNew'] = { nested: true };
      const sets = m['permissionSets'] as Record<string, unknown>[];
      sets[0]!['managedPolicies'] = ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/AdministratorAccess'];
      sets[0]!['colour'] = 'blue';
    });
    const run = await runCli(['diff', 'out', 'intents', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).changes).toMatchObject([{ kind: 'permission-set', what: 'managed-policy', change: 'removed', before: 'arn:aws:iam::aws:policy/AdministratorAccess' }]);
  });

  it('refuses to call output the same when its manifest does not record what the other side has (exit 2, IAM0034)', async () => {
    const dir = await compiled();
    asVersion1(dir);
    rmSync(join(dir, 'out/terraform'), { recursive: true });
    editManifest(dir, (m) => delete m['terraform']);
    const run = await runCli(['diff', 'out', 'intents'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('no difference in what could be compared\n');
    expect(run.stderr).toContain('error[IAM0034]');
    expect(run.stderr).toContain('max session of role `app` in `prod` not compared');
    expect(run.stderr).toContain('--> out/manifest.json');
    const json = await runCli(['diff', 'intents', 'out', '--format', 'json'], dir);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout) as { complete: boolean; incomplete: unknown[] };
    expect(report.complete).toBe(false);
    expect(report.incomplete).toContainEqual({
      kind: 'role',
      name: 'app',
      account: { id: '123456789012', name: 'prod' },
      what: 'max session',
      missing: [{ side: 'head', reason: 'manifest version 1 does not record maximum sessions and there is no Terraform output beside it' }],
    });
    // With the fields present (as a newer manifest may write them) the comparison is complete.
    editManifest(dir, (m) => {
      (m['roles'] as Record<string, unknown>[])[0]!['maxSessionSeconds'] = 7200;
      (m['roles'] as Record<string, unknown>[])[0]!['managedPolicies'] = [];
      const set = (m['permissionSets'] as Record<string, unknown>[])[0]!;
      set['managedPolicies'] = ['arn:aws:iam::aws:policy/ReadOnlyAccess'];
      set['boundary'] = 'cap';
      (m['analyzers'] as Record<string, unknown>[])[0]!['archiveRules'] = [{ name: 'archive-111122223333', principal: '111122223333' }];
    });
    const complete = await runCli(['diff', 'out', 'intents'], dir);
    expect(complete.stderr).toBe('');
    expect(complete.stdout).toBe('no difference in access\n');
    expect(complete.code).toBe(0);
    // `null` records "no boundary": a known value, compared like any other.
    editManifest(dir, (m) => ((m['permissionSets'] as Record<string, unknown>[])[0]!['boundary'] = null));
    const none = await runCli(['diff', 'out', 'intents', '--format', 'json'], dir);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ complete: true, changes: [{ kind: 'permission-set', what: 'boundary', change: 'added', after: 'cap' }] });
  });
});

describe('iamc diff: a folder that is not iamc output', () => {
  it('exits 2 with IAM0031 on a manifest version it does not read', async () => {
    const dir = await compiled();
    editManifest(dir, (m) => (m['version'] = 3));
    const run = await runCli(['diff', 'out', 'intents'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[IAM0031]');
    expect(run.stderr).toContain('out/manifest.json');
  });

  it('exits 2 with IAM0030 on a manifest that is not valid JSON, and IAM0033 on a policy that is not', async () => {
    const dir = await compiled();
    writeFileSync(join(dir, 'out/iam/roles/app.policy.json'), '{"Statement": [],}');
    const policy = await runCli(['diff', 'out', 'intents'], dir);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain('error[IAM0033]');
    expect(policy.stderr).toContain('out/iam/roles/app.policy.json');
    writeFileSync(join(dir, 'out/manifest.json'), '{"version": 1,');
    const manifest = await runCli(['diff', 'out', 'intents'], dir);
    expect(manifest.code).toBe(2);
    expect(manifest.stderr).toContain('error[IAM0030]');
  });

  it('refuses a manifest that points outside its folder (IAM0032)', async () => {
    const dir = await compiled();
    editManifest(dir, (m) => ((m['roles'] as Record<string, unknown>[])[0]!['trust'] = '../intents/app.iam'));
    const run = await runCli(['diff', 'out', 'intents'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[IAM0032]');
    expect(run.stderr).toContain('not a path inside the output folder');
  });
});

describe('iamc diff: what reaches a terminal or a pull request', () => {
  it('shows control, bidi and invisible characters in user text as escapes, never raw', async () => {
    const dir = await compiled();
    const path = join(dir, 'out/iam/roles/app.policy.json');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { Statement: { Resource: string[] }[] };
    doc.Statement[0]!.Resource = ['arn:aws:s3:::assets/\u001b[2K\u202egpj.\u200b*'];
    writeFileSync(path, JSON.stringify(doc));
    for (const format of ['text', 'markdown']) {
      const run = await runCli(['diff', 'out', 'intents', '--format', format], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(/[\u001b\u202e\u200b]/);
      expect(run.stdout).toContain('assets/\\u{1b}[2K\\u{202e}gpj.\\u{200b}*');
    }
  });
});

describe('iamc diff: roles keyed by account', () => {
  /** Hand-built output: role `app` in two accounts, each with its own policy. */
  function twoAccounts(prodResource: string, partnerResource: string): string {
    const trust = { Version: '2012-10-17', Statement: [{ Sid: 'TrustService', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: ['sts:AssumeRole'] }] };
    const policy = (resource: string) => ({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [resource] }] });
    const files: Record<string, unknown> = {
      'iam/roles/app.trust.json': trust,
      'iam/roles/prod/app.policy.json': policy(prodResource),
      'iam/roles/partner/app.policy.json': policy(partnerResource),
    };
    const role = (account: string, accountName: string) => ({
      name: 'app',
      account,
      accountName,
      path: '/',
      trust: 'iam/roles/app.trust.json',
      policies: [`iam/roles/${accountName}/app.policy.json`],
      maxSessionSeconds: 3600,
      managedPolicies: [],
      source: 'intents/app.iam:4:1',
    });
    files['manifest.json'] = { version: 2, generator: 'iamc', roles: [role('123456789012', 'prod'), role('111111111111', 'partner')], boundaries: [], scps: [], permissionSets: [], analyzers: [] };
    return project(Object.fromEntries(Object.entries(files).map(([path, content]) => [path, JSON.stringify(content, null, 2)])));
  }

  it('diffs the same role name in two accounts as two roles', async () => {
    const base = twoAccounts('arn:aws:s3:::prod-assets/*', 'arn:aws:s3:::partner-assets/*');
    const partnerWider = await runCli(['diff', base, twoAccounts('arn:aws:s3:::prod-assets/*', 'arn:aws:s3:::*'), '--format', 'json'], REPO);
    expect(partnerWider.code).toBe(1);
    expect(JSON.parse(partnerWider.stdout).changes).toMatchObject([{ name: 'app', account: { id: '111111111111', name: 'partner' }, what: 'access', change: 'widened', widens: true }]);
    // The first of the two must not hide behind the second.
    const prodWider = await runCli(['diff', base, twoAccounts('arn:aws:s3:::*', 'arn:aws:s3:::partner-assets/*'), '--format', 'json'], REPO);
    expect(JSON.parse(prodWider.stdout).changes).toMatchObject([{ name: 'app', account: { id: '123456789012', name: 'prod' }, change: 'widened' }]);
    expect((await runCli(['diff', base, twoAccounts('arn:aws:s3:::prod-assets/*', 'arn:aws:s3:::partner-assets/*')], REPO)).code).toBe(0);
  });
});
