/** `iamc diff` on a trust's subjects: one more subject is access added, one fewer is access removed. */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const role = (principal: string) => `account prod = 123456789012\nregion eu-west-1\n\nrole deploy for ${principal} in prod {\n  read s3 objects "site/*"\n}\n`;

async function diff(base: string, head: string) {
  const dir = project({ 'base/app.iam': base, 'head/app.iam': head });
  return runCli(['diff', 'base', 'head'], dir);
}

describe('iamc diff: several subjects in one trust', () => {
  const one = role('github "acme/app" branch "main"');
  const two = role('github "acme/app" branch "main", environment "production"');

  it('sees a subject added as a widening of the trust', async () => {
    const run = await diff(one, two);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('repo:acme/app:environment:production');
    expect(run.stdout).toContain('! > widened trust');
  });

  it('sees a subject removed as a narrowing, and the same subjects reordered as no difference', async () => {
    const run = await diff(two, one);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('< narrowed trust');
    expect(run.stdout).toContain('0 that may widen access');
    const reordered = await diff(two, role('github "acme/app" environment "production", branch "main"'));
    expect(reordered.code).toBe(0);
  });
});
