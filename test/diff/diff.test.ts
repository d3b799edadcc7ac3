/**
 * `iamc diff` end to end: every construct that grants, caps or watches access, each change named
 * for what it does to access, and exit codes as GNU diff's (0 same, 1 different, 2 trouble).
 */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const HEADER = 'account prod = 123456789012\naccount partner = 111111111111\nregion eu-west-1\n\n';

const BASE = `${HEADER}role app for ec2 in prod {
  read s3 objects "assets/reports/*"
  consume sqs queue "jobs" when source-ip "10.0.0.0/8"
}

role partner-read for role "reader" in partner external-id "abc" in prod bounded-by cap {
  max-session 1h
  read s3 objects "shared/*"
}

boundary cap {
  allow services [s3]
}

permission-set Developer session 2h {
  read s3 bucket "analytics-reports"
  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod]
}

guardrail base-rules attach-to ou "ou-ab12-34cd5678" {
  deny leave-organization
  deny root-user
  exempt role "break-glass"
}

analyzer org-analyzer scope organization {
  archive principal 111122223333 because "trusted partner"
  alert
}
`;

interface JsonChange {
  kind: string;
  name: string;
  account?: { id: string; name?: string };
  change: string;
  what: string;
  widens: boolean;
  before?: unknown;
  after?: unknown;
  source?: { file: string; line: number; column?: number };
}

async function diffJson(base: string, head: string): Promise<{ code: number; changes: JsonChange[]; json: Record<string, unknown> }> {
  const dir = project({ 'base/app.iam': base, 'head/app.iam': head });
  const run = await runCli(['diff', 'base', 'head', '--format', 'json'], dir);
  if (run.code === 2) throw new Error(`diff failed: ${run.stderr}`);
  const json = JSON.parse(run.stdout) as Record<string, unknown>;
  return { code: run.code, changes: json['changes'] as JsonChange[], json };
}

function edit(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`BASE has no \`${from}\``);
  return BASE.replace(from, to);
}

