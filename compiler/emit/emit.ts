/** Runs the selected emitters and gathers their files (paths relative to the output folder). */
import type { CompiledProgram } from '../ir/policy.js';
import { emitIamJson } from './iam-json.js';
import { emitManifest, type StatementReasons } from './manifest.js';
import { emitTerraform } from './terraform/emit-terraform.js';

export const TARGETS = ['iam-json', 'terraform'] as const;
export type Target = (typeof TARGETS)[number];

/** `reasons` carries the intent's `because` into the manifest, so checks of the output honour it. */
export function emitProgram(program: CompiledProgram, targets: readonly Target[] = TARGETS, reasons?: StatementReasons): Map<string, string> {
  const files = new Map<string, string>();
  // The JSON documents are always written: the manifest points at them and Terraform may too.
  for (const [path, content] of emitIamJson(program)) files.set(path, content);
  const terraform = targets.includes('terraform') ? emitTerraform(program) : new Map<string, string>();
  for (const [path, content] of terraform) files.set(`terraform/${path}`, content);
  files.set('manifest.json', emitManifest(program, [...terraform.keys()].sort(), reasons));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
