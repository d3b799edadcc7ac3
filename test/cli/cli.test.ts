/** The command line end to end: exit codes, formats, all-or-nothing writes. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli, tempDir } from '../helpers/compile.js';

const good = 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n';
const bad = 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants: [ { sned sqs queue: orders } ]\n';

describe('iamc compile', () => {
  it('writes the output folder and exits 0', async () => {
    const dir = project({ 'intents/app.iam.yaml': good });
    const run = await runCli(['compile', 'intents', '--out', 'out'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')).roles[0].name).toBe('app');
    expect(existsSync(join(dir, 'out/iam/roles/app.policy.json'))).toBe(true);
  });

  it('exits 1 with a located diagnostic, writes nothing, and keeps the previous output', async () => {
    const dir = project({ 'intents/app.iam.yaml': good });
    expect((await runCli(['compile', 'intents', '--out', 'out'], dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'out/iam/roles/app.policy.json'), 'utf8');
    writeFileSync(join(dir, 'intents/app.iam.yaml'), bad);
    const run = await runCli(['compile', 'intents', '--out', 'out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM2104]');
    expect(run.stderr).toContain('--> intents/app.iam.yaml:7:17');
    expect(run.stderr).toContain("help: did you mean `send`?");
    expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(readFileSync(join(dir, 'out/iam/roles/app.policy.json'), 'utf8')).toBe(before);
  });

  it('prints the JSON form of diagnostics', async () => {
    const dir = project({ 'app.iam.yaml': bad });
    const run = await runCli(['compile', '.', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.diagnostics[0]).toMatchObject({ code: 'IAM2104', severity: 'error', file: 'app.iam.yaml', line: 7, column: 17, endLine: 7, endColumn: 21 });
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses to replace a folder it did not write', async () => {
    const dir = project({ 'app.iam.yaml': good, 'out/notes.txt': 'mine' });
    const run = await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('IAM0013');
    expect(readFileSync(join(dir, 'out/notes.txt'), 'utf8')).toBe('mine');
  });

  it('--check reports stale output without writing', async () => {
    const dir = project({ 'app.iam.yaml': good });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out', '--check'], dir)).code).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out', '--check'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'out/iam/roles/app.policy.json'), '{}');
    const stale = await runCli(['compile', 'app.iam.yaml', '--out', 'out', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('IAM0004');
  });

  it('reports missing paths and folders without intents', async () => {
    const dir = project({ 'readme.txt': 'x' });
    expect((await runCli(['compile', 'missing'], dir)).stderr).toContain('IAM0001');
    expect((await runCli(['compile', '.'], dir)).stderr).toContain('IAM0002');
  });

  it('reports binary input as a diagnostic', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bin.iam.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x81]));
    const run = await runCli(['compile', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('IAM0005');
  });

  it('exits 2 on usage errors', async () => {
    const dir = tempDir();
    expect((await runCli(['compile', '--frobnicate'], dir)).code).toBe(2);
    expect((await runCli(['compile', '--format', 'xml'], dir)).code).toBe(2);
    expect((await runCli(['compile', '--target', 'cloudformation'], dir)).code).toBe(2);
    expect((await runCli(['launch'], dir)).code).toBe(2);
    expect((await runCli([], dir)).code).toBe(2);
  });

  it('has help for each command', async () => {
    const dir = tempDir();
    for (const command of ['compile', 'check', 'stdlib']) {
      const run = await runCli([command, '--help'], dir);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toContain(`usage: iamc ${command}`);
    }
  });
});

describe('iamc check', () => {
  it('checks without writing', async () => {
    const dir = project({ 'app.iam.yaml': good });
    expect((await runCli(['check', '.'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    writeFileSync(join(dir, 'app.iam.yaml'), bad);
    expect((await runCli(['check', '.'], dir)).code).toBe(1);
  });
});

describe('iamc check on plain policy JSON', () => {
  const wildcard = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["ssm:GetParameter*"], "Resource": "arn:aws:ssm:eu-west-1:123456789012:parameter/app/*" }\n  ]\n}\n';

  it('lints a hand-written policy and locates the finding', async () => {
    const dir = project({ 'policy.json': wildcard });
    const run = await runCli(['check', 'policy.json', '--format', 'json'], dir);
    const findings = JSON.parse(run.stdout).diagnostics;
    expect(findings.map((d: { code: string; line: number }) => `${d.code}:${d.line}`)).toContain('IAM5104:4');
  });

  it('prints SARIF for code scanning', async () => {
    const dir = project({ 'policy.json': wildcard });
    const run = await runCli(['check', 'policy.json', '--format', 'sarif'], dir);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('policy.json');
  });

  it('does not lint JSON found by walking a folder (compiled output is not input)', async () => {
    const dir = project({ 'app.iam.yaml': good, 'out/iam/roles/x.policy.json': wildcard });
    expect((await runCli(['check', '.'], dir)).code).toBe(0);
  });
});

describe('iamc stdlib', () => {
  it('lists patterns with their exact actions', async () => {
    const run = await runCli(['stdlib', 'sqs'], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('consume sqs queue');
    expect(run.stdout).toContain('sqs:ReceiveMessage');
    expect(run.stdout).not.toContain('dynamodb');
  });

  it('suggests a service for a typo', async () => {
    const run = await runCli(['stdlib', 'sqss'], tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('did you mean `sqs`?');
  });
});
