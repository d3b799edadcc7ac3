/** The writer's only delete (listed files and emptied folders, never anything else), and its path test. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../compiler/write/output-guard.js';
import { removeOnly } from '../../compiler/write/remove-listed.js';
import { project } from '../helpers/compile.js';

describe('removeOnly', () => {
  it('removes the listed files and their emptied folders, and then the root', () => {
    const dir = project({ 'old/manifest.json': '{}', 'old/iam/roles/a.policy.json': '{}' });
    mkdirSync(join(dir, 'old/terraform'));
    expect(removeOnly(join(dir, 'old'), ['manifest.json', 'iam/roles/a.policy.json'], ['terraform'])).toBe(true);
    expect(existsSync(join(dir, 'old'))).toBe(false);
  });

  it('never deletes a file it was not told about, such as one that appeared during the write', () => {
    const dir = project({ 'old/manifest.json': '{}', 'old/iam/roles/a.policy.json': '{}', 'old/iam/roles/new-from-terraform.txt': 'keep' });
    expect(removeOnly(join(dir, 'old'), ['manifest.json', 'iam/roles/a.policy.json'], [])).toBe(false);
    expect(readFileSync(join(dir, 'old/iam/roles/new-from-terraform.txt'), 'utf8')).toBe('keep');
    expect(existsSync(join(dir, 'old/iam/roles/a.policy.json'))).toBe(false);
  });

  it('does not follow a listed path through a folder that is not there as listed', () => {
    const dir = project({ 'old/manifest.json': '{}', 'old/iam/keep.txt': 'keep' });
    writeFileSync(join(dir, 'old/iam/roles'), 'a file where a folder was expected');
    expect(removeOnly(join(dir, 'old'), ['iam/roles/a.policy.json'], ['iam/roles'])).toBe(false);
    expect(readFileSync(join(dir, 'old/iam/keep.txt'), 'utf8')).toBe('keep');
    expect(readFileSync(join(dir, 'old/iam/roles'), 'utf8')).toBe('a file where a folder was expected');
  });
});

describe('isInside', () => {
  it('sees that the root folder holds every path, so `--out /` is an ancestor of any working directory', () => {
    expect(isInside('/work/project', '/')).toBe(true);
    expect(isInside('/work/project', '/work')).toBe(true);
    expect(isInside('/work', '/work')).toBe(false);
    expect(isInside('/work-other/x', '/work')).toBe(false);
    expect(isInside('/work/..x/y', '/work')).toBe(true);
  });
});
