/** The output folder keeps the mode a user expects: the atomic swap must not leave it private. */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/compile.js';

const INTENT = 'account prod = 123456789012\nregion eu-west-1\nrole app for ec2 in prod {\n  consume sqs queue "orders"\n}\n';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamc-mode-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'a.iam'), INTENT);
  return dir;
}

describe('the output folder mode', () => {
  it('gives a new output folder the mode mkdir would, not the private mode of a temporary folder', async () => {
    const dir = project();
    expect((await runCli(['compile', 'in', '--out', 'out'], dir)).code).toBe(0);
    expect(statSync(join(dir, 'out')).mode & 0o777).toBe(0o777 & ~process.umask());
  });

  it('keeps the mode an existing output folder had', async () => {
    const dir = project();
    expect((await runCli(['compile', 'in', '--out', 'out'], dir)).code).toBe(0);
    chmodSync(join(dir, 'out'), 0o750);
    expect((await runCli(['compile', 'in', '--out', 'out'], dir)).code).toBe(0);
    expect(statSync(join(dir, 'out')).mode & 0o777).toBe(0o750);
  });
});

describe('a working directory that no longer exists', () => {
  // The built CLI is needed to start iamc in a folder that is gone (`npm ci` builds it).
  it.skipIf(!existsSync('dist/cli/main.js'))('is a diagnostic, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamc-gone-'));
    const bin = resolve('bin/iamc.js');
    // The shell enters the folder, removes it, then starts iamc there.
    const run = spawnSync('sh', ['-c', `cd "${dir}" && rmdir "${dir}" && exec node "${bin}" check .`], { encoding: 'utf8' });
    expect(run.stderr).toContain('IAM0001');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(2);
    expect(() => rmdirSync(dir)).toThrow();
  });
});
