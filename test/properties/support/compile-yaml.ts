/**
 * The compiler's phases run one by one on YAML intent text, keeping the lowered program even when
 * verification objects, so the laws can be checked on what lowering produced whether or not the
 * compile-time proof caught it. The output files are those `iamc compile` writes for IAM JSON.
 */
import { DiagnosticBag, hasErrors, type Diagnostic } from '../../../compiler/diagnostics/diagnostic.js';
import { emitIamJson } from '../../../compiler/emit/iam-json.js';
import type { IntentProgram } from '../../../compiler/ir/intent.js';
import type { CompiledProgram } from '../../../compiler/ir/policy.js';
import { lowerProgram } from '../../../compiler/lower/lower.js';
import { resolveProgram } from '../../../compiler/resolve/resolve.js';
import { parseYaml } from '../../../compiler/syntax/yaml/yaml-to-ast.js';
import { verifyProgram } from '../../../compiler/verify/verify.js';

export interface PhasedCompile {
  readonly intent?: IntentProgram;
  readonly program?: CompiledProgram;
  /** Output path → content, from the lowered program (written whether or not verification passed). */
  readonly files?: Map<string, string>;
  /** Diagnostics before verification (parse, resolve, lower). */
  readonly diagnostics: readonly Diagnostic[];
  /** What verification said about the lowered program. */
  readonly verification: readonly Diagnostic[];
}

export function compileYaml(text: string, path = 'intent.iam.yaml'): PhasedCompile {
  const parsed = parseYaml(path, text);
  if (hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics, verification: [] };
  const resolved = resolveProgram([parsed.value]);
  if (hasErrors(resolved.diagnostics)) return { intent: resolved.value, diagnostics: resolved.diagnostics, verification: [] };
  const bag = new DiagnosticBag();
  const program = lowerProgram(resolved.value, bag);
  const verification = verifyProgram(resolved.value, program);
  return { intent: resolved.value, program, files: emitIamJson(program), diagnostics: [...resolved.diagnostics, ...bag.items], verification };
}
