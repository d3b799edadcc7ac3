/** Reading inputs takes steps linear in the folders, however many links lead to each. */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSources } from '../../cli/sources.js';
import { project } from '../helpers/compile.js';

const reads = { count: 0 };
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readdirSync: ((...args: Parameters<typeof real.readdirSync>) => (reads.count++, real.readdirSync(...args))) as typeof real.readdirSync };
});

describe('many routes to one folder', () => {
  it('walks a folder once however many links lead to it, so a diamond of links is not exponential', () => {
    // Each level links twice to the next: 2^12 routes to the bottom if every route were walked.
    const levels = 12;
    const files: Record<string, string> = { 'intents/accounts.iam.yaml': 'accounts: { prod: "123456789012" }\n', [`levels/${levels}/app.iam.yaml`]: 'region: eu-west-1\n' };
    for (let i = 0; i < levels; i++) files[`levels/${i}/keep`] = '';
    const dir = project(files);
    for (let i = 0; i < levels; i++) {
      fs.symlinkSync(join(dir, `levels/${i + 1}`), join(dir, `levels/${i}/a`));
      fs.symlinkSync(join(dir, `levels/${i + 1}`), join(dir, `levels/${i}/b`));
    }
    fs.symlinkSync(join(dir, 'levels/0'), join(dir, 'intents/levels'));
    reads.count = 0;
    const read = readSources(['intents'], dir);
    expect(read.sources.map((s) => s.path)).toEqual(['intents/accounts.iam.yaml', `intents/levels/${'a/'.repeat(levels)}app.iam.yaml`]);
    expect(read.diagnostics).toEqual([]);
    // One read per real folder: intents/ and levels 0…12.
    expect(reads.count).toBe(levels + 2);
  });
});
