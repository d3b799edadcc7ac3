/**
 * Intent and compiled program for lint tests. Uses `compileSources` when the whole pipeline loads;
 * while a front end is still being built it falls back to the YAML front end, resolve and lower,
 * which is all `lintProgram` reads.
 */
import { DiagnosticBag, hasErrors, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { IntentProgram } from '../../compiler/ir/intent.js';
import type { CompiledProgram } from '../../compiler/ir/policy.js';
import { lowerProgram } from '../../compiler/lower/lower.js';
import { resolveProgram } from '../../compiler/resolve/resolve.js';
import { parseYaml } from '../../compiler/syntax/yaml/yaml-to-ast.js';

export interface Compiled {
  readonly intent?: IntentProgram;
  readonly program?: CompiledProgram;
  readonly diagnostics: readonly Diagnostic[];
}

export async function compileForLint(sources: readonly { path: string; text: string }[]): Promise<Compiled> {
  try {
    const { compileSources } = await import('../../compiler/pipeline.js');
    return compileSources(sources, { emit: false });
  } catch {
    const parsed = sources.map((s) => parseYaml(s.path, s.text));
    const diagnostics = parsed.flatMap((p) => p.diagnostics);
    if (hasErrors(diagnostics)) return { diagnostics };
    const resolved = resolveProgram(parsed.map((p) => p.value));
    if (hasErrors(resolved.diagnostics)) return { diagnostics: [...diagnostics, ...resolved.diagnostics] };
    const bag = new DiagnosticBag();
    const program = lowerProgram(resolved.value, bag);
    return { intent: resolved.value, program, diagnostics: [...diagnostics, ...resolved.diagnostics, ...bag.items] };
  }
}
