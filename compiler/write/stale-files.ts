/**
 * What `iamc compile --check` compares: every file of the new output against the disk, and every
 * file the old manifest lists that the new output no longer has. Files iamc did not write
 * (`.terraform/`, `backend.tf`) are not its business and never make the output stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownedFiles } from './output-guard.js';

export function staleFiles(dir: string, files: ReadonlyMap<string, string>): string[] {
  const stale = new Set<string>();
  for (const [path, content] of files) {
    const full = join(dir, ...path.split('/'));
    if (!existsSync(full) || readFileSync(full, 'utf8') !== content) stale.add(path);
  }
  for (const path of ownedFiles(dir)) if (!files.has(path)) stale.add(path);
  return [...stale].sort();
}
