/**
 * All-or-nothing output. Files are written to a fresh folder beside the target, which then takes
 * the target's place by rename; on any failure the temporary folder is removed and the existing
 * output is left exactly as it was. A folder iamc did not write (no manifest.json) is never replaced.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

export function writeOutputAtomically(outDir: string, files: ReadonlyMap<string, string>): WriteOutcome {
  const target = resolve(outDir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) return { ok: false, reason: `\`${outDir}\` exists and is not a folder` };
    if (readdirSync(target).length > 0 && !existsSync(join(target, 'manifest.json'))) {
      return { ok: false, reason: `\`${outDir}\` is not empty and has no manifest.json, so iamc did not write it; refusing to replace it` };
    }
  }
  let temp: string | undefined;
  let old: string | undefined;
  try {
    mkdirSync(dirname(target), { recursive: true });
    temp = mkdtempSync(join(dirname(target), `.${basename(target)}.iamc-new-`));
    for (const [path, content] of files) {
      if (path.split('/').some((part) => part === '..' || part === '')) throw new Error(`refusing to write outside the output folder: ${path}`);
      const full = join(temp, ...path.split('/'));
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    if (existsSync(target)) {
      old = `${temp.replace('.iamc-new-', '.iamc-old-')}`;
      renameSync(target, old);
    }
    try {
      renameSync(temp, target);
    } catch (error) {
      if (old) renameSync(old, target); // put the previous output back
      old = undefined;
      throw error;
    }
    temp = undefined;
    if (old) rmSync(old, { recursive: true, force: true });
    return { ok: true };
  } catch (error) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
