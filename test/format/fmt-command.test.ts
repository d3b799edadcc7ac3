import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFmt } from '../../cli/commands/fmt.js';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), cwd, color: false } };
}

describe('iamc fmt', () => {
  it('--check reports an unformatted file and changes nothing; fmt then fixes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamc-fmt-'));
    const messy = 'account   prod=123456789012\n';
    writeFileSync(join(dir, 'a.iam'), messy);
    const check = io(dir);
    expect(await runFmt(['--check'], check.io)).toBe(1);
    expect(check.out.join('')).toBe('a.iam\n');
    expect(readFileSync(join(dir, 'a.iam'), 'utf8')).toBe(messy);

    expect(await runFmt([], io(dir).io)).toBe(0);
    expect(readFileSync(join(dir, 'a.iam'), 'utf8')).toBe('account prod = 123456789012\n');
    expect(await runFmt(['--check'], io(dir).io)).toBe(0);
  });

  it('a file with syntax errors is left alone, exit 1; an unknown flag is usage, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamc-fmt-'));
    writeFileSync(join(dir, 'b.iam'), 'rol x\n');
    const run = io(dir);
    expect(await runFmt([], run.io)).toBe(1);
    expect(run.err.join('')).toContain('IAM1203');
    expect(readFileSync(join(dir, 'b.iam'), 'utf8')).toBe('rol x\n');
    expect(await runFmt(['--bogus'], io(dir).io)).toBe(2);
  });
});
