import { relative, resolve, sep } from 'node:path';
import { DiagnosticBag, hasErrors } from '../../compiler/diagnostics/diagnostic.js';
import { fileSpan } from '../../compiler/diagnostics/span.js';
import { TARGETS, type Target } from '../../compiler/emit/emit.js';
import { compileSources } from '../../compiler/pipeline.js';
import { writeOutputAtomically } from '../../compiler/write/atomic-write.js';
import { staleFiles } from '../../compiler/write/stale-files.js';
import { commandArgs } from '../args.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { report, type Format } from '../report.js';
import { readSources } from '../sources.js';

export const COMPILE_HELP = `usage: iamc compile [PATHS…] [--out DIR] [--target iam-json,terraform] [--check] [--format text|json]

Compiles the intent files under PATHS (default: the current folder) and writes, all or nothing:
  DIR/manifest.json, DIR/iam/…, DIR/scp/…, DIR/identity-center/…, DIR/terraform/…

options:
  --out DIR        output folder (default: out). iamc replaces only the files its manifest
                   lists and keeps everything else (.terraform/, backend.tf); it refuses a
                   folder it did not write, one that holds the intents or .git, and the
                   working directory or its ancestors
  --target LIST    comma-separated targets: iam-json, terraform (default: both; the JSON
                   documents and manifest are always written)
  --check          write nothing; exit 1 if DIR differs from what the intents compile to
  --format FMT     diagnostics as text (default) or json
  -h, --help       show this help

exit codes: 0 ok, 1 errors in the input or stale output, 2 usage
`;

export async function runCompile(args: readonly string[], io: Io): Promise<number> {
  const parsed = commandArgs('compile', args, [
    { name: 'out', takesValue: true },
    { name: 'target', takesValue: true },
    { name: 'check', takesValue: false },
    { name: 'format', takesValue: true, values: ['text', 'json'] },
  ], COMPILE_HELP, io);
  if (typeof parsed === 'number') return parsed;
  const format = (parsed.flags.get('format') as Format | undefined) ?? 'text';
  const out = (parsed.flags.get('out') as string | undefined) ?? 'out';
  const targetList = ((parsed.flags.get('target') as string | undefined) ?? TARGETS.join(',')).split(',').map((t) => t.trim());
  const unknown = targetList.find((t) => !(TARGETS as readonly string[]).includes(t));
  if (unknown !== undefined) {
    io.stderr(`iamc compile: unknown target \`${unknown}\`; targets are ${TARGETS.map((t) => `\`${t}\``).join(', ')}\n`);
    return EXIT_USAGE;
  }

  const { sources, diagnostics: readDiagnostics, files: inputs } = readSources(parsed.positionals, io.cwd, out);
  if (hasErrors(readDiagnostics)) {
    report(io, format, readDiagnostics, sources);
    return EXIT_ERRORS;
  }
  const outDir = resolve(io.cwd, out);
  // The manifest names sources relative to the output folder, so it reads the same from any cwd.
  const sourceName = (path: string) => relative(outDir, resolve(io.cwd, path)).split(sep).join('/');
  const result = compileSources(sources, { targets: targetList as Target[], sourceName });
  const diagnostics = [...readDiagnostics, ...result.diagnostics];
  if (!result.files || hasErrors(diagnostics)) {
    report(io, format, diagnostics, sources);
    return EXIT_ERRORS;
  }

  const bag = new DiagnosticBag();
  if (parsed.flags.has('check')) {
    const stale = staleFiles(outDir, result.files);
    if (stale.length > 0) {
      bag.add('IAM0004', fileSpan(out), `\`${out}\` is stale: ${stale.length} file${stale.length === 1 ? '' : 's'} differ (${stale.slice(0, 5).map((s) => `\`${s}\``).join(', ')}${stale.length > 5 ? ', …' : ''})`, {
        suggestion: `run \`iamc compile --out ${out}\` and commit the result`,
      });
    }
  } else {
    const written = writeOutputAtomically({ outName: out, outDir, files: result.files, cwd: io.cwd, inputs });
    if (!written.ok) {
      bag.add(written.code, fileSpan(out), `cannot write \`${out}\`: ${written.reason}`, {
        detail: 'nothing in the output folder was changed',
        ...(written.suggestion !== undefined ? { suggestion: written.suggestion } : {}),
      });
    } else {
      if (written.carried.length > 0) {
        const listed = written.carried.map((c) => `\`${c}\``);
        bag.add('IAM0016', fileSpan(out), `kept ${listed.length} entr${listed.length === 1 ? 'y' : 'ies'} iamc did not write: ${listed.slice(0, 10).join(', ')}${listed.length > 10 ? ', …' : ''}`, {
          detail: 'they were moved into the new output unchanged; iamc replaces only the files its manifest lists',
        });
      }
      if (written.leftBehind !== undefined) {
        bag.add('IAM0019', fileSpan(out), `the old output could not be removed: \`${written.leftBehind}\` still holds something iamc did not write`, {
          suggestion: 'look inside, keep what you need, then delete the folder',
        });
      }
    }
  }
  report(io, format, [...diagnostics, ...bag.items], sources);
  if (bag.hasErrors) return EXIT_ERRORS;
  if (format === 'text') {
    const roles = result.program?.roles.length ?? 0;
    io.stderr(`${parsed.flags.has('check') ? 'checked' : 'compiled'} ${sources.length} file${sources.length === 1 ? '' : 's'}: ${roles} role${roles === 1 ? '' : 's'}, ${result.files.size} output files${parsed.flags.has('check') ? ' up to date' : ` in ${out}`}\n`);
  }
  return EXIT_OK;
}
