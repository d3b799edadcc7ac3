/** Reading the inputs: symbolic links are followed or reported, never skipped in silence. */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../cli/sources.js';
import { project, runCli } from '../helpers/compile.js';

const accounts = 'accounts: { prod: "123456789012" }\nregion: eu-west-1\n';
const role = (name: string) => `roles:\n  ${name}:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n`;
const paths = (dir: string, input = 'intents') => readSources([input], dir).sources.map((s) => s.path);
const codesOf = (dir: string, input = 'intents') => readSources([input], dir).diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);

describe('symbolic links among the inputs', () => {
  it('follows a symlinked intent file instead of skipping it', async () => {
    const dir = project({ 'intents/accounts.iam.yaml': accounts, 'shared/app.iam.yaml': role('app') });
    symlinkSync(join(dir, 'shared/app.iam.yaml'), join(dir, 'intents/app.iam.yaml'));
    expect(paths(dir)).toEqual(['intents/accounts.iam.yaml', 'intents/app.iam.yaml']);
    const run = await runCli(['compile', 'intents', '--out', 'out'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 role');
  });

  it('follows a symlinked folder instead of skipping it', () => {
    const dir = project({ 'intents/accounts.iam.yaml': accounts, 'team/app.iam.yaml': role('app') });
    symlinkSync(join(dir, 'team'), join(dir, 'intents/team'));
    expect(paths(dir)).toEqual(['intents/accounts.iam.yaml', 'intents/team/app.iam.yaml']);
    expect(codesOf(dir)).toEqual([]);
  });

  it('reports a link loop by its path, does not follow it, and still reads every file once', () => {
    const dir = project({ 'intents/accounts.iam.yaml': accounts, 'intents/sub/app.iam.yaml': role('app') });
    symlinkSync(join(dir, 'intents'), join(dir, 'intents/sub/back'));
    expect(paths(dir)).toEqual(['intents/accounts.iam.yaml', 'intents/sub/app.iam.yaml']);
    expect(codesOf(dir)).toEqual(['warning IAM0017 `intents/sub/back` links back to `intents`, a folder it is in; not followed']);
  });

  it('reports a link to itself as a loop', () => {
    const dir = project({ 'intents/accounts.iam.yaml': accounts });
    symlinkSync('self.iam', join(dir, 'intents/self.iam'));
    expect(codesOf(dir)).toEqual(['warning IAM0017 `intents/self.iam` is a symbolic link to `self.iam`, which leads back to itself; not followed']);
  });

  it('refuses a broken link named like an intent file: an intent gone missing is an error', async () => {
    const dir = project({ 'intents/accounts.iam.yaml': accounts });
    symlinkSync(join(dir, 'gone/guardrails.iam'), join(dir, 'intents/guardrails.iam'));
    symlinkSync(join(dir, 'gone/notes'), join(dir, 'intents/notes'));
    expect(codesOf(dir)).toEqual([
      expect.stringMatching(/^error IAM0001 `intents\/guardrails.iam` is a symbolic link to `.*gone\/guardrails.iam`, which does not exist$/),
      expect.stringMatching(/^warning IAM0018 `intents\/notes` is a symbolic link/),
    ]);
    expect((await runCli(['compile', 'intents', '--out', 'out'], dir)).code).toBe(1);
  });

  it('reads a file reached by two paths once, so it is not declared twice', async () => {
    const dir = project({ 'intents/accounts.iam.yaml': accounts, 'intents/app.iam.yaml': role('app') });
    mkdirSync(join(dir, 'intents/alias'));
    symlinkSync(join(dir, 'intents/app.iam.yaml'), join(dir, 'intents/alias/app.iam.yaml'));
    expect(paths(dir)).toEqual(['intents/accounts.iam.yaml', 'intents/alias/app.iam.yaml']);
    expect((await runCli(['compile', 'intents', '--out', 'out'], dir)).code).toBe(0);
  });
});
