/**
 * `iamc check OUT/`: a folder iamc compiled into is recognised by its `manifest.json`, which says
 * what kind of policy each JSON file is and, by statement `Sid`, the intent's `because`. The files
 * are then checked with that kind's rules and those reasons, so the output is judged as its
 * intents were. A manifest written before `policyFiles` existed still gives the kinds (from its
 * roles, boundaries, SCPs and permission sets), without reasons. A `manifest.json` that is not
 * iamc's (a web app's) leaves the folder an ordinary one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { fileSpan } from '../compiler/diagnostics/span.js';
import type { DocumentKind } from '../compiler/lint/document.js';
import { activeMutant } from '../compiler/verify/mutants.js';

export interface OutputPolicy {
  readonly path: string;
  readonly text: string;
  /** The kind the manifest records, when iamc's layout agrees; otherwise judged by content. */
  readonly type?: DocumentKind;
  readonly reasons: ReadonlyMap<string, { readonly because: string; readonly statement: string }>;
}

interface ManifestShape {
  version?: unknown;
  roles?: { trust?: unknown; policies?: unknown }[];
  boundaries?: { policy?: unknown }[];
  scps?: { policy?: unknown }[];
  permissionSets?: { policy?: unknown }[];
  policyFiles?: Record<string, { type?: unknown; reasons?: Record<string, { because?: unknown; statement?: unknown } | null> }>;
}

const TYPES: readonly string[] = ['identity', 'resource', 'trust', 'scp', 'boundary'];

/** The manifest of an iamc output folder, or undefined when `folder` is not one. */
export function outputManifest(folder: string): ManifestShape | undefined {
  const file = join(folder, 'manifest.json');
  if (!existsSync(file) || !statSync(folder).isDirectory()) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const m = parsed as ManifestShape;
    return typeof m.version === 'number' && Array.isArray(m.roles) ? m : undefined;
  } catch {
    return undefined;
  }
}

type Reasons = Map<string, { because: string; statement: string }>;

/**
 * A policy file named on its own (`iamc check OUT/iam/roles/x.policy.json`) that an iamc manifest
 * in a folder above it lists: its kind and reasons, so it is judged as `iamc check OUT/` would.
 */
export function listedInOutput(file: string): { type?: DocumentKind; reasons: Reasons } | undefined {
  let folder = dirname(resolve(file));
  for (;;) {
    const manifest = outputManifest(folder);
    if (manifest) return listedFiles(manifest).get(relative(folder, resolve(file)).split(sep).join('/'));
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function listedFiles(manifest: ManifestShape): Map<string, { type?: DocumentKind; reasons: Reasons }> {
  const listed = new Map<string, { type?: DocumentKind; reasons: Reasons }>();
  const add = (path: unknown, type: DocumentKind) => {
    if (typeof path === 'string' && !listed.has(path)) listed.set(path, { type, reasons: new Map() });
  };
  if (manifest.policyFiles && typeof manifest.policyFiles === 'object') {
    for (const [path, entry] of Object.entries(manifest.policyFiles)) {
      if (typeof entry?.type !== 'string' || !TYPES.includes(entry.type)) continue;
      const reasons: Reasons = new Map();
      for (const [sid, why] of Object.entries(entry.reasons ?? {})) {
        if (typeof why?.because === 'string' && why.because.trim() !== '' && typeof why.statement === 'string') reasons.set(sid, { because: why.because, statement: why.statement });
      }
      // The manifest is a file like any other in a pull request: a kind its place in iamc's layout
      // does not give (`scp` for a role's policy) would switch the admin rules off. Such a file is
      // judged by its content instead, with the rules of every kind it could be.
      const type = entry.type as DocumentKind;
      listed.set(path, { ...(layoutKind(path) === type || activeMutant() === 'manifest-type-trusted' ? { type } : {}), reasons });
    }
  } else {
    for (const r of manifest.roles ?? []) {
      add(r.trust, 'trust');
      for (const p of Array.isArray(r.policies) ? r.policies : []) add(p, 'identity');
    }
    for (const b of manifest.boundaries ?? []) add(b.policy, 'boundary');
    for (const s of manifest.scps ?? []) add(s.policy, 'scp');
    for (const p of manifest.permissionSets ?? []) add(p.policy, 'identity');
  }
  return listed;
}

/** The kind iamc writes at a path of its output (compiler/emit/iam-json.ts), if it writes one there. */
function layoutKind(path: string): DocumentKind | undefined {
  if (/^iam\/roles\/[^/]+\.trust\.json$/.test(path)) return 'trust';
  if (/^iam\/roles\/[^/]+\.policy(\.\d+)?\.json$/.test(path)) return 'identity';
  if (/^iam\/boundaries\/[^/]+\.json$/.test(path)) return 'boundary';
  if (/^scp\/[^/]+\.json$/.test(path)) return 'scp';
  if (/^identity-center\/[^/]+\.json$/.test(path)) return 'identity';
  return undefined;
}

export function readOutputFolder(folder: string, manifest: ManifestShape, cwd: string): { policies: OutputPolicy[]; diagnostics: Diagnostic[] } {
  const listed = listedFiles(manifest);
  const policies: OutputPolicy[] = [];
  const diagnostics: Diagnostic[] = [];
  const root = resolve(folder);
  for (const [path, { type, reasons }] of [...listed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const full = resolve(root, path);
    const shown = relative(cwd, full).split(sep).join('/');
    // The manifest names files inside its folder; a path that leaves it is not iamc's.
    if (!full.startsWith(root + sep)) {
      diagnostics.push(diagnostic('IAM0040', fileSpan(relative(cwd, join(root, 'manifest.json')).split(sep).join('/')), `the manifest lists \`${path}\`, which is outside its folder`));
      continue;
    }
    try {
      policies.push({ path: shown, text: readFileSync(full, 'utf8'), type, reasons });
    } catch {
      diagnostics.push(diagnostic('IAM0040', fileSpan(shown), `the manifest lists \`${path}\`, which cannot be read`, { suggestion: 'compile again into this folder' }));
    }
  }
  return { policies, diagnostics };
}