describe('iamc diff: sameness', () => {
  it('reports no difference and exits 0 when only layout and comments changed', async () => {
    const moved = BASE.replace('role app', '# the application\n\nrole app');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': moved });
    const run = await runCli(['diff', 'base', 'head'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('no difference in access\n');
  });
});

describe('iamc diff: permission sets', () => {
  it('sees AdministratorAccess added to a permission set', async () => {
    const head = edit('permission-set Developer session 2h {\n', 'permission-set Developer session 2h {\n  managed-policy "arn:aws:iam::aws:policy/AdministratorAccess" because "break-glass administrators"\n');
    const { code, changes } = await diffJson(BASE, head);
    expect(code).toBe(1);
    expect(changes).toEqual([
      {
        kind: 'permission-set',
        name: 'Developer',
        change: 'added',
        what: 'managed-policy',
        widens: true,
        after: 'arn:aws:iam::aws:policy/AdministratorAccess',
        source: { file: 'head/app.iam', line: 19, column: 1 },
      },
    ]);
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const text = await runCli(['diff', 'base', 'head'], dir);
    expect(text.stdout).toContain('  ~ permission-set Developer\n    ! + managed-policy arn:aws:iam::aws:policy/AdministratorAccess  (head/app.iam:19)\n');
  });

  it('sees a permission set added with everything it grants', async () => {
    const head = `${BASE}\npermission-set Admin session 1h {\n  managed-policy "arn:aws:iam::aws:policy/AdministratorAccess" because "break-glass administrators"\n  assign group "1f2e3d4c-0000-4000-8000-00000000abcd" to [prod]\n}\n`;
    const { changes } = await diffJson(BASE, head);
    expect(changes.map((c) => [c.name, c.change, c.what, c.widens])).toEqual([
      ['Admin', 'added', 'permission-set', true],
      ['Admin', 'added', 'managed-policy', true],
      ['Admin', 'added', 'session', true],
      ['Admin', 'added', 'assignment', true],
    ]);
    expect(changes[3]!.after).toEqual({ principalType: 'GROUP', principalId: '1f2e3d4c-0000-4000-8000-00000000abcd', account: '123456789012' });
  });

  it('sees a longer session, a new assignment and inline access added to a permission set', async () => {
    const head = edit('permission-set Developer session 2h {\n  read s3 bucket "analytics-reports"\n  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod]', 'permission-set Developer session 12h {\n  read s3 bucket "analytics-reports"\n  write dynamodb table "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders"\n  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod, partner]');
    const { changes } = await diffJson(BASE, head);
    const session = changes.find((c) => c.what === 'session')!;
    expect(session).toMatchObject({ change: 'widened', widens: true, before: 7200, after: 43200 });
    const assignment = changes.find((c) => c.what === 'assignment')!;
    expect(assignment).toMatchObject({ change: 'added', widens: true, after: { account: '111111111111' } });
    const access = changes.filter((c) => c.what === 'access');
    expect(access.length).toBeGreaterThan(0);
    expect(access.every((c) => c.change === 'added' && c.widens && (c.after as { resource: string }).resource.includes(':table/Orders'))).toBe(true);
  });

  it('sees a shorter session as narrowed, not as a widening', async () => {
    const { changes } = await diffJson(BASE, edit('session 2h', 'session 1h'));
    expect(changes).toMatchObject([{ what: 'session', change: 'narrowed', widens: false, before: 7200, after: 3600 }]);
  });

  it('sees a boundary removed from a permission set as a widening', async () => {
    const bounded = edit('permission-set Developer session 2h {\n', 'permission-set Developer session 2h {\n  bounded-by cap\n');
    const { changes } = await diffJson(bounded, BASE);
    expect(changes).toMatchObject([{ kind: 'permission-set', what: 'boundary', change: 'removed', widens: true, before: 'cap' }]);
    const back = await diffJson(BASE, bounded);
    expect(back.changes).toMatchObject([{ what: 'boundary', change: 'added', widens: false, after: 'cap' }]);
  });
});

describe('iamc diff: roles', () => {
  it('names an added grant with the HEAD line that grants it, and exits 1', async () => {
    const head = edit('  consume sqs queue "jobs" when source-ip "10.0.0.0/8"\n', '  consume sqs queue "jobs" when source-ip "10.0.0.0/8"\n  write dynamodb table "Orders"\n');
    const { code, changes } = await diffJson(BASE, head);
    expect(code).toBe(1);
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(c).toMatchObject({ kind: 'role', name: 'app', account: { id: '123456789012', name: 'prod' }, change: 'added', what: 'access', widens: true });
      expect(c.after).toMatchObject({ effect: 'Allow', resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', origins: [{ file: 'head/app.iam', line: 8 }] });
    }
    expect(changes.map((c) => (c.after as { action: string }).action)).toContain('dynamodb:PutItem');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const text = await runCli(['diff', 'base', 'head'], dir);
    expect(text.stdout).toContain('  ~ role app in prod (123456789012)\n');
    expect(text.stdout).toContain('    ! + allow dynamodb:PutItem on arn:aws:dynamodb:eu-west-1:123456789012:table/Orders  (head/app.iam:8)');
  });

  it('names a removed grant with the BASE line that granted it, and does not call it a widening', async () => {
    const head = edit('  consume sqs queue "jobs" when source-ip "10.0.0.0/8"\n', '');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const run = await runCli(['diff', 'base', 'head'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('      - allow sqs:ReceiveMessage on arn:aws:sqs:eu-west-1:123456789012:jobs when IpAddress aws:SourceIp 10.0.0.0/8  (was base/app.iam:7)');
    expect(run.stdout.split('\n').filter((l) => l.startsWith('    !'))).toEqual([]);
    expect(run.stdout).toContain(', 0 that may widen access');
  });

  it('sees a resource glob that now contains the old one as widened', async () => {
    const { changes } = await diffJson(BASE, edit('read s3 objects "assets/reports/*"', 'read s3 objects "assets/*"'));
    const get = changes.find((c) => (c.after as { action?: string } | undefined)?.action === 's3:GetObject')!;
    expect(get).toMatchObject({ change: 'widened', widens: true, before: { resource: 'arn:aws:s3:::assets/reports/*' }, after: { resource: 'arn:aws:s3:::assets/*' } });
    const back = await diffJson(edit('read s3 objects "assets/reports/*"', 'read s3 objects "assets/*"'), BASE);
    expect(back.changes.find((c) => (c.after as { action?: string } | undefined)?.action === 's3:GetObject')).toMatchObject({ change: 'narrowed', widens: false });
  });

  it('sees a removed condition as widened', async () => {
    const { changes } = await diffJson(BASE, edit(' when source-ip "10.0.0.0/8"', ''));
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c).toMatchObject({ what: 'access', change: 'widened', widens: true, after: { conditions: [] } });
    expect((changes[0]!.before as { conditions: unknown[] }).conditions).toEqual([{ operator: 'IpAddress', key: 'aws:SourceIp', values: ['10.0.0.0/8'] }]);
  });

  it('sees an added condition as narrowed, not as a widening', async () => {
    const { changes } = await diffJson(edit(' when source-ip "10.0.0.0/8"', ''), BASE);
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c).toMatchObject({ what: 'access', change: 'narrowed', widens: false });
  });

  it('sees a trust that admits another principal as added, and the old one as removed', async () => {
    const { changes } = await diffJson(BASE, edit('role "reader"', 'role "auditor"'));
    expect(changes.map((c) => [c.what, c.change, c.widens])).toEqual([
      ['trust', 'added', true],
      ['trust', 'removed', false],
    ]);
    expect(changes[0]!.after).toMatchObject({ principal: 'AWS arn:aws:iam::111111111111:role/auditor', conditions: [{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['abc'] }] });
  });

  it('sees a changed external id as a changed trust that may widen it', async () => {
    const { changes } = await diffJson(BASE, edit('external-id "abc"', 'external-id "xyz"'));
    expect(changes).toMatchObject([
      {
        what: 'trust',
        change: 'changed',
        widens: true,
        before: { principal: 'AWS arn:aws:iam::111111111111:role/reader', conditions: [{ values: ['abc'] }] },
        after: { principal: 'AWS arn:aws:iam::111111111111:role/reader', conditions: [{ values: ['xyz'] }] },
      },
    ]);
  });

  it('sees a removed trust condition as a widened trust', async () => {
    const { changes } = await diffJson(BASE, edit(' external-id "abc"', ''));
    expect(changes.filter((c) => c.what === 'trust')).toMatchObject([{ change: 'widened', widens: true }]);
  });

  it('sees a longer session, a removed boundary and a new path', async () => {
    const head = edit('  max-session 1h\n', '  max-session 12h\n  path "/partners/"\n').replace(' bounded-by cap', '');
    const { changes } = await diffJson(BASE, head);
    const role = changes.filter((c) => c.name === 'partner-read');
    expect(role.map((c) => [c.what, c.change, c.widens, c.before, c.after])).toEqual([
      ['path', 'changed', true, '/', '/partners/'],
      ['boundary', 'removed', true, 'cap', undefined],
      ['max-session', 'widened', true, 3600, 43200],
    ]);
  });

  it('lists a role added with its trust and access, and a role removed', async () => {
    const head = edit('role partner-read', 'role partner-reader');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const run = await runCli(['diff', 'base', 'head'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  - role partner-read in prod (123456789012) (was base/app.iam:10)\n');
    expect(run.stdout).toContain('! + role partner-reader in prod (123456789012) (head/app.iam:10)\n');
    expect(run.stdout).toContain('    ! + trust allow sts:AssumeRole by AWS arn:aws:iam::111111111111:role/reader when StringEquals sts:ExternalId abc');
    expect(run.stdout).toContain('    ! + allow s3:GetObject on arn:aws:s3:::shared/*');
    expect(run.stdout).toContain('      + boundary cap');
  });
});

describe('iamc diff: guardrails, boundaries, analyzers', () => {
  it('sees an exemption added to a guardrail as one widening', async () => {
    const { changes } = await diffJson(BASE, edit('  exempt role "break-glass"\n', '  exempt role "break-glass"\n  exempt role "ops-admin"\n'));
    // The guardrail also starts protecting the new name (Deny statements): added, never widening.
    expect(changes.filter((c) => c.widens)).toMatchObject([{ kind: 'guardrail', name: 'base-rules', what: 'exemption', change: 'added', widens: true, after: 'arn:aws:iam::*:role/ops-admin' }]);
    expect(changes.filter((c) => !c.widens).every((c) => c.what === 'statement' && (c.after as { effect: string }).effect === 'Deny')).toBe(true);
  });

  it('sees a guardrail statement removed as a widening, and one added as not', async () => {
    const without = edit('  deny root-user\n', '');
    const removed = await diffJson(BASE, without);
    expect(removed.changes.length).toBeGreaterThan(0);
    for (const c of removed.changes) expect(c).toMatchObject({ kind: 'guardrail', what: 'statement', change: 'removed', widens: true, before: { effect: 'Deny' } });
    const added = await diffJson(without, BASE);
    for (const c of added.changes) expect(c).toMatchObject({ what: 'statement', change: 'added', widens: false });
  });

  it('sees a service exempted from a region restriction, and a region added, as widenings', async () => {
    const base = edit('  deny root-user\n', '  deny root-user\n  restrict regions ["eu-west-1"] except [iam, organizations]\n');
    const { changes } = await diffJson(base, base.replace('except [iam, organizations]', 'except [iam, organizations, s3]').replace('["eu-west-1"]', '["eu-west-1", "us-east-1"]'));
    expect(changes).toMatchObject([{ kind: 'guardrail', what: 'statement', change: 'narrowed', widens: true }]);
    const [change] = changes as { before: { action: string }; after: { action: string } }[];
    expect(change!.before.action).toBe('not [iam:*, organizations:*]');
    expect(change!.after.action).toBe('not [iam:*, organizations:*, s3:*]');
  });

  it('sees a guardrail detached from a target, or removed, as a widening', async () => {
    const attached = edit('attach-to ou "ou-ab12-34cd5678"', 'attach-to ou "ou-ab12-34cd5678", account prod');
    const detached = await diffJson(attached, BASE);
    expect(detached.changes).toMatchObject([{ what: 'target', change: 'removed', widens: true, before: { kind: 'account', id: '123456789012' } }]);
    const attach = await diffJson(BASE, attached);
    expect(attach.changes).toMatchObject([{ what: 'target', change: 'added', widens: false }]);
    const gone = await diffJson(BASE, edit('guardrail base-rules attach-to ou "ou-ab12-34cd5678" {\n  deny leave-organization\n  deny root-user\n  exempt role "break-glass"\n}\n', ''));
    expect(gone.changes).toMatchObject([{ kind: 'guardrail', what: 'guardrail', change: 'removed', widens: true }]);
  });

  it('sees a boundary that allows another service as widened access', async () => {
    const { changes } = await diffJson(BASE, edit('allow services [s3]', 'allow services [s3, sqs]'));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.kind === 'boundary' && c.name === 'cap' && c.widens)).toBe(true);
    expect(changes.some((c) => JSON.stringify(c.after).includes('sqs'))).toBe(true);
  });

  it('sees an archive rule added and the alert turned off as widenings of what goes unseen', async () => {
    const head = edit('  alert\n', '  archive principal 444455556666 because "another partner"\n');
    const { changes } = await diffJson(BASE, head);
    expect(changes.map((c) => [c.kind, c.what, c.change, c.widens, c.after])).toEqual([
      ['analyzer', 'alert', 'changed', true, false],
      ['analyzer', 'archive-rule', 'added', true, '444455556666'],
    ]);
  });
});

describe('iamc diff: constructs added and removed', () => {
  it('lists every construct removed, and calls it a widening only where it took access away or watched it', async () => {
    const { changes } = await diffJson(BASE, HEADER);
    expect(changes.map((c) => [c.kind, c.name, c.change, c.widens])).toEqual([
      ['role', 'app', 'removed', false],
      ['role', 'partner-read', 'removed', false],
      ['permission-set', 'Developer', 'removed', false],
      ['guardrail', 'base-rules', 'removed', true],
      ['boundary', 'cap', 'removed', true],
      ['analyzer', 'org-analyzer', 'removed', true],
    ]);
    expect(changes.every((c) => c.what === c.kind && c.source?.file === 'base/app.iam')).toBe(true);
  });

  it('lists every construct added with what it grants, and calls a new grant of access a widening', async () => {
    const { changes } = await diffJson(HEADER, BASE);
    const constructs = changes.filter((c) => c.what === c.kind);
    expect(constructs.map((c) => [c.kind, c.name, c.change, c.widens])).toEqual([
      ['role', 'app', 'added', true],
      ['role', 'partner-read', 'added', true],
      ['permission-set', 'Developer', 'added', true],
      ['guardrail', 'base-rules', 'added', false],
      ['boundary', 'cap', 'added', false],
      ['analyzer', 'org-analyzer', 'added', false],
    ]);
    const kinds = new Set(changes.filter((c) => c.what !== c.kind).map((c) => `${c.kind} ${c.what}`));
    expect([...kinds].sort()).toEqual([
      'analyzer archive-rule',
      'boundary access',
      'boundary account',
      'guardrail exemption',
      'guardrail statement',
      'guardrail target',
      'permission-set access',
      'permission-set assignment',
      'permission-set session',
      'role access',
      'role boundary',
      'role trust',
    ]);
  });
});

describe('iamc diff: formats', () => {
  it('writes Markdown for a pull-request comment: one row per change, widenings marked, user text escaped', async () => {
    const head = edit('permission-set Developer session 2h {\n', 'permission-set Developer session 4h {\n  managed-policy "arn:aws:iam::aws:policy/AdministratorAccess" because "break-glass administrators"\n').replace('read s3 objects "assets/reports/*"', 'read s3 objects "assets/a|b/*"');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const run = await runCli(['diff', 'base', 'head', '--format', 'markdown'], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^### iamc diff: \d+ changes, \d+ that may widen access$/);
    expect(lines).toContain('| | construct | change | before | after | where |');
    expect(lines).toContain('| ⚠️ | permission-set `Developer` | managed-policy added |  | `arn:aws:iam::aws:policy/AdministratorAccess` | `head/app.iam:19` |');
    expect(lines).toContain('| ⚠️ | permission-set `Developer` | session widened | `2h` | `4h` | `head/app.iam:19` |');
    // A pipe in user text must not open a new table cell.
    const pipe = lines.find((l) => l.includes('allow s3:GetObject on') && l.includes('a\\|b'))!;
    expect(pipe).toContain('arn:aws:s3:::assets/a\\|b/*');
    expect(pipe.split(/(?<!\\)\|/).length).toBe(8);
  });

  it('writes JSON with structured fields, not pre-rendered strings', async () => {
    const { json } = await diffJson(BASE, edit('session 2h', 'session 3h'));
    expect(json).toEqual({
      different: true,
      complete: true,
      changes: [{ kind: 'permission-set', name: 'Developer', change: 'widened', what: 'session', widens: true, before: 7200, after: 10800, source: { file: 'head/app.iam', line: 19, column: 1 } }],
      incomplete: [],
    });
  });
});

describe('iamc diff: exit codes', () => {
  it('exits 2 when either side does not compile, printing its errors', async () => {
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': BASE.replace('consume sqs', 'consme sqs') });
    const run = await runCli(['diff', 'base', 'head'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[IAM2104]');
    expect(run.stderr).toContain('head/app.iam:7:3');
    expect(run.stdout).toBe('');
    const json = await runCli(['diff', 'base', 'head', '--format', 'json'], dir);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).diagnostics).toMatchObject([{ code: 'IAM2104', file: 'head/app.iam', line: 7, column: 3 }]);
  });

  it('exits 2 for bad arguments and a missing side', async () => {
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': BASE });
    expect((await runCli(['diff', 'base'], dir)).code).toBe(2);
    expect((await runCli(['diff', 'base', 'head', '--format', 'yaml'], dir)).code).toBe(2);
    const missing = await runCli(['diff', 'base', 'missing'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error[IAM0001]');
  });
});
