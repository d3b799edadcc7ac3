/**
 * The only way iamc deletes: named files, then the folders that held them once they are empty.
 * No recursive delete anywhere in the writer, so a file iamc was not told about survives, and so
 * does every folder on its way.
 */
import { existsSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parentFolders } from './output-guard.js';

/**
 * Deletes the listed files, then the folders that held them (deepest first, only when empty),
 * then the root. Returns whether the root is gone; anything unlisted keeps it, and itself, alive.
 */
export function removeOnly(root: string, files: readonly string[], dirs: readonly string[]): boolean {
  for (const path of files) {
    try {
      unlinkSync(join(root, ...path.split('/')));
    } catch {
      // already gone, or not a file: either way not ours to force
    }
  }
  const folders = [...new Set([...dirs, ...files.flatMap(parentFolders)])].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? 1 : -1));
  for (const folder of [...folders, '']) {
    try {
      rmdirSync(folder === '' ? root : join(root, ...folder.split('/')));
    } catch {
      // not empty: it holds something iamc did not write
    }
  }
  return !existsSync(root);
}
