/**
 * Requests near a generated intent: actions from its cells, from the same services and from the
 * whole sample catalogue; ARNs concretised from the cells' globs and then mutated (other account
 * or region, prefix and suffix extensions, case, near-miss secret suffixes, keys outside a prefix).
 */
import fc from 'fast-check';
import { fillArn, SAMPLE_SERVICES, type ActionSample } from './support/catalogue-samples.js';
import { PATTERNS } from '../../stdlib/index.js';
import { ACCOUNT, REGION, SOURCE_ACCOUNT } from './support/intent-gen.js';
import { requestIsReal, type OracleCell, type OracleRequest } from './support/oracle.js';

const FILL_STAR = ['', 'x', 'a/b', 'x:y', '2024/q1.csv'];
const FILL_ONE = ['Q', 'a', '7'];

export function concretise(glob: string, picks: readonly number[]): string {
  let k = 0;
  const pick = <T>(xs: readonly T[]): T => xs[(picks[k++ % picks.length] ?? 0) % xs.length]!;
  return [...glob].map((c) => (c === '*' ? pick(FILL_STAR) : c === '?' ? pick(FILL_ONE) : c)).join('');
}

export const MUTATIONS: Record<string, (arn: string) => string> = {
  none: (a) => a,
  otherAccount: (a) => a.replace(ACCOUNT, SOURCE_ACCOUNT),
  otherRegion: (a) => a.replace(REGION, 'us-east-1'),
  suffix: (a) => `${a}-extra`,
  pathSuffix: (a) => `${a}/more`,
  prefix: (a) => {
    const at = Math.max(a.lastIndexOf('/'), a.lastIndexOf(':')) + 1;
    return `${a.slice(0, at)}x${a.slice(at)}`;
  },
  caseFlip: (a) => {
    const at = Math.max(a.lastIndexOf('/'), a.lastIndexOf(':')) + 1;
    const tail = a.slice(at);
    const flipped = [...tail].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    return a.slice(0, at) + flipped;
  },
  // A secret named without its suffix gets exactly six characters; five or seven must not match.
  secretShort: (a) => a.replace(/-([A-Za-z0-9]{6})$/, (_, s: string) => `-${s.slice(0, 5)}`),
  secretLong: (a) => a.replace(/-([A-Za-z0-9]{6})$/, (_, s: string) => `-${s}Z`),
  secretSibling: (a) => a.replace(/-([A-Za-z0-9]{6})$/, '-other-secret-abcdef'),
  otherKeyPrefix: (a) => a.replace(/(arn:aws:s3:::[^/]+\/)[^/]+/, '$1elsewhere'),
  // What an attacker tries against name globs: a path put in front of the name (a role on path
  // `/app-team/`, a key under another folder), a separator inside the last name, a look-alike letter.
  pathInserted: (a) => a.replace(/:role\//, ':role/app-team/').replace(/(arn:aws:s3:::[^/]+)\//, '$1/private/'),
  separatorInside: (a) => {
    const at = Math.max(a.lastIndexOf('/'), a.lastIndexOf(':')) + 2;
    return `${a.slice(0, at)}/private/${a.slice(at)}`;
  },
  colonInside: (a) => {
    const at = Math.max(a.lastIndexOf('/'), a.lastIndexOf(':')) + 2;
    return `${a.slice(0, at)}:${a.slice(at)}`;
  },
  lookAlike: (a) => a.replace(/a(?=[^/:]*$)/, '\u0430'),
};

const CONTEXT_CHOICES: Record<string, readonly string[]> = {
  'aws:SourceVpce': ['vpce-1a2b3c4d', 'vpce-0f0f0f0f', 'vpce-99999999'],
  'aws:SourceIp': ['10.1.2.3', '192.168.10.7', '192.168.11.7', '8.8.8.8'],
  'aws:MultiFactorAuthPresent': ['true', 'false'],
  'iam:PassedToService': ['ecs-tasks.amazonaws.com', 'lambda.amazonaws.com', 'ec2.amazonaws.com'],
  's3:prefix': ['reports/', 'reports/2024/x', 'partner/a', 'uploads/', 'other/', ''],
};

/**
 * Values near the ones a cell's condition intends (a namespace `MyApp`): the value itself, and
 * near misses a wrong policy would let through (a suffix, another case, a prefix cut short, a
 * sibling under the same path, AWS's own namespace).
 */
export function nearValues(intended: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of intended) {
    out.add(v);
    out.add(`${v}x`);
    out.add(v.toLowerCase() === v ? v.toUpperCase() : v.toLowerCase());
    if (v.length > 1) out.add(v.slice(0, -1));
    out.add(`${v}/sub`);
  }
  out.add('AWS/EC2');
  return [...out].sort();
}

