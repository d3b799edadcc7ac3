/**
 * Decides, before anything is touched, whether iamc may write a folder and what it must carry
 * across. Refused: a folder that holds an input file, a `.git`, the working directory itself or
 * an ancestor of it, and a non-empty folder iamc did not write. In an iamc folder the files its
 * manifest lists are replaced; every other entry (`.terraform/`, `backend.tf`, a lock file) is
 * carried into the new folder unchanged, and a new output file may never take such an entry's place.
 */
import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Code } from '../diagnostics/codes.js';
import { readOwnership } from './ownership.js';

export interface WriteRequest {
  /** The output folder as the user wrote it (for messages) and its absolute path. */
  readonly outName: string;
  readonly outDir: string;
  /** Output path (relative to OUT, `/`-separated) → content. */
  readonly files: ReadonlyMap<string, string>;
  readonly cwd: string;
  /** Absolute paths of the input files. */
  readonly inputs: readonly string[];
}

export interface Refusal {
  readonly code: Code;
  readonly reason: string;
  readonly suggestion?: string;
}

export interface WritePlan {
  /** Where the swap happens: the real path of the output folder. */
  readonly target: string;
  readonly exists: boolean;
  /** Files of the old output that iamc wrote (replaced, then removed). */
  readonly owned: readonly string[];
  /** Folders of the old output that hold iamc's files (removed once empty). */
  readonly ownedDirs: readonly string[];
  /** Entries iamc did not write, each carried across whole (a folder moves as one). */
  readonly carried: readonly string[];
}

export function planWrite(request: WriteRequest): WritePlan | Refusal {
  const out = request.outName;
  const target = realPathOf(request.outDir);
  const cwd = realPathOf(request.cwd);
  if (cwd === target || isInside(cwd, target)) {
    return {
      code: 'IAM0012',
      reason: `\`${out}\` is ${cwd === target ? 'the working directory' : 'an ancestor of the working directory'}; replacing it would replace everything in it`,
      suggestion: 'name a folder of its own, for example `--out out`',
    };
  }
  const input = request.inputs.map(realPathOf).find((file) => isInside(file, target));
  if (input !== undefined) {
    return {
      code: 'IAM0010',
      reason: `\`${out}\` holds the input file \`${relative(cwd, input).split(sep).join('/')}\``,
      suggestion: 'write the output to a folder beside the intents, not around them',
    };
  }
  if (!existsSync(target)) return { target, exists: false, owned: [], ownedDirs: [], carried: [] };
  if (!lstatSync(target).isDirectory()) return { code: 'IAM0003', reason: `\`${out}\` exists and is not a folder` };

  const entries = listFiles(target);
  if (entries.git !== undefined) {
    return { code: 'IAM0011', reason: `\`${out}\` holds \`${entries.git}\`, so it is (part of) a repository`, suggestion: 'name a folder inside the repository, for example `--out infra/iam`' };
  }
  if (entries.all.length === 0) return { target, exists: true, owned: [], ownedDirs: [], carried: [] };

  const ownership = readOwnership(target, entries.files);
  if (ownership.kind === 'unreadable') return { code: 'IAM0015', reason: `\`${out}\` cannot be replaced safely: ${ownership.reason}` };
  if (ownership.kind === 'none') {
    return {
      code: 'IAM0013',
      reason: `\`${out}\` is not empty and has no iamc manifest, so iamc did not write it; refusing to replace it`,
      suggestion: 'name an empty or new folder, or move the files away first',
    };
  }
  const regular = new Set(entries.files);
  const owned = [...ownership.files].filter((f) => regular.has(f)).sort();
  return planCarry(target, out, owned, [...request.files.keys()]);
}

/**
 * Walks the old output: folders that hold an owned or a new file are entered; every other entry
 * is carried whole. A carried entry that a new file would replace, or that stands where a new
 * file needs a folder, refuses the write.
 */
function planCarry(target: string, out: string, owned: readonly string[], next: readonly string[]): WritePlan | Refusal {
  const ownedSet = new Set(owned);
  const nextSet = new Set(next);
  const enter = new Set([...owned, ...next].flatMap(parentFolders));
  const carried: string[] = [];
  const ownedDirs: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(target, ...rel.split('/').filter(Boolean))).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const stat = lstatSync(join(target, ...path.split('/')));
      if (stat.isDirectory() && enter.has(path)) {
        ownedDirs.push(path);
        walk(path);
      } else if (!(stat.isFile() && ownedSet.has(path))) carried.push(path);
    }
  };
  walk('');
  for (const path of carried) {
    const clash = nextSet.has(path) ? path : parentFolders(path).find((p) => nextSet.has(p)) ?? (enter.has(path) ? path : undefined);
    if (clash !== undefined) {
      return {
        code: 'IAM0014',
        reason: `\`${out}/${path}\` was not written by iamc, and the new output needs that place`,
        suggestion: `move \`${path}\` away (it is not in the manifest's \`files\`), then compile again`,
      };
    }
  }
  return { target, exists: true, owned, ownedDirs, carried };
}

/** The files of an existing folder that its manifest says iamc wrote (none when it is not iamc's). */
export function ownedFiles(dir: string): string[] {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return [];
  const { files } = listFiles(dir);
  const ownership = readOwnership(dir, files);
  return ownership.kind === 'iamc' ? files.filter((f) => ownership.files.has(f)).sort() : [];
}

/** Whether `path` lies strictly inside `folder` (both absolute; `/` holds everything). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** `a/b/c.json` → [`a`, `a/b`]. */
export function parentFolders(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Regular files (relative, `/`-separated), every entry, and a top-level `.git`; links are not followed. */
function listFiles(root: string): { files: string[]; all: string[]; git?: string } {
  const files: string[] = [];
  const all: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, ...rel.split('/').filter(Boolean)), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      all.push(path);
      if (entry.isFile()) files.push(path);
      else if (entry.isDirectory() && path !== '.git') walk(path);
    }
  };
  walk('');
  return { files, all, ...(all.includes('.git') ? { git: '.git' } : {}) };
}

/** The real path of a file or folder, or of its nearest existing ancestor joined to the rest. */
export function realPathOf(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    const parent = dirname(full);
    return parent === full ? full : join(realPathOf(parent), basename(full));
  }
}
