/**
 * Golden tests: the shipped examples compile to the output checked in beside them
 * (examples/expected/). Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/examples`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSources } from '../../compiler/pipeline.js';
import { readSources } from '../../cli/sources.js';
import { compileFolder } from '../helpers/compile.js';

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

describe('examples', () => {
  const result = compileFolder('examples', root);

  it('compile without diagnostics', () => {
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.line} ${d.message}`)).toEqual([]);
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
    const { sources } = readSources(['examples'], root);
    const reversed = compileSources([...sources].reverse());
    expect(reversed.files).toEqual(result.files);
  });
});
