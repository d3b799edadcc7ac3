import { hasErrors, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { diffPrograms, isEmptyDiff } from '../../compiler/diff/diff.js';
import { renderDiffJson, renderDiffText } from '../../compiler/diff/render.js';
import type { CompiledProgram } from '../../compiler/ir/policy.js';
import { compileSources, type Source } from '../../compiler/pipeline.js';
import { commandArgs } from '../args.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { report, type Format } from '../report.js';
import { readSources } from '../sources.js';

export const DIFF_HELP = `usage: iamc diff BASE HEAD [--format text|json]

Compiles two versions of the intents (BASE and HEAD: folders or files), writes nothing, and
reports per role the roles added and removed, trust changes (principals and conditions), and
access added and removed in intent terms: each (action, resource, conditions) the role gains
names the HEAD line that grants it, each it loses the BASE line that granted it. Boundaries,
SCPs and permission sets that changed are listed too.

In CI, \`iamc diff base head\` fails (exit 1) whenever access changes, so a change in access can
require a review.

options:
  --format FMT     text (default) or json
  -h, --help       show this help

exit codes: 0 no difference, 1 a difference (or errors in either side's input), 2 usage
`;

export async function runDiff(args: readonly string[], io: Io): Promise<number> {
  const parsed = commandArgs('diff', args, [{ name: 'format', takesValue: true, values: ['text', 'json'] }], DIFF_HELP, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 2) {
    io.stderr(`iamc diff: expected two paths, BASE and HEAD, not ${parsed.positionals.length}\n\n${DIFF_HELP}`);
    return EXIT_USAGE;
  }
  const format = (parsed.flags.get('format') as Format | undefined) ?? 'text';
  const [basePath, headPath] = parsed.positionals as [string, string];
  const base = compileSide(basePath, io.cwd);
  const head = compileSide(headPath, io.cwd);
  if (!base.program || !head.program) {
    report(io, format, [...base.diagnostics, ...head.diagnostics], [...base.sources, ...head.sources]);
    return EXIT_ERRORS;
  }
  const diff = diffPrograms(base.program, head.program);
  io.stdout(format === 'json' ? renderDiffJson(diff) : renderDiffText(diff));
  return isEmptyDiff(diff) ? EXIT_OK : EXIT_ERRORS;
}

/** One side compiled without writing; `program` only when that side has no errors. */
function compileSide(path: string, cwd: string): { program?: CompiledProgram; diagnostics: Diagnostic[]; sources: Source[] } {
  const { sources, diagnostics } = readSources([path], cwd);
  if (hasErrors(diagnostics)) return { diagnostics, sources };
  const result = compileSources(sources, { emit: false });
  if (!result.program || hasErrors(result.diagnostics)) return { diagnostics: result.diagnostics.filter((d) => d.severity === 'error'), sources };
  return { program: result.program, diagnostics: [], sources };
}
