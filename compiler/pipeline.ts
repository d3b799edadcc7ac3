/**
 * The whole compiler as one pure function: sources in, files and diagnostics out. Each phase
 * returns `{ value, diagnostics }`; a phase runs only when the ones before it found no error, so
 * a user mistake never produces partial output. An exception here is a bug in iamc, reported as
 * IAM9001 rather than a stack trace.
 */
import { DiagnosticBag, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { fileSpan } from './diagnostics/span.js';
import type { IntentProgram } from './ir/intent.js';
import type { CompiledProgram } from './ir/policy.js';
import type { SourceFile } from './syntax/ast.js';
import { parseSource } from './syntax/parse-source.js';
import { mergeTwins } from './syntax/twins.js';
import { resolveProgram } from './resolve/resolve.js';
import { lowerProgram } from './lower/lower.js';
import { verifyProgram } from './verify/verify.js';
import { emitProgram, type Target } from './emit/emit.js';
import { reasonsFromIntent } from './emit/manifest.js';
import { lintProgram } from './lint/lint-program.js';
import { lintSources } from './lint/lint-sources.js';
import { applyWaivers } from './lint/waivers.js';

export interface Source {
  readonly path: string;
  readonly text: string;
}

export interface CompileResult {
  readonly intent?: IntentProgram;
  readonly program?: CompiledProgram;
  /** Output path (relative to OUT) → content; present only when there are no errors. */
  readonly files?: Map<string, string>;
  readonly diagnostics: Diagnostic[];
}

export interface CompileOptions {
  readonly targets?: readonly Target[];
  /** Stop after verification (for `iamc check`). */
  readonly emit?: boolean;
  /** How the manifest names a source file; the CLI makes it relative to the output folder. */
  readonly sourceName?: (path: string) => string;
}

export function compileSources(sources: readonly Source[], options: CompileOptions = {}): CompileResult {
  try {
    return runPhases(sources, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const span = fileSpan(sources[0]?.path ?? '<input>');
    const bag = new DiagnosticBag();
    bag.add('IAM9001', span, `internal error: ${message}`, { detail: 'this is a bug in iamc; nothing was written' });
    return { diagnostics: bag.items };
  }
}

function runPhases(sources: readonly Source[], options: CompileOptions): CompileResult {
  const ordered = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Waivers (`# iamc-allow CODE: reason`) apply to every finding, whichever phase made it. When an
  // error stops the compile before the lint rules run, no waiver can be judged stale.
  const finish = (diagnostics: Diagnostic[], linted = false) => sortDiagnostics(applyWaivers(diagnostics, ordered, { linted: () => linted }));
  const diagnostics: Diagnostic[] = [...lintSources(ordered)];
  const files: SourceFile[] = [];
  for (const source of ordered) {
    const parsed = parseSource(source.path, source.text);
    diagnostics.push(...parsed.diagnostics);
    files.push(parsed.value);
  }
  if (hasErrors(diagnostics)) return { diagnostics: finish(diagnostics) };
  const twins = mergeTwins(files);
  diagnostics.push(...twins.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics: finish(diagnostics) };

  const resolved = resolveProgram(twins.files);
  diagnostics.push(...resolved.diagnostics);
  if (hasErrors(diagnostics)) return { intent: resolved.value, diagnostics: finish(diagnostics) };

  const bag = new DiagnosticBag();
  const program = lowerProgram(resolved.value, bag);
  bag.push(...verifyProgram(resolved.value, program));
  bag.push(...lintProgram(resolved.value, program));
  const final = finish([...diagnostics, ...bag.items], true);
  if (hasErrors(final) || options.emit === false) return { intent: resolved.value, program, diagnostics: final };
  const output = emitProgram(program, options.targets, {
    reasons: reasonsFromIntent(resolved.value),
    ...(options.sourceName !== undefined ? { sourceName: options.sourceName } : {}),
  });
  return { intent: resolved.value, program, files: output, diagnostics: final };
}
