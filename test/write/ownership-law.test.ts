/**
 * The writer's law, on generated folders: whatever an iamc output folder holds besides iamc's
 * own files, a write either refuses and changes nothing, or succeeds with every foreign entry
 * still there, byte for byte, and exactly the new files as iamc's.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeOutputAtomically } from '../../compiler/write/atomic-write.js';
import { tempDir } from '../helpers/compile.js';

const RUNS = Math.max(10, Math.ceil(Number(process.env['IAMC_PROPERTY_RUNS'] ?? 120) / 2));

/** Names that collide with iamc's layout on purpose: the interesting cases are the near misses. */
const segment = fc.constantFrom('iam', 'roles', 'terraform', 'scp', '.terraform', 'backend.tf', 'a.policy.json', 'a.trust.json', 'manifest.json', 'x');
const layout = fc.constantFrom('iam/roles/a.policy.json', 'iam/roles/a.trust.json', 'iam/roles/b.policy.json', 'scp/g.json', 'terraform/roles.tf', 'terraform/versions.tf');
/** Foreign paths: anywhere, or exactly where iamc may write next (the clash the writer must refuse). */
const relPath = fc.oneof(fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')), layout);
const outputFiles = fc.uniqueArray(layout, { minLength: 1 });

function manifestFor(files: readonly string[]): string {
  return JSON.stringify({ version: 2, generator: 'iamc', roles: [], boundaries: [], scps: [], permissionSets: [], analyzers: [], files: [...files].sort() });
}

function output(files: readonly string[], tag: string): Map<string, string> {
  return new Map([...files.map((f) => [f, `${tag}:${f}`] as [string, string]), ['manifest.json', manifestFor(files)]]);
}

/** Regular files only, with their bytes. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true }).map(String)) {
    const full = join(dir, entry);
    if (lstatSync(full).isFile()) out.set(relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

/** Writes `path` unless a file or folder already stands in its way. */
function plant(root: string, path: string, content: string): boolean {
  try {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content, { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

describe('the output folder law', () => {
  it('a write never loses an entry iamc did not write, and refusing changes nothing', () => {
    fc.assert(
      fc.property(outputFiles, fc.uniqueArray(relPath, { maxLength: 6 }), outputFiles, (first, foreign, second) => {
        const dir = tempDir();
        const out = join(dir, 'out');
        expect(writeOutputAtomically({ outName: 'out', outDir: out, files: output(first, 'v1'), cwd: dir, inputs: [] })).toMatchObject({ ok: true });
        const owned = new Set([...first, 'manifest.json']);
        for (const path of foreign) if (!owned.has(path)) plant(out, path, `user:${path}`);
        const before = files(out);
        const theirs = [...before].filter(([path]) => !owned.has(path));

        const outcome = writeOutputAtomically({ outName: 'out', outDir: out, files: output(second, 'v2'), cwd: dir, inputs: [] });
        const after = files(out);
        if (!outcome.ok) {
          expect(after).toEqual(before);
          return;
        }
        for (const [path, content] of theirs) expect(after.get(path), path).toBe(content);
        for (const [path, content] of output(second, 'v2')) expect(after.get(path), path).toBe(content);
        // Nothing else: every file is either new output or carried.
        expect([...after.keys()].sort()).toEqual([...new Set([...output(second, 'v2').keys(), ...theirs.map(([p]) => p)])].sort());
        expect(readdirSync(dir).filter((n) => n.includes('.iamc-'))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
