/**
 * Which files of an existing output folder are iamc's. A version-2 manifest says so itself
 * (`"generator": "iamc"` and `"files"`); a version-1 manifest is recognised by its shape and owns
 * what it names plus the fixed layout iamc wrote then. Everything else in the folder belongs to
 * someone else (a `.terraform/`, a `backend.tf`, a lock file) and is never deleted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_GENERATOR, MANIFEST_PATH, MANIFEST_VERSION } from '../emit/manifest.js';

export type Ownership =
  | { readonly kind: 'iamc'; readonly version: number; readonly files: ReadonlySet<string> }
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** The Terraform files a version-1 iamc could write; a `backend.tf` beside them is the user's. */
const V1_TERRAFORM_FILES = ['versions.tf', 'roles.tf', 'policies.tf', 'oidc.tf', 'boundaries.tf', 'scp.tf', 'identity-center.tf', 'analyzer.tf', 'outputs.tf'];
/** The JSON layout of version 1: one pattern per document kind, one path segment per name. */
const V1_LAYOUT = [/^iam\/roles\/[^/]+\.(?:trust|policy|policy\.\d+)\.json$/, /^iam\/boundaries\/[^/]+\.json$/, /^scp\/[^/]+\.json$/, /^identity-center\/[^/]+\.json$/];

/** The folder's owner, from its `manifest.json` (absent: nobody's). */
export function readOwnership(dir: string, entries: readonly string[]): Ownership {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_PATH), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return { kind: 'none' }; // not JSON, so not iamc's: a web app's manifest is refused like any other file
  }
  if (!isObject(manifest)) return { kind: 'none' };
  if (manifest['generator'] === MANIFEST_GENERATOR) return readCurrent(manifest);
  if (isVersion1(manifest)) return { kind: 'iamc', version: 1, files: version1Files(manifest, entries) };
  return { kind: 'none' };
}

function readCurrent(manifest: Record<string, unknown>): Ownership {
  if (manifest['version'] !== MANIFEST_VERSION) {
    return { kind: 'unreadable', reason: `its manifest.json has version \`${String(manifest['version'])}\`, which this iamc does not know (it writes version ${MANIFEST_VERSION})` };
  }
  const files = manifest['files'];
  if (!Array.isArray(files) || !files.every((f): f is string => typeof f === 'string' && isSafeRelativePath(f))) {
    return { kind: 'unreadable', reason: 'its manifest.json has no valid `files` list, so iamc cannot tell its own files from others' };
  }
  return { kind: 'iamc', version: MANIFEST_VERSION, files: new Set([MANIFEST_PATH, ...files]) };
}

/** Version 1 had no marker; its five top-level lists together are specific enough. */
function isVersion1(manifest: Record<string, unknown>): boolean {
  return manifest['version'] === 1 && ['roles', 'boundaries', 'scps', 'permissionSets', 'analyzers'].every((k) => Array.isArray(manifest[k]));
}

function version1Files(manifest: Record<string, unknown>, entries: readonly string[]): Set<string> {
  const named = new Set<string>([MANIFEST_PATH]);
  const add = (value: unknown) => {
    if (typeof value === 'string' && isSafeRelativePath(value)) named.add(value);
  };
  for (const role of objects(manifest['roles'])) {
    add(role['trust']);
    if (Array.isArray(role['policies'])) role['policies'].forEach(add);
    add(role['boundary']);
  }
  for (const list of ['boundaries', 'scps', 'permissionSets']) for (const item of objects(manifest[list])) add(item['policy']);
  if (Array.isArray(manifest['terraform'])) manifest['terraform'].forEach(add);
  for (const entry of entries) {
    if (V1_LAYOUT.some((pattern) => pattern.test(entry)) || V1_TERRAFORM_FILES.some((f) => entry === `terraform/${f}`)) named.add(entry);
  }
  return named;
}

/** `a/b.json`: relative, `/`-separated, no `.`, `..` or empty segment. */
export function isSafeRelativePath(path: string): boolean {
  return path.length > 0 && !path.includes('\\') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
