/**
 * Compares what AWS SAM's policy templates and AWS CDK's grant methods allow with what the iamc
 * grants of `mapping.ts` compile to. Each mapping entry's grants go through the real compiler (one
 * small program per grant, so an unknown grant names itself and spoils nothing else); the emitted
 * actions are diffed against the template's or method's actions, expanded through AWS's catalogue.
 *
 * An action SAM or CDK grants that iamc does not is classified, first match wins:
 * - `explained`: the entry's own `why` for it;
 * - `not-in-catalogue`: AWS's catalogue has no such action (it never authorised anything);
 * - `dead`: none of the resources it is granted on is a resource type the action accepts;
 * - `wildcard`: only an action wildcard (`s3:GetObject*`) reached it;
 * - `broader`: granted on `*`, beyond the name the template or method takes;
 * - `unclassified`: none of these, and the entry does not explain it.
 * An action iamc grants that the other does not carries the `why` of the pattern part that grants
 * it, or the entry's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expandActionGlob, lookupAction, resourceTypesForArn, type CatalogueAction } from '../../../compiler/catalogue/catalogue.js';
import { compileSources } from '../../../compiler/pipeline.js';
import { findPattern } from '../../../stdlib/index.js';
import { CDK_MAPPING, SAM_MAPPING, type CoverageEntry } from './mapping.js';

export type CoverageSource = 'sam' | 'cdk';

interface SourceStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

/** A SAM template or a CDK grant method, as the committed data records it. */
export interface Subject {
  readonly id: string;
  readonly statements: readonly SourceStatement[];
  /** KMS actions a CDK grant adds on a customer-managed key (an iamc `kms` grant of its own). */
  readonly keyActions?: readonly string[];
}

export interface CoverageData {
  readonly source: CoverageSource;
  /** Where the data comes from, one line for the docs. */
  readonly provenance: string;
  readonly subjects: readonly Subject[];
}

export type DifferenceKind = 'explained' | 'not-in-catalogue' | 'dead' | 'wildcard' | 'broader' | 'unclassified';

export interface Difference {
  readonly action: string;
  readonly kind: DifferenceKind;
  readonly why: string;
}

export interface UnknownGrant {
  readonly grant: string;
  readonly message: string;
}

export interface Comparison {
  readonly source: CoverageSource;
  readonly id: string;
  readonly status: 'expressed' | 'refused' | 'missing';
  readonly grants: readonly string[];
  readonly refused?: string;
  /** The mapping's note on resources or conditions. */
  readonly note?: string;
  /** Grants that do not compile (on this branch: patterns not written yet). */
  readonly unknown: readonly UnknownGrant[];
  /** Actions the template or method grants that iamc does not. */
  readonly theirsOnly: readonly Difference[];
  /** Actions iamc grants that the template or method does not, with why. */
  readonly oursOnly: readonly Difference[];
}

export interface CoverageFigures {
  readonly total: number;
  readonly expressed: number;
  readonly refused: number;
  readonly missing: number;
}

const DATA_DIR = new URL('./', import.meta.url);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(file, DATA_DIR)), 'utf8')) as T;

interface SamFile {
  source: { repository: string; path: string; commit: string; date: string };
  templates: { name: string; statements: SourceStatement[] }[];
}
interface CdkFile {
  source: { package: string; version: string; repository: string; date: string };
  methods: { id: string; statements: SourceStatement[]; keyActions?: string[]; from?: { package: string; commit: string } }[];
}

export function samData(): CoverageData {
  const file = readJson<SamFile>('sam-templates.json');
  const s = file.source;
  return {
    source: 'sam',
    provenance: `${s.repository} \`${s.path}\` at commit \`${s.commit.slice(0, 12)}\` (${s.date.slice(0, 10)})`,
    subjects: file.templates.map((t) => ({ id: t.name, statements: t.statements })),
  };
}

export function cdkData(): CoverageData {
  const file = readJson<CdkFile>('cdk-grants.json');
  const s = file.source;
  return {
    source: 'cdk',
    provenance: [
      `\`${s.package}\` ${s.version} (${s.repository}), read ${s.date}`,
      ...[...new Set(file.methods.flatMap((m) => (m.from ? [`\`${m.from.package}\` at commit \`${m.from.commit.slice(0, 12)}\``] : [])))],
    ].join(', and '),
    subjects: file.methods.map((m) => ({ id: m.id, statements: m.statements, ...(m.keyActions ? { keyActions: m.keyActions } : {}) })),
  };
}

