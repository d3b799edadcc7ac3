/** Runs the YAML front end, resolve and lower on one in-memory file (the DSL is not needed here). */
import { DiagnosticBag, type Diagnostic } from '../../../compiler/diagnostics/diagnostic.js';
import type { IntentProgram } from '../../../compiler/ir/intent.js';
import type { CompiledProgram } from '../../../compiler/ir/policy.js';
import { lowerProgram } from '../../../compiler/lower/lower.js';
import { resolveProgram } from '../../../compiler/resolve/resolve.js';
import { parseYaml } from '../../../compiler/syntax/yaml/yaml-to-ast.js';

export const ACCOUNTS = 'accounts: { prod: "123456789012", source: "111111111111" }\nregion: eu-west-1\n';

export interface Compiled {
  readonly intent: IntentProgram;
  readonly program: CompiledProgram;
  readonly diagnostics: readonly Diagnostic[];
}

export function compileYamlText(text: string, file = 'org.iam.yaml'): Compiled {
  const parsed = parseYaml(file, text);
  const resolved = resolveProgram([parsed.value]);
  const bag = new DiagnosticBag();
  const program = lowerProgram(resolved.value, bag);
  return { intent: resolved.value, program, diagnostics: [...parsed.diagnostics, ...resolved.diagnostics, ...bag.items] };
}

/** `CODE line:column` of each diagnostic, the form golden error tests compare. */
export function at(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`);
}
