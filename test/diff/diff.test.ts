/** `iamc diff` end to end: access added and removed, in intent terms, and its exit codes. */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const HEADER = 'account prod = 123456789012\naccount partner = 111111111111\nregion eu-west-1\n\n';

const BASE = `${HEADER}role app for ec2 in prod {
  read s3 objects "assets/*"
  consume sqs queue "jobs"
}

role partner-read for role "reader" in partner external-id "abc" in prod {
  read s3 objects "shared/*"
}

boundary cap {
  allow services [s3]
}
`;

describe('iamc diff', () => {
  it('reports no difference and exits 0 when only layout and comments changed', async () => {
    const moved = BASE.replace('role app', '# the application\n\nrole app');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': moved });
    const run = await runCli(['diff', 'base', 'head'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('no difference in access\n');
  });

  it('names an added grant with the HEAD line that grants it, and exits 1', async () => {
    const head = BASE.replace('  consume sqs queue "jobs"\n', '  consume sqs queue "jobs"\n  write dynamodb table "Orders"\n');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const run = await runCli(['diff', 'base', 'head', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.different).toBe(true);
    expect(json.rolesChanged).toHaveLength(1);
    const app = json.rolesChanged[0];
    expect(app.name).toBe('app');
    expect(app.removed).toEqual([]);
    const actions = app.added.map((g: { action: string }) => g.action);
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions.every((a: string) => a.startsWith('dynamodb:'))).toBe(true);
    for (const g of app.added) {
      expect(g.resource).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/Orders');
      expect(g.origins).toEqual([{ file: 'head/app.iam', line: 8 }]);
    }
    const text = await runCli(['diff', 'base', 'head'], dir);
    expect(text.stdout).toContain('~ role app\n');
    expect(text.stdout).toContain('    + allow dynamodb:PutItem on arn:aws:dynamodb:eu-west-1:123456789012:table/Orders  (head/app.iam:8)');
  });

  it('names a removed grant with the BASE line that granted it', async () => {
    const head = BASE.replace('  consume sqs queue "jobs"\n', '');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const run = await runCli(['diff', 'base', 'head'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('    - allow sqs:ReceiveMessage on arn:aws:sqs:eu-west-1:123456789012:jobs  (was base/app.iam:7)');
    expect(run.stdout).not.toContain('    + ');
  });

  it('reports a change of trust: condition and principal', async () => {
    const head = BASE.replace('external-id "abc"', 'external-id "xyz"').replace('role "reader"', 'role "auditor"');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const run = await runCli(['diff', 'base', 'head', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    const partner = json.rolesChanged.find((r: { name: string }) => r.name === 'partner-read');
    expect(partner.added).toEqual([]);
    expect(partner.removed).toEqual([]);
    expect(partner.trust).toEqual([
      'principal added: `AWS arn:aws:iam::111111111111:role/auditor (sts:AssumeRole)`',
      'principal removed: `AWS arn:aws:iam::111111111111:role/reader (sts:AssumeRole)`',
      'condition added: `StringEquals sts:ExternalId xyz`',
      'condition removed: `StringEquals sts:ExternalId abc`',
    ]);
  });

  it('reports roles added and removed, and a changed boundary', async () => {
    const head = BASE.replace('role partner-read', 'role partner-reader').replace('allow services [s3]', 'allow services [s3, sqs]');
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': head });
    const run = await runCli(['diff', 'base', 'head'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('+ role partner-reader (head/app.iam:');
    expect(run.stdout).toContain('- role partner-read (was base/app.iam:');
    expect(run.stdout).toMatch(/~ boundary cap: statements changed: `\w+`/);
  });

  it('prints either side\'s errors and exits 1; wrong arity is usage', async () => {
    const dir = project({ 'base/app.iam': BASE, 'head/app.iam': BASE.replace('consume sqs', 'consme sqs') });
    const run = await runCli(['diff', 'base', 'head'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM2104]');
    expect(run.stderr).toContain('head/app.iam:7:3');
    expect(run.stdout).toBe('');
    expect((await runCli(['diff', 'base'], dir)).code).toBe(2);
    expect((await runCli(['diff', 'base', 'missing'], dir)).code).toBe(1);
  });
});
