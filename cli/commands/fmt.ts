import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { fileSpan } from '../../compiler/diagnostics/span.js';
import { formatDsl } from '../../compiler/format/format.js';
import { commandArgs } from '../args.js';
import { EXIT_ERRORS, EXIT_OK, type Io } from '../io.js';
import { report } from '../report.js';
import { readSources } from '../sources.js';

export const FMT_HELP = `usage: iamc fmt [PATHS…] [--check]

Rewrites the .iam files under PATHS (default: the current folder) in the canonical layout,
keeping comments. The formatter re-reads what it wrote and refuses to change a file whose
meaning would change. Files with syntax errors are reported and left alone; .iam.yaml files
are not touched.

options:
  --check          change nothing; list the files that are not formatted and exit 1
  -h, --help       show this help

exit codes: 0 ok, 1 errors or (with --check) unformatted files, 2 usage
`;

export async function runFmt(args: string[], io: Pick<Io, 'stdout' | 'stderr'> & Partial<Io>): Promise<number> {
  const parsed = commandArgs('fmt', args, [
    { name: 'check', takesValue: false },
  ], FMT_HELP, io);
  if (typeof parsed === 'number') return parsed;
  const check = parsed.flags.has('check');
  const cwd = io.cwd ?? process.cwd();
  const { sources: all, diagnostics: readDiagnostics } = readSources(parsed.positionals, cwd);
  const sources = all.filter((s) => s.path.endsWith('.iam'));
  const diagnostics: Diagnostic[] = [...readDiagnostics];
  const stale: string[] = [];
  for (const source of sources) {
    const result = formatDsl(source.path, source.text);
    diagnostics.push(...result.diagnostics);
    if (result.value === undefined || result.value === source.text) continue;
    if (check) {
      stale.push(source.path);
      continue;
    }
    try {
      writeFileSync(resolve(cwd, source.path), result.value);
      io.stdout(`formatted ${source.path}\n`);
    } catch {
      diagnostics.push(diagnostic('IAM0003', fileSpan(source.path), `cannot write \`${source.path}\``));
    }
  }
  for (const path of stale) io.stdout(`${path}\n`);
  report({ stdout: io.stdout, stderr: io.stderr, cwd, color: io.color ?? false }, 'text', sortDiagnostics(diagnostics), all);
  if (hasErrors(diagnostics)) return EXIT_ERRORS;
  if (stale.length > 0) {
    io.stderr(`${stale.length} file${stale.length === 1 ? ' is' : 's are'} not formatted; run \`iamc fmt\`\n`);
    return EXIT_ERRORS;
  }
  return EXIT_OK;
}
