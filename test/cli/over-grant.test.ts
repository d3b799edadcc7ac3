/**
 * `iamc compile` refuses an over-grant it would otherwise write: lowering is replaced by one that
 * adds a destructive action to every statement, and the compile must fail on the proof (IAM4101)
 * with nothing written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, tempDir } from '../helpers/compile.js';

vi.mock('../../compiler/lower/lower.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../compiler/lower/lower.js')>();
  return {
    ...original,
    lowerProgram: (...args: Parameters<typeof original.lowerProgram>) => {
      const program = original.lowerProgram(...args);
      const widen = (s: (typeof program.roles)[number]['policies'][number]['statements'][number]) =>
        s.effect === 'Allow' && s.actions?.[0]?.startsWith('sqs:') ? { ...s, actions: [...s.actions, 'sqs:DeleteQueue'].sort() } : s;
      return { ...program, roles: program.roles.map((r) => ({ ...r, policies: r.policies.map((d) => ({ statements: d.statements.map(widen) })) })) };
    },
  };
});

describe('an injected over-grant', () => {
  it('is refused at compile time and never written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.iam'), 'account prod = 123456789012\nregion eu-west-1\nrole app for ec2 in prod {\n  consume sqs queue "orders"\n}\n');
    const run = await runCli(['compile', '.', '--out', 'out', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const found = JSON.parse(run.stdout).diagnostics as { code: string; file: string; line: number; message: string }[];
    expect(found.map((d) => d.code)).toContain('IAM4101');
    expect(found.find((d) => d.code === 'IAM4101')!.message).toContain('sqs:DeleteQueue');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
