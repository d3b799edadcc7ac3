import { hasErrors } from '../../compiler/diagnostics/diagnostic.js';
import { compileSources } from '../../compiler/pipeline.js';
import { parseArgs } from '../args.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { report, type Format } from '../report.js';
import { readSources } from '../sources.js';

export const CHECK_HELP = `usage: iamc check [PATHS…] [--format text|json]

Parses, resolves, lowers and verifies the intent files under PATHS (default: the current
folder) exactly as \`iamc compile\` does, and writes nothing.

options:
  --format FMT     diagnostics as text (default) or json
  -h, --help       show this help

exit codes: 0 ok, 1 errors, 2 usage
`;

export async function runCheck(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'format', takesValue: true, values: ['text', 'json'] },
    { name: 'help', takesValue: false },
  ]);
  if (!parsed.ok) {
    io.stderr(`iamc check: ${parsed.error}\n\n${CHECK_HELP}`);
    return EXIT_USAGE;
  }
  if (parsed.flags.has('help')) {
    io.stdout(CHECK_HELP);
    return EXIT_OK;
  }
  const format = (parsed.flags.get('format') as Format | undefined) ?? 'text';
  const { sources, diagnostics: readDiagnostics } = readSources(parsed.positionals, io.cwd);
  const result = hasErrors(readDiagnostics) ? { diagnostics: [] } : compileSources(sources, { emit: false });
  const diagnostics = [...readDiagnostics, ...result.diagnostics];
  report(io, format, diagnostics, sources);
  if (hasErrors(diagnostics)) return EXIT_ERRORS;
  if (format === 'text') io.stderr(`checked ${sources.length} file${sources.length === 1 ? '' : 's'}: no errors\n`);
  return EXIT_OK;
}
