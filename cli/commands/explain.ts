import { DiagnosticBag, hasErrors } from '../../compiler/diagnostics/diagnostic.js';
import { explainRequest } from '../../compiler/explain/explain.js';
import { renderExplanationJson, renderExplanationText } from '../../compiler/explain/render.js';
import { compileSources } from '../../compiler/pipeline.js';
import { commandArgs } from '../args.js';
import { commandLine } from '../command-line.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { report, type Format } from '../report.js';
import { readSources } from '../sources.js';

export const EXPLAIN_HELP = `usage: iamc explain --role NAME --action A --resource ARN [--context KEY=VALUE…] [PATHS…] [--format text|json]

Compiles the intent files under PATHS (default: the current folder), writes nothing, and says
whether role NAME may call action A on resource ARN: allowed, implicitly denied or explicitly
denied. It names the statements that decided and the intent lines they came from; for a denial,
the closest statements and why each did not match (action, resource or condition). The role's
permissions boundary is applied. \`aws:PrincipalArn\` and \`aws:PrincipalAccount\` are the role's
own unless given; policy variables take the request's values, and the output says when the
decision depends on one the request does not carry.

options:
  --role NAME          the compiled role
  --action A           e.g. \`s3:GetObject\`
  --resource ARN       e.g. \`arn:aws:s3:::my-bucket/report.csv\`
  --context KEY=VALUE  a request context key (repeatable; several values comma-separated),
                       e.g. \`--context aws:SourceIp=10.1.2.3\`
  --format FMT         text (default) or json
  -h, --help           show this help

exit codes: 0 explained (whatever the decision), 1 errors in the input or an unknown role,
action or resource, 2 usage
`;

export async function runExplain(args: readonly string[], io: Io): Promise<number> {
  // `--context` repeats, and the shared parser keeps one value per flag: take them out first.
  const contexts: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--context') {
      const value = args[++i];
      if (value === undefined) return usage(io, '`--context` needs a value');
      contexts.push(value);
    } else if (arg.startsWith('--context=')) contexts.push(arg.slice('--context='.length));
    else rest.push(arg);
  }
  const parsed = commandArgs('explain', rest, [
    { name: 'role', takesValue: true },
    { name: 'action', takesValue: true },
    { name: 'resource', takesValue: true },
    { name: 'format', takesValue: true, values: ['text', 'json'] },
  ], EXPLAIN_HELP, io);
  if (typeof parsed === 'number') return parsed;
  const missing = ['role', 'action', 'resource'].filter((f) => !parsed.flags.has(f));
  if (missing.length > 0) return usage(io, `missing ${missing.map((m) => `\`--${m}\``).join(', ')}`);
  const context: Record<string, string[]> = {};
  for (const entry of contexts) {
    const at = entry.indexOf('=');
    if (at <= 0) return usage(io, `\`--context\` takes KEY=VALUE, not \`${entry}\``);
    const key = entry.slice(0, at);
    (context[key] ??= []).push(...entry.slice(at + 1).split(','));
  }
  const format = (parsed.flags.get('format') as Format | undefined) ?? 'text';

  const { sources, diagnostics: readDiagnostics } = readSources(parsed.positionals, io.cwd);
  if (hasErrors(readDiagnostics)) {
    report(io, format, readDiagnostics, sources);
    return EXIT_ERRORS;
  }
  const result = compileSources(sources, { emit: false });
  if (!result.program || hasErrors(result.diagnostics)) {
    report(io, format, result.diagnostics, sources);
    return EXIT_ERRORS;
  }
  const outcome = explainRequest(result.program, {
    role: parsed.flags.get('role') as string,
    action: parsed.flags.get('action') as string,
    resource: parsed.flags.get('resource') as string,
    context,
  });
  if (!outcome.ok) {
    const line = commandLine('explain', args);
    const bag = new DiagnosticBag();
    bag.add(outcome.code, line.valueSpan(outcome.argument), outcome.message, outcome.suggestion !== undefined ? { suggestion: outcome.suggestion } : {});
    report(io, format, bag.items, [...sources, line.source]);
    return EXIT_ERRORS;
  }
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  io.stdout(format === 'json' ? renderExplanationJson(outcome.explanation, texts) : renderExplanationText(outcome.explanation, texts));
  return EXIT_OK;
}

function usage(io: Io, message: string): number {
  io.stderr(`iamc explain: ${message}\n\n${EXPLAIN_HELP}`);
  return EXIT_USAGE;
}
