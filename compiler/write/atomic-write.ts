/**
 * All-or-nothing output. Files are written to a fresh folder beside the target; the entries iamc
 * did not write are moved into it (rename keeps their bytes, modes and times); then it takes the
 * target's place by rename. The old folder is removed file by file, only the files its manifest
 * lists: there is no recursive delete, so whatever iamc did not write survives even a race.
 * On any failure the carried entries go back and the existing output is left as it was.
 */
import { chmodSync, mkdirSync, mkdtempSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Code } from '../diagnostics/codes.js';
import { isSafeRelativePath } from './ownership.js';
import { parentFolders, planWrite, type Refusal, type WriteRequest } from './output-guard.js';
import { removeOnly } from './remove-listed.js';

export type WriteOutcome =
  | {
      readonly ok: true;
      /** Entries iamc did not write, carried into the new output unchanged. */
      readonly carried: readonly string[];
      /** A folder that could not be emptied (something appeared in it during the write), if any. */
      readonly leftBehind?: string;
    }
  | { readonly ok: false; readonly code: Code; readonly reason: string; readonly suggestion?: string };

export function writeOutputAtomically(request: WriteRequest): WriteOutcome {
  const plan = planWrite(request);
  if ('code' in plan) return refused(plan);
  const { target } = plan;
  const onDisk = (root: string, path: string) => join(root, ...path.split('/'));
  let temp: string | undefined;
  const moved: string[] = [];
  try {
    mkdirSync(dirname(target), { recursive: true });
    temp = mkdtempSync(join(dirname(target), `.${basename(target)}.iamc-new-`));
    // mkdtemp makes the folder private (0700); the output keeps the mode the folder had, or gets
    // the one a plain mkdir would give it.
    chmodSync(temp, plan.exists ? statSync(target).mode & 0o7777 : 0o777 & ~process.umask());
    for (const [path, content] of request.files) {
      if (!isSafeRelativePath(path)) throw new Error(`refusing to write outside the output folder: ${path}`);
      const full = onDisk(temp, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    for (const path of plan.carried) {
      mkdirSync(dirname(onDisk(temp, path)), { recursive: true });
      renameSync(onDisk(target, path), onDisk(temp, path));
      moved.push(path);
    }
    let old: string | undefined;
    if (plan.exists) {
      old = temp.replace('.iamc-new-', '.iamc-old-');
      renameSync(target, old);
    }
    try {
      renameSync(temp, target);
    } catch (error) {
      if (old !== undefined) renameSync(old, target); // put the previous output back
      throw error;
    }
    temp = undefined;
    if (old === undefined) return { ok: true, carried: plan.carried };
    const gone = removeOnly(old, plan.owned, plan.ownedDirs);
    return { ok: true, carried: plan.carried, ...(gone ? {} : { leftBehind: old }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (temp === undefined) return { ok: false, code: 'IAM0003', reason };
    const restored = moveBack(temp, target, moved);
    // The folders made to receive carried entries are empty again once those went back.
    const cleaned = removeOnly(temp, [...request.files.keys()].filter(isSafeRelativePath), plan.carried.flatMap(parentFolders));
    const kept = restored && cleaned ? '' : `; the files iamc did not write are kept in \`${temp}\``;
    return { ok: false, code: 'IAM0003', reason: `${reason}${kept}` };
  }
}

function refused(refusal: Refusal): WriteOutcome {
  return { ok: false, code: refusal.code, reason: refusal.reason, ...(refusal.suggestion !== undefined ? { suggestion: refusal.suggestion } : {}) };
}

/** Moves carried entries back to the old output after a failed write; true when all went back. */
function moveBack(temp: string, target: string, moved: readonly string[]): boolean {
  let all = true;
  for (const path of [...moved].reverse()) {
    try {
      renameSync(join(temp, ...path.split('/')), join(target, ...path.split('/')));
    } catch {
      all = false;
    }
  }
  return all;
}