export function mappingFor(source: CoverageSource): readonly CoverageEntry[] {
  return source === 'sam' ? SAM_MAPPING : CDK_MAPPING;
}

// ---- compiling one grant -------------------------------------------------------------------

/** A role with nothing implicit (an EC2 role adds no log group), in an account and region of its own. */
const program = (grant: string): string =>
  [
    'account prod = 123456789012',
    'account partner = 210987654321',
    'region eu-west-1',
    'role coverage for ec2 in prod {',
    `  ${grant}`,
    '}',
    '',
  ].join('\n');

type Compiled = { actions: readonly string[] } | { error: string };
const compiled = new Map<string, Compiled>();

/** The actions one grant line compiles to, or the compiler's first error about it. */
export function compileGrant(grant: string): Compiled {
  const cached = compiled.get(grant);
  if (cached) return cached;
  const result = compileSources([{ path: 'coverage.iam', text: program(grant) }]);
  const policy = result.files?.get('iam/roles/coverage.policy.json');
  let out: Compiled;
  if (policy === undefined) {
    const first = result.diagnostics.find((d) => d.severity === 'error');
    out = { error: first ? `${first.code} ${first.message}` : 'no policy was written' };
  } else {
    const doc = JSON.parse(policy) as { Statement: { Action?: string | string[] }[] };
    const actions = doc.Statement.flatMap((st) => (st.Action === undefined ? [] : Array.isArray(st.Action) ? st.Action : [st.Action]));
    out = { actions: [...new Set(actions)].sort() };
  }
  compiled.set(grant, out);
  return out;
}

// ---- the source's actions ------------------------------------------------------------------

/** Values for the templates' placeholders, so their resources can be matched to resource types. */
const PLACEHOLDERS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '123456789012',
  SecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:sample-AbCdEf',
  CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
  ParameterName: '/sample',
  KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
};
const fill = (resource: string): string => resource.replace(/\$\{([^}]+)\}/g, (_, name: string) => PLACEHOLDERS[name] ?? 'sample');

const canonical = (a: CatalogueAction): string => `${a.service}:${a.name}`;

interface SourceAction {
  /** As the catalogue spells it, or as written when the catalogue has no such action. */
  readonly action: string;
  readonly known: boolean;
  /** The wildcard that reached it, when no statement names it exactly. */
  readonly viaWildcard?: string;
  /** Every resource (placeholders filled) it is granted on. */
  readonly resources: readonly string[];
}

function sourceActions(subject: Subject): Map<string, SourceAction> {
  const out = new Map<string, { action: string; known: boolean; exact: boolean; wildcard?: string; resources: string[] }>();
  const add = (action: string, known: boolean, resources: readonly string[], wildcard?: string) => {
    const key = action.toLowerCase();
    const entry = out.get(key) ?? { action, known, exact: false, resources: [] };
    if (wildcard === undefined) entry.exact = true;
    else entry.wildcard ??= wildcard;
    entry.resources.push(...resources.map(fill));
    out.set(key, entry);
  };
  for (const st of subject.statements) {
    for (const written of st.actions) {
      if (/[*?]/.test(written)) {
        for (const a of expandActionGlob(written)) add(a, true, st.resources, written);
      } else {
        const found = lookupAction(written);
        add(found ? canonical(found) : written, found !== undefined, st.resources);
      }
    }
  }
  return new Map(
    [...out].map(([k, e]) => [k, { action: e.action, known: e.known, resources: [...new Set(e.resources)], ...(e.exact ? {} : { viaWildcard: e.wildcard! }) }]),
  );
}

