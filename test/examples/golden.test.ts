/**
 * Golden tests: the shipped examples compile to the output checked in beside them
 * (examples/expected/), exactly as `iamc compile examples --out examples/expected` writes it
 * (the manifest names sources relative to the output folder). Regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run test/examples`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSources } from '../../compiler/pipeline.js';
import { readSources } from '../../cli/sources.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const expectedDir = join(root, 'examples', 'expected');

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** As the CLI names sources in a manifest written to examples/expected. */
const asWrittenThere = { sourceName: (path: string) => relative(expectedDir, join(root, path)).split(sep).join('/') };

describe('examples', () => {
  const read = readSources(['examples'], root);
  const result = compileSources(read.sources, asWrittenThere);

  it('compile without diagnostics but the notes they are known to earn', () => {
    expect(read.diagnostics).toEqual([]);
    // The seed's deployer trusts the `production` environment, as the article's workflow needs (IAM5125).
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.line}`)).toEqual(['IAM5125 examples/seed.iam:49']);
    expect(result.files).toBeDefined();
  });

  it('match the checked-in expected output', () => {
    const files = result.files!;
    if (process.env['UPDATE_GOLDEN']) {
      rmSync(expectedDir, { recursive: true, force: true });
      for (const [path, content] of files) {
        const full = join(expectedDir, ...path.split('/'));
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    const expected = readTree(expectedDir);
    expect([...files.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, content] of files) expect(content, path).toBe(expected.get(path));
  });

  it('compile to the same bytes whatever the file order', () => {
    const reversed = compileSources([...read.sources].reverse(), asWrittenThere);
    expect(reversed.files).toEqual(result.files);
  });
});
