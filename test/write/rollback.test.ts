/**
 * A write that fails half-way puts everything back: the carried entries return to the old
 * output, the new files are removed, and nothing is left beside the folder.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeOutputAtomically } from '../../compiler/write/atomic-write.js';
import { project, runCli } from '../helpers/compile.js';

/** Fails the rename that would move the old output aside, once carried entries have moved. */
const failSwapOf = { target: '' };
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (failSwapOf.target !== '' && String(from) === failSwapOf.target) throw new Error('disk full (simulated)');
      real.renameSync(from, to);
    },
  };
});

const intent = 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n';

describe('a failed swap', () => {
  it('moves the carried entries back and leaves the old output as it was', async () => {
    const dir = project({ 'app.iam.yaml': intent });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    fs.mkdirSync(join(dir, 'out/terraform/.terraform'));
    fs.writeFileSync(join(dir, 'out/terraform/.terraform/state'), 'provider cache');
    fs.writeFileSync(join(dir, 'out/terraform/backend.tf'), 'terraform {}\n');
    const before = fs.readdirSync(join(dir, 'out'), { recursive: true }).map(String).sort();
    const policy = fs.readFileSync(join(dir, 'out/iam/roles/app.policy.json'), 'utf8');

    failSwapOf.target = fs.realpathSync(join(dir, 'out'));
    try {
      const outcome = writeOutputAtomically({ outName: 'out', outDir: join(dir, 'out'), files: new Map([['manifest.json', '{}'], ['iam/roles/app.policy.json', 'new']]), cwd: dir, inputs: [join(dir, 'app.iam.yaml')] });
      expect(outcome).toMatchObject({ ok: false, code: 'IAM0003' });
    } finally {
      failSwapOf.target = '';
    }
    expect(fs.readdirSync(join(dir, 'out'), { recursive: true }).map(String).sort()).toEqual(before);
    expect(fs.readFileSync(join(dir, 'out/terraform/.terraform/state'), 'utf8')).toBe('provider cache');
    expect(fs.readFileSync(join(dir, 'out/iam/roles/app.policy.json'), 'utf8')).toBe(policy);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.iamc-'))).toEqual([]);
  });
});