function classify(a: SourceAction, entry: CoverageEntry): Difference {
  const explained = entry.why?.[a.action];
  if (explained) return { action: a.action, kind: 'explained', why: explained };
  if (!a.known) return { action: a.action, kind: 'not-in-catalogue', why: 'AWS\'s catalogue has no such action' };
  const action = lookupAction(a.action)!;
  const specific = a.resources.filter((r) => r !== '*');
  if (specific.length === a.resources.length) {
    const fits = action.wildcardOnly ? false : specific.some((r) => resourceTypesForArn(action, r).length > 0);
    if (!fits) {
      const accepts = action.wildcardOnly ? 'only `*`' : action.resourceTypes.map((t) => `\`${t.name}\``).join(', ');
      return { action: a.action, kind: 'dead', why: `dead grants: they accept ${accepts}` };
    }
  }
  if (a.viaWildcard) return { action: a.action, kind: 'wildcard', why: `reached only by \`${a.viaWildcard}\`` };
  if (specific.length < a.resources.length) {
    return {
      action: a.action,
      kind: 'broader',
      why: action.wildcardOnly ? 'accepts only `*`: it reaches every resource, beyond the name' : 'granted on `*`, beyond the name',
    };
  }
  return { action: a.action, kind: 'unclassified', why: 'not explained' };
}

/** The `why` of the pattern part that grants `action` for this grant line, if the part has one. */
function partWhy(grant: string, action: string): string | undefined {
  const [verb, service, type] = grant.trim().split(/\s+/);
  if (!verb || !service || !type) return undefined;
  const pattern = findPattern(service, verb, type);
  return pattern?.parts.find((p) => p.actions.some((x) => x.toLowerCase() === action.toLowerCase()) && p.why)?.why;
}

export function compare(source: CoverageSource, subject: Subject, entry: CoverageEntry): Comparison {
  const base = { source, id: subject.id, grants: entry.grants ?? [], ...(entry.note ? { note: entry.note } : {}) };
  if (entry.refused !== undefined) return { ...base, status: 'refused', refused: entry.refused, unknown: [], theirsOnly: [], oursOnly: [] };
  const unknown: UnknownGrant[] = [];
  const ours = new Map<string, { action: string; grant: string }>();
  for (const grant of entry.grants ?? []) {
    const c = compileGrant(grant);
    if ('error' in c) unknown.push({ grant, message: c.error });
    else for (const a of c.actions) if (!ours.has(a.toLowerCase())) ours.set(a.toLowerCase(), { action: a, grant });
  }
  if (unknown.length > 0 || ours.size === 0) {
    return { ...base, status: 'missing', unknown, theirsOnly: [], oursOnly: [] };
  }
  const theirs = sourceActions(subject);
  const theirsOnly = [...theirs.entries()].filter(([k]) => !ours.has(k)).map(([, a]) => classify(a, entry));
  const oursOnly = [...ours.entries()]
    .filter(([k]) => !theirs.has(k))
    .map(([, o]): Difference => {
      const why = entry.why?.[o.action] ?? partWhy(o.grant, o.action);
      return { action: o.action, kind: why ? 'explained' : 'unclassified', why: why ?? 'not explained' };
    });
  const byAction = (x: Difference, y: Difference) => (x.action < y.action ? -1 : x.action > y.action ? 1 : 0);
  return { ...base, status: 'expressed', unknown, theirsOnly: theirsOnly.sort(byAction), oursOnly: oursOnly.sort(byAction) };
}

/** Every subject of one source, compared with its mapping entry (a subject without one is missing). */
export function compareAll(data: CoverageData): Comparison[] {
  const entries = new Map(mappingFor(data.source).map((e) => [e.id, e]));
  return data.subjects.map((s) => {
    const entry = entries.get(s.id);
    if (!entry) return { source: data.source, id: s.id, status: 'missing', grants: [], unknown: [], theirsOnly: [], oursOnly: [] };
    return compare(data.source, s, entry);
  });
}

export function figures(comparisons: readonly Comparison[]): CoverageFigures {
  const count = (s: Comparison['status']) => comparisons.filter((c) => c.status === s).length;
  return { total: comparisons.length, expressed: count('expressed'), refused: count('refused'), missing: count('missing') };
}

/** Expressed or refused with a reason, as a share of all: what the coverage target counts. */
export function coveredShare(f: CoverageFigures): number {
  return f.total === 0 ? 0 : (f.expressed + f.refused) / f.total;
}

/** The share iamc's grants express: the target (at least 90 % of each source). */
export function expressedShare(f: CoverageFigures): number {
  return f.total === 0 ? 0 : f.expressed / f.total;
}
