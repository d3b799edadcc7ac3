/** Runs the selected emitters and gathers their files (paths relative to the output folder). */
import type { CompiledProgram } from '../ir/policy.js';
import { emitIamJson } from './iam-json.js';
import { emitManifest, MANIFEST_PATH, type StatementReasons } from './manifest.js';
import { emitTerraform } from './terraform/emit-terraform.js';

export const TARGETS = ['iam-json', 'terraform'] as const;
export type Target = (typeof TARGETS)[number];

export interface EmitOptions {
  /** How the manifest names a source file (default: as given). */
  readonly sourceName?: (path: string) => string;
  /** The intent's `because` per statement, carried into the manifest so checks of the output honour it. */
  readonly reasons?: StatementReasons;
}

export function emitProgram(program: CompiledProgram, targets: readonly Target[] = TARGETS, options: EmitOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  // The JSON documents are always written: the manifest points at them and Terraform may too.
  for (const [path, content] of emitIamJson(program)) files.set(path, content);
  const terraform = targets.includes('terraform') ? emitTerraform(program) : new Map<string, string>();
  for (const [path, content] of terraform) files.set(`terraform/${path}`, content);
  const manifestContext = {
    files: [...files.keys()],
    ...(options.sourceName !== undefined ? { sourceName: options.sourceName } : {}),
    ...(options.reasons !== undefined ? { reasons: options.reasons } : {}),
  };
  files.set(MANIFEST_PATH, emitManifest(program, manifestContext));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