/** Condition keys the cells test beyond the fixed ones, with values near what they intend. */
function cellChoices(cells: readonly OracleCell[]): Record<string, readonly string[]> {
  const byKey = new Map<string, string[]>();
  for (const c of cells) for (const k of c.conditions) if (k.near !== undefined) byKey.set(k.key, [...(byKey.get(k.key) ?? []), ...k.near]);
  return Object.fromEntries([...byKey].map(([key, intended]) => [key, nearValues(intended)]));
}

export function contextArb(cells: readonly OracleCell[] = []): fc.Arbitrary<Record<string, string>> {
  const choices = { ...CONTEXT_CHOICES, ...cellChoices(cells) };
  // Absent a quarter of the time: a condition on an absent key never holds.
  const entries = Object.entries(choices).map(([k, vs]) => [k, fc.option(fc.constantFrom(...vs), { nil: undefined, freq: 4 })] as const);
  return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<string | undefined>>).map((r) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
    return out;
  });
}

export function requestArb(cells: readonly OracleCell[], samples: readonly ActionSample[]): fc.Arbitrary<OracleRequest> {
  const services = [...new Set(cells.flatMap((c) => c.actions.map((a) => a.split(':')[0]!)))];
  const sameService = samples.filter((s) => services.includes(s.service));
  const context = contextArb(cells);
  // A service without ARN-shaped actions in the samples (X-Ray's `*`-only ones) draws from its cells alone.
  const actionOf = (cell: OracleCell) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...cell.actions) },
      ...(sameService.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...sameService.map((s) => s.action)) }] : []),
      { weight: 1, arbitrary: fc.constantFrom(...samples.map((s) => s.action)) },
    );
  const fromCell = fc.constantFrom(...cells).chain((cell) =>
    fc.record({
      action: actionOf(cell),
      resource: fc
        .record({ glob: fc.constantFrom(...cell.resources), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), mutation: fc.constantFrom(...Object.keys(MUTATIONS), 'none', 'none', 'none') })
        .map(({ glob, picks, mutation }) => (glob === '*' ? '*' : MUTATIONS[mutation]!(concretise(glob, picks)))),
      context,
    }),
  );
  if (sameService.length === 0) return fromCell;
  // An action of the intent's services on an ARN of a type it accepts, named like the targets.
  const fromCatalogue = fc
    .record({
      sample: fc.constantFrom(...sameService),
      format: fc.nat(),
      name: fc.constantFrom(...cells.flatMap((c) => c.resources).map((r) => r.slice(r.lastIndexOf(':') + 1).split('/').pop()!.replace(/[*?]/g, 'x'))),
      region: fc.constantFrom(REGION, 'us-east-1'),
      account: fc.constantFrom(ACCOUNT, ACCOUNT, SOURCE_ACCOUNT),
      context,
    })
    .map(({ sample, format, name, region, account, context }) => ({
      action: sample.action,
      resource: fillArn(sample.arnFormats[format % sample.arnFormats.length]!, { region, account, name }),
      context,
    }));
  return fc.oneof({ weight: 4, arbitrary: fromCell }, { weight: 1, arbitrary: fromCatalogue });
}

/** The services to sample actions from: the fixed ones and every service the stdlib has patterns for (which service, never what it grants). */
export function sampleServices(): string[] {
  return [...new Set([...SAMPLE_SERVICES, ...PATTERNS.map((p) => p.service)])].sort();
}

/** A request AWS could send: an ARN of a type its action takes, or `*` where no type is required (PutMetricData). */
export function isReal(r: OracleRequest, samplesByAction: ReadonlyMap<string, ActionSample>): boolean {
  if (r.resource === '*' && samplesByAction.get(r.action.toLowerCase())?.starAccepted === true) return true;
  return requestIsReal(r, (action) => samplesByAction.get(action.toLowerCase())?.arnFormats);
}
