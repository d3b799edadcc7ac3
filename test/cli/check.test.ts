/** `iamc check` on JSON a reviewer can trust: stated policy types, iamc's own output, waiver files. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli, tempDir } from '../helpers/compile.js';

interface Found {
  code: string;
  file: string;
  line: number;
  column: number;
}
const findings = async (argv: string[], dir: string): Promise<{ code: number; found: Found[] }> => {
  const run = await runCli(['check', ...argv, '--format', 'json'], dir);
  return { code: run.code, found: JSON.parse(run.stdout).diagnostics as Found[] };
};
const codes = (found: readonly Found[]) => found.map((d) => d.code).sort();

const doc = (...statements: object[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
const fullAccessPlusDeny = doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' });

describe('iamc check --policy-type', () => {
  it('refuses `Allow * on *` hidden behind a Deny or an `scp-` file name unless the type is stated', async () => {
    const dir = project({ 'policy.json': fullAccessPlusDeny, 'scp-guardrails.json': fullAccessPlusDeny });
    for (const file of ['policy.json', 'scp-guardrails.json']) {
      const run = await findings([file], dir);
      expect(run.code, file).toBe(1);
      expect(codes(run.found), file).toEqual(expect.arrayContaining(['IAM5105', 'IAM5107']));
    }
    const stated = await findings(['scp-guardrails.json', '--policy-type', 'scp'], dir);
    expect(stated).toEqual({ code: 0, found: [] });
  });

  it('turns a boundary\'s `s3:*` from a finding into the point of the document when stated', async () => {
    const dir = project({ 'b.json': doc({ Effect: 'Allow', Action: ['s3:*'], Resource: '*' }) });
    expect(codes((await findings(['b.json'], dir)).found)).toContain('IAM5105');
    expect((await findings(['b.json', '--policy-type', 'boundary'], dir)).found).toEqual([]);
  });

  it('is a usage error for a type it does not know', async () => {
    const run = await runCli(['check', 'p.json', '--policy-type', 'bucket'], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('`--policy-type`');
  });
});

describe('iamc check on iamc\'s own output', () => {
  it('gives the same findings on a fresh compile of examples/ as on the intents', async () => {
    const dir = tempDir();
    cpSync('examples', join(dir, 'examples'), { recursive: true });
    rmSync(join(dir, 'examples/expected'), { recursive: true });
    expect((await runCli(['compile', 'examples', '--out', 'out'], dir)).code).toBe(0);
    const onIntents = await findings(['examples'], dir);
    const onOutput = await findings(['out'], dir);
    expect(onOutput.code).toBe(onIntents.code);
    expect(codes(onOutput.found)).toEqual(codes(onIntents.found));
    // Files of the output named one by one are judged the same way.
    const named = await findings(['out/iam/roles/network-admin.policy.json', 'out/iam/roles/network-admin.trust.json', 'out/scp/enterprise-security-guardrails.json'], dir);
    expect(named).toEqual({ code: 0, found: [] });
    // It is the manifest's reasons that make them agree: the same JSON away from its manifest fails.
    cpSync(join(dir, 'out/iam/roles/network-admin.policy.json'), join(dir, 'network-admin.policy.json'));
    const bare = await findings(['network-admin.policy.json'], dir);
    expect(codes(bare.found)).toContain('IAM5107');
  });

  it('does not carry a reason to a statement widened by hand after compiling', async () => {
    const dir = tempDir();
    cpSync('examples', join(dir, 'examples'), { recursive: true });
    rmSync(join(dir, 'examples/expected'), { recursive: true });
    expect((await runCli(['compile', 'examples', '--out', 'out'], dir)).code).toBe(0);
    // The one note the compiled examples earn: the seed's deployer trusts an environment (IAM5125).
    expect(codes((await findings(['out'], dir)).found)).toEqual(['IAM5125']);
    const file = join(dir, 'out/iam/roles/network-admin.policy.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"ec2:CreateVpc"', '"ec2:CreateVpc", "ec2:DeleteVpc"'));
    expect(codes((await findings(['out'], dir)).found)).toContain('IAM5107');
  });

  it('judges each output file by the kind the manifest gives it, not by its shape', async () => {
    const dir = project({ 'app.iam.yaml': 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n' });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    expect(await findings(['out'], dir)).toEqual({ code: 0, found: [] });
    // A Statement edited by hand into the output is judged as an identity policy, Deny or not.
    writeFileSync(join(dir, 'out/iam/roles/app.policy.json'), fullAccessPlusDeny);
    expect(codes((await findings(['out'], dir)).found)).toEqual(expect.arrayContaining(['IAM5105', 'IAM5107']));
    // A reason in the manifest for a Sid the file does not have waives nothing.
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8'));
    manifest.policyFiles['iam/roles/app.policy.json'].reasons = { Other: { because: 'not this statement', statement: '0000000000000000' } };
    writeFileSync(join(dir, 'out/manifest.json'), JSON.stringify(manifest));
    expect(codes((await findings(['out'], dir)).found)).toEqual(expect.arrayContaining(['IAM5105', 'IAM5107']));
  });

  it('does not let a manifest edited to call a role policy an SCP or a boundary hide `Allow * on *`', async () => {
    const dir = project({ 'app.iam.yaml': 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n' });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'out/iam/roles/app.policy.json'), doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8'));
    for (const type of ['scp', 'boundary']) {
      manifest.policyFiles['iam/roles/app.policy.json'].type = type;
      writeFileSync(join(dir, 'out/manifest.json'), JSON.stringify(manifest));
      for (const target of ['out', 'out/iam/roles/app.policy.json']) {
        const run = await findings([target], dir);
        expect(run.code, `${type} ${target}`).toBe(1);
        expect(codes(run.found), `${type} ${target}`).toEqual(expect.arrayContaining(['IAM5105', 'IAM5107']));
      }
    }
  });

  it('treats a folder whose manifest.json is not iamc\'s as an ordinary folder', async () => {
    const dir = project({ 'site/manifest.json': '{"name": "web app", "icons": []}', 'site/app.iam.yaml': 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n' });
    expect(await findings(['site'], dir)).toEqual({ code: 0, found: [] });
  });

  it('passes the output of a permission set with only managed policies, whose manifest lists no policy file iamc did not write', async () => {
    const dir = project({ 'ps.iam': 'account prod = 123456789012\npermission-set Dev {\n  managed-policy "arn:aws:iam::123456789012:policy/Mine"\n  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod]\n}\n' });
    expect((await runCli(['compile', 'ps.iam', '--out', 'out'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')).policyFiles).toEqual({});
    expect(await findings(['out'], dir)).toEqual({ code: 0, found: [] });
  });

  it('reports a file the manifest lists but the folder lacks (IAM0040)', async () => {
    const dir = project({ 'app.iam.yaml': 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n' });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    rmSync(join(dir, 'out/iam/roles/app.trust.json'));
    const run = await findings(['out'], dir);
    expect(run.code).toBe(1);
    expect(codes(run.found)).toEqual(['IAM0040']);
  });
});

describe('iamc check on invalid JSON', () => {
  it('refuses a trailing comma at its place instead of reading the file as YAML', async () => {
    const dir = project({ 'p.json': '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*" },\n  ]\n}\n' });
    const run = await findings(['p.json'], dir);
    expect(run.code).toBe(1);
    expect(run.found.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['IAM5103 4:72']);
  });
});

describe('iamc check with a .iamc-waivers file', () => {
  const reader = doc({ Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: '*' });

  it('waives the finding the waiver file names, and reports a stale or unreasoned waiver', async () => {
    const dir = project({ 'policies/q.json': reader, 'policies/.iamc-waivers': 'q.json IAM5106 /Statement/0/Resource: queues are created per tenant at run time\n' });
    expect(await findings(['policies/q.json'], dir)).toEqual({ code: 0, found: [] });
    writeFileSync(join(dir, 'policies/.iamc-waivers'), 'q.json IAM5106 /Statement/0/Resource\n');
    expect(codes((await findings(['policies/q.json'], dir)).found)).toEqual(['IAM5101', 'IAM5106']);
    writeFileSync(join(dir, 'policies/.iamc-waivers'), 'q.json IAM5106 /Statement/0/Action: wrong place\n');
    expect(codes((await findings(['policies/q.json'], dir)).found)).toEqual(['IAM5102', 'IAM5106']);
  });

  it('does not call a waiver stale when its policy is not valid JSON', async () => {
    const dir = project({ 'q.json': reader.replace('"Resource"', '"Resource",,'), '.iamc-waivers': 'q.json IAM5106 /Statement/0/Resource: queues are created per tenant\n' });
    expect(codes((await findings(['q.json'], dir)).found)).toEqual(['IAM5103']);
  });
});
