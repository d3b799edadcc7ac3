import { hasErrors, sortDiagnostics } from '../../compiler/diagnostics/diagnostic.js';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';
import { lintSources } from '../../compiler/lint/lint-sources.js';
import { applyWaivers } from '../../compiler/lint/waivers.js';
import { compileSources } from '../../compiler/pipeline.js';
import { commandArgs } from '../args.js';
import { EXIT_ERRORS, EXIT_OK, type Io } from '../io.js';
import { report, type Format } from '../report.js';
import { readSources } from '../sources.js';

export const CHECK_HELP = `usage: iamc check [PATHS…] [--format text|json|sarif]

Parses, resolves, lowers, verifies and lints the intent files under PATHS (default: the current
folder) exactly as \`iamc compile\` does, and writes nothing. Plain IAM policy JSON files named
on the command line (\`policy.json\`) are linted as they are: identity, trust, boundary and SCP
documents written by hand.

options:
  --format FMT     diagnostics as text (default), json, or sarif (for code scanning)
  -h, --help       show this help

exit codes: 0 ok, 1 errors, 2 usage
`;

export async function runCheck(args: readonly string[], io: Io): Promise<number> {
  const parsed = commandArgs('check', args, [
    { name: 'format', takesValue: true, values: ['text', 'json', 'sarif'] },
  ], CHECK_HELP, io);
  if (typeof parsed === 'number') return parsed;
  const format = (parsed.flags.get('format') as Format | undefined) ?? 'text';
  const { sources: all, diagnostics: readDiagnostics } = readSources(parsed.positionals, io.cwd, undefined, { json: true });
  const policies = all.filter((s) => s.path.endsWith('.json'));
  const sources = all.filter((s) => !s.path.endsWith('.json'));
  const lintedPolicies = applyWaivers([...lintSources(policies), ...policies.flatMap((p) => lintPolicyFile(p.path, p.text))], policies);
  const result = hasErrors(readDiagnostics) || sources.length === 0 ? { diagnostics: [] } : compileSources(sources, { emit: false });
  const diagnostics = sortDiagnostics([...readDiagnostics, ...lintedPolicies, ...result.diagnostics]);
  report(io, format, diagnostics, all);
  if (hasErrors(diagnostics)) return EXIT_ERRORS;
  if (format === 'text') {
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    io.stderr(`checked ${all.length} file${all.length === 1 ? '' : 's'}: no errors${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`);
  }
  return EXIT_OK;
}
