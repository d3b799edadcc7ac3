import { didYouMean } from '../../compiler/diagnostics/did-you-mean.js';
import { PATTERNS, stdlibServices } from '../../stdlib/index.js';
import { SERVICE_TRUSTS } from '../../stdlib/principals.js';
import { patternActions } from '../../stdlib/pattern.js';
import { commandArgs } from '../args.js';
import { EXIT_ERRORS, EXIT_OK, type Io } from '../io.js';

export const STDLIB_HELP = `usage: iamc stdlib [SERVICE] [--format text|json]

Lists the standard library's grant patterns (verb, service, resource type) with the exact
actions each grants, and the principals a role may be \`for\`.

options:
  --format FMT     text (default) or json
  -h, --help       show this help
`;

export async function runStdlib(args: readonly string[], io: Io): Promise<number> {
  const parsed = commandArgs('stdlib', args, [
    { name: 'format', takesValue: true, values: ['text', 'json'] },
  ], STDLIB_HELP, io);
  if (typeof parsed === 'number') return parsed;
  const service = parsed.positionals[0];
  if (service !== undefined && !stdlibServices().includes(service)) {
    io.stderr(`iamc stdlib: no patterns for service \`${service}\`${suffix(didYouMean(service, stdlibServices()))}\n`);
    return EXIT_ERRORS;
  }
  const patterns = PATTERNS.filter((p) => service === undefined || p.service === service);
  if (parsed.flags.get('format') === 'json') {
    io.stdout(`${JSON.stringify({ patterns: patterns.map((p) => ({ grant: `${p.verb} ${p.service} ${p.resourceType}`, doc: p.doc, actions: patternActions(p), target: p.target.nameHint })) }, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines: string[] = [];
  for (const p of patterns) {
    // A targetless pattern is written as its three words; options follow the target as `WORD VALUE`.
    const target = p.target.form === 'none' ? '' : ` "${p.target.nameHint}"`;
    const options = Object.entries(p.options ?? {}).map(([word, option]) => ` [${word} "${option.hint}"]`).join('');
    lines.push(`${p.verb} ${p.service} ${p.resourceType}${target}${options}${p.takesTo ? ' to SERVICE' : ''}`);
    lines.push(`    ${p.doc}`);
    for (const part of p.parts) lines.push(`    ${part.actions.join(', ')}${part.why ? `  (${part.why})` : ''}`);
    lines.push('');
  }
  if (service === undefined) {
    lines.push('principals (role NAME for …):');
    for (const [form, t] of Object.entries(SERVICE_TRUSTS)) if (form !== 'generic') lines.push(`    ${form.padEnd(14)} ${t.service}: ${t.doc}`);
    lines.push('    github "org/repo" branch|environment|tag "x" | pull-request');
    lines.push('    azure-devops "org/project/connection" organization-id "GUID"');
    lines.push('    role "name" in ACCOUNT [external-id "x"] [mfa]');
    lines.push('    account ACCOUNT [external-id "x"] [mfa] because "reason"');
    lines.push('    service "host.amazonaws.com"');
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

const suffix = (s: string | undefined) => (s ? `; ${s}` : '');
