import { serviceExists } from '../../compiler/catalogue/catalogue.js';
import { DiagnosticBag } from '../../compiler/diagnostics/diagnostic.js';
import { closest } from '../../compiler/diagnostics/did-you-mean.js';
import { servicesAlsoCalled } from '../../compiler/resolve/service-names.js';
import { PATTERNS, stdlibServices } from '../../stdlib/index.js';
import { commandArgs } from '../args.js';
import { commandLine } from '../command-line.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { report } from '../report.js';
import { renderStdlibText, stdlibListing } from '../stdlib-listing.js';

export const STDLIB_HELP = `usage: iamc stdlib [SERVICE [TYPE]] [--format text|json]

Lists the standard library: grant patterns (verb, service, resource type) with the exact actions
and resources each grants, the principals a role may be \`for\`, guardrails, the protections every
boundary carries, administrator-equivalent managed policies, and the corrections iamc applies to
AWS's action catalogue. With SERVICE, only that service's patterns (and overrides); with TYPE
too, only its patterns for that resource type (\`iamc stdlib s3 objects\`).

options:
  --format FMT     text (default) or json
  -h, --help       show this help
`;

export async function runStdlib(args: readonly string[], io: Io): Promise<number> {
  const parsed = commandArgs('stdlib', args, [
    { name: 'format', takesValue: true, values: ['text', 'json'] },
  ], STDLIB_HELP, io);
  if (typeof parsed === 'number') return parsed;
  const format = parsed.flags.get('format') === 'json' ? 'json' : 'text';
  const service = parsed.positionals[0];
  if (service !== undefined && !stdlibServices().includes(service)) {
    const line = commandLine('stdlib', args);
    const bag = new DiagnosticBag();
    const { message, suggestion } = unknownService(service);
    bag.add('IAM0060', line.argumentSpan(service), message, { suggestion });
    report(io, format, bag.items, [line.source]);
    return EXIT_ERRORS;
  }
  if (parsed.positionals.length > 2) {
    io.stderr(`iamc stdlib: expected at most SERVICE and TYPE, not ${parsed.positionals.length} words\n\n${STDLIB_HELP}`);
    return EXIT_USAGE;
  }
  const type = parsed.positionals[1];
  if (service !== undefined && type !== undefined) {
    const types = [...new Set(PATTERNS.filter((p) => p.service === service).map((p) => p.resourceType))].sort();
    if (!types.includes(type)) {
      const line = commandLine('stdlib', args);
      const bag = new DiagnosticBag();
      const near = closest(type, types);
      bag.add('IAM0060', line.argumentSpan(type), `\`${service}\` has no pattern for a resource type \`${type}\``, {
        suggestion: `${near !== undefined ? `did you mean \`${near}\`? (` : ''}its resource types: ${types.map((t) => `\`${t}\``).join(', ')}${near !== undefined ? ')' : ''}`,
      });
      report(io, format, bag.items, [line.source]);
      return EXIT_ERRORS;
    }
  }
  const listing = stdlibListing(service, type);
  io.stdout(format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : renderStdlibText(listing));
  return EXIT_OK;
}

/** The escape hatch, for a service or resource the library has no pattern for. */
const allowHint = (service: string): string => `or write the actions yourself: \`allow "${service}:Action" on "ARN"\` (checked against AWS's catalogue like any grant)`;

/**
 * Points a word that names no stdlib service at the nearest patterns: a misspelt service
 * (`lambd`), a product name IAM spells otherwise (`stepfunctions`), a resource type of some service
 * (`bucket`, `queus`), or a service AWS has but the
 * library does not cover yet (`glue`); always with the escape hatch.
 */
function unknownService(word: string): { message: string; suggestion: string } {
  const lower = word.toLowerCase();
  const services = stdlibServices();
  const nearService = closest(lower, services) ?? services.find((s) => s.startsWith(lower) && lower.length >= 3);
  const types = [...new Set(PATTERNS.map((p) => p.resourceType))];
  const nearType = types.includes(lower) ? lower : closest(lower, types);
  const hints: string[] = [];
  for (const meant of servicesAlsoCalled(lower, services)) hints.push(`its patterns are under \`${meant}\` (\`iamc stdlib ${meant}\`)`);
  if (nearService !== undefined) hints.push(`did you mean \`${nearService}\`? (\`iamc stdlib ${nearService}\`)`);
  if (nearType !== undefined) {
    const grants = PATTERNS.filter((p) => p.resourceType === nearType).map((p) => `\`${p.verb} ${p.service} ${p.resourceType}\``);
    hints.push(`\`${nearType}\` is a resource type: ${grants.slice(0, 6).join(', ')}${grants.length > 6 ? ', …' : ''}`);
  }
  const known = serviceExists(lower) && nearService === undefined && hints.length === 0;
  const message = known ? `the standard library has no patterns for \`${word}\` yet` : `\`${word}\` is not a service of the standard library`;
  if (hints.length === 0) hints.push(`\`iamc stdlib\` lists the ${services.length} services that have patterns`);
  return { message, suggestion: `${hints.join('; ')}; ${allowHint(known ? lower : 'SERVICE')}` };
}
