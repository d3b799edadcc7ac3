/**
 * Does a resource pattern reach every resource of its type, in an account or beyond one? Decided by
 * containment against the catalogue's ARN formats, never by the text, so every spelling of "all"
 * is seen alike: `*`, `**`, `?*`, every object of every bucket, `key/*`, `role/?*`, an account written `**`,
 * a region `?*`, a partition `*`. The `because` gate and the wildcard lints ask this one question.
 */
import { actionsOfService, arnMatchesResourceType, resourceTypeArnFormat } from '../catalogue/catalogue.js';
import { globContains } from './glob-contains.js';

/**
 * Does `outer` take in every string of `inner`? A search stopped by its budget counts as yes: a
 * gate must never let a pattern through because it was too intricate to decide.
 */
function mayContain(outer: string, inner: string): boolean {
  const result = globContains(outer, inner);
  return result.contains || result.undecided === true;
}
import { globMatches } from './glob.js';
import { activeMutant } from '../verify/mutants.js';

/** The ARN fields a pattern may leave open, each reaching further than one account's resources. */
export type OpenField = 'partition' | 'service' | 'region' | 'account';

export interface Reach {
  /** The resource type whose every resource the pattern matches, if one is. */
  readonly type?: { readonly service: string; readonly name: string };
  /** True when the pattern matches every ARN of every service. */
  readonly everything: boolean;
  readonly open: readonly OpenField[];
  /** How to say it in a message: `every role`, `roles in any account`. */
  readonly what: string;
}

/** A resource type to judge the pattern against; without one, every type of the ARN's service. */
export interface ResourceTypeRef {
  readonly service: string;
  readonly type: string;
}

const FIELD_INDEX: Record<Exclude<OpenField, 'service'>, number> = { partition: 1, region: 3, account: 4 };
const FORMAT_VARIABLE: Record<Exclude<OpenField, 'service'>, string> = { partition: '${Partition}', region: '${Region}', account: '${Account}' };

const cache = new Map<string, Reach | undefined>();
const CACHE_LIMIT = 50_000;

/**
 * `undefined` when the pattern names resources: it matches only some of its type in one account,
 * region and partition. Otherwise what it reaches.
 */
export function wildcardReach(resource: string, typeRef?: ResourceTypeRef): Reach | undefined {
  if (activeMutant() === 'textual-wildcard') return resource === '*' ? EVERYTHING : undefined;
  const key = `${typeRef?.service ?? ''}\u0000${typeRef?.type ?? ''}\u0000${resource}`;
  if (cache.has(key)) return cache.get(key);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const reach = computeReach(resource, typeRef);
  cache.set(key, reach);
  return reach;
}

const EVERYTHING: Reach = { everything: true, open: [], what: 'every resource of every service' };

function computeReach(resource: string, typeRef: ResourceTypeRef | undefined): Reach | undefined {
  // Without a `*` a pattern matches finitely many strings, and no type has finitely many
  // resources: only its fields can be open (an account `????????????`). No containment to ask.
  const infinite = hasStar(resource);
  // `?*` and `arn:*` are `*` by another name: every ARN there is.
  if (infinite && mayContain(resource, 'arn:?*')) return EVERYTHING;
  const fields = arnFields(resource);
  // IAM's `*` matches `:` too, so a `*` before the resource field may run over the colons after it
  // (`*:aws:s3:::*`, `arn:aws:dynamodb:*`, `arn:aws:i*:**:role/x`): from that field on, the split
  // says nothing about where the ARN's fields are, and all of them are open.
  const runsFrom = fields.findIndex((f, i) => i < 5 && (i < fields.length - 1 || fields.length < 6) && hasStar(f));
  if (runsFrom !== 0 && !globMatches(fields[0]!, 'arn')) return undefined;
  if (runsFrom < 0 && fields.length < 6) return undefined;
  const service = typeRef?.service ?? fields[2] ?? '';
  const formats = typeRef ? formatsOf(typeRef.service, [typeRef.type]) : hasGlob(service) || service === '' ? [] : formatsOf(service, typeNamesOf(service));
  // A region or account is open only for types the pattern can name at all; an ARN that fits no
  // type (a dead grant, reported on its own) is judged against them all.
  const fitting = formats.filter((f) => arnMatchesResourceType(resource, service, f.type));
  // A policy variable (`${aws:PrincipalAccount}`) fits no format as text; then every type is asked.
  const candidates = fitting.length > 0 ? fitting : formats;
  const open = openFields(fields, runsFrom, candidates.map((f) => f.arn));
  // Several types may be reached (`table/*` holds every backup too); the message names the widest.
  // A type the pattern contains it also meets, so only the fitting ones need the costlier question.
  const reached = (infinite ? candidates : [])
    .map((f) => ({ format: f, glob: instantiate(f.arn, fields) }))
    .filter((f) => mayContain(resource, f.glob))
    .sort((a, b) => literalCount(a.glob) - literalCount(b.glob) || (a.format.type < b.format.type ? -1 : 1));
  const widest = reached[0];
  const wholeService = `arn:${witness(fields[1])}:${service}:${witness(fields[3])}:${witness(fields[4])}:?*`;
  if (widest !== undefined && !typeRef && mayContain(resource, wholeService)) {
    return { type: { service: service.toLowerCase(), name: widest.format.type }, everything: false, open, what: `every ${service} resource${where(open)}` };
  }
  if (widest !== undefined) {
    const type = { service: service.toLowerCase(), name: widest.format.type };
    return { type, everything: false, open, what: `every ${widest.format.type}${where(open)}` };
  }
  // Not every resource of a type, but every bucket's: reached in any account (everyBucket).
  if (!open.includes('account') && everyBucket(fields, service)) open.push('account');
  if (open.length === 0) return undefined;
  const noun = typeRef ? `${typeRef.type}s` : open.includes('service') ? 'resources' : `${service} resources`;
  return { everything: false, open, what: `${noun} in ${open.map((f) => `any ${f}`).join(', ')}` };
}

/**
 * S3 bucket and object ARNs have no account field: the bucket name is the owner, and bucket names
 * are one namespace for all of AWS. A resource that starts with a star (after any question marks)
 * takes in a bucket of any name, and IAM's star runs over the slash after it (so `*.csv` and
 * `*a/x` count too): it reaches objects in every bucket of every account, another account's bucket
 * that accepts writes included, which is where data leaves. That is an open account.
 */
function everyBucket(fields: readonly string[], service: string): boolean {
  if (activeMutant() === 'every-bucket-closed') return false;
  // After `arn:P:s3:`, the empty region and account and the bucket: a star before any literal but
  // a colon takes in every bucket name (erring, on odd spellings, toward asking for a reason).
  return service.toLowerCase() === 's3' && fields.length >= 4 && /^[:?*]*\*/.test(fields.slice(3).join(':'));
}

function where(open: readonly OpenField[]): string {
  return open.length === 0 ? '' : ` in ${open.map((f) => `any ${f}`).join(', ')}`;
}

/**
 * Fields left open: a wildcard in the partition, service, region or account, and every field from
 * the one whose `*` may run over the colons after it. A region or account counts only where the
 * type's ARN has one (S3 bucket ARNs leave both empty, so a `?` there reaches nothing more).
 */
function openFields(fields: readonly string[], runsFrom: number, formats: readonly string[]): OpenField[] {
  const isOpen = (i: number): boolean => (runsFrom >= 0 && i >= runsFrom) || (i < fields.length && hasGlob(fields[i]!) && !isVariable(fields[i]!));
  const out: OpenField[] = [];
  if (isOpen(FIELD_INDEX.partition)) out.push('partition');
  if (isOpen(2)) out.push('service');
  for (const field of ['region', 'account'] as const) {
    if (!isOpen(FIELD_INDEX[field])) continue;
    if (formats.length === 0 || formats.some((f) => f.includes(FORMAT_VARIABLE[field]))) out.push(field);
  }
  return out;
}

/**
 * The type's format in the pattern's own partition, region and account (a wildcard field taken at
 * one value it matches), every other variable `?*`: if the pattern contains this, it matches every
 * resource of the type in that place.
 */
function instantiate(format: string, fields: readonly string[]): string {
  const place = Object.entries(FIELD_INDEX) as [Exclude<OpenField, 'service'>, number][];
  // Catalogue variables stand for one or more characters; the place is filled in after, since a
  // witness may itself be a policy variable such as `${aws:PrincipalAccount}`.
  return format.replace(/\$\{[^}]*\}/g, (v) => {
    const field = place.find(([f]) => FORMAT_VARIABLE[f] === v);
    return field === undefined ? '?*' : witness(fields[field[1]]);
  });
}

function literalCount(glob: string): number {
  return glob.replace(/[*?]/g, '').length;
}

/** One string a field's glob matches; a field the pattern does not reach is left empty. */
function witness(field: string | undefined): string {
  if (field === undefined) return '';
  return field.replace(/\*/g, '').replace(/\?/g, 'x');
}

interface Format {
  readonly type: string;
  readonly arn: string;
}

/** Formats with something to name beyond partition, region and account; the rest hold one resource. */
function formatsOf(service: string, types: readonly string[]): Format[] {
  const out: Format[] = [];
  for (const type of types) {
    const arn = resourceTypeArnFormat(service, type);
    if (arn === undefined || !arn.startsWith('arn:')) continue;
    const rest = Object.values(FORMAT_VARIABLE).reduce((text, v) => text.split(v).join(''), arn);
    if (rest.includes('${')) out.push({ type, arn });
  }
  return out;
}

const typeNameCache = new Map<string, string[]>();

/** The resource types a service's actions act on (the catalogue lists them per action). */
function typeNamesOf(service: string): string[] {
  const key = service.toLowerCase();
  let names = typeNameCache.get(key);
  if (names === undefined) {
    names = [...new Set(actionsOfService(key).flatMap((a) => a.resourceTypes.map((t) => t.name)))].sort();
    typeNameCache.set(key, names);
  }
  return names;
}

/** An ARN's colon-separated fields; a policy variable (`${aws:PrincipalAccount}`) is one piece. */
export function arnFields(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      const end = text.indexOf('}', i);
      if (end > i) {
        current += text.slice(i, end + 1);
        i = end;
        continue;
      }
    }
    const c = text[i]!;
    if (c === ':' && out.length < 5) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/**
 * Why a resource is not `*` or an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`), or
 * `undefined`. A truncated ARN matches nothing AWS has, so a policy naming it is a mistake.
 */
export function arnShapeProblem(text: string): string | undefined {
  if (/^[*?]*\*[*?]*$/.test(text)) return undefined;
  const fields = arnFields(text);
  if (fields[0] !== 'arn') return 'an ARN starts with `arn:`';
  if (fields.length < 6) return 'an ARN has six fields: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`';
  if (fields[1] === '') return 'an ARN names its partition, e.g. `aws`';
  if (fields[2] === '') return 'an ARN names its service, e.g. `s3`';
  if (fields[5] === '') return 'an ARN ends with the resource it names';
  return undefined;
}

function hasGlob(text: string): boolean {
  return text.replace(/\$\{[^}]*\}/g, '').search(/[*?]/) >= 0;
}

function hasStar(text: string): boolean {
  return text.replace(/\$\{[^}]*\}/g, '').includes('*');
}

function isVariable(text: string): boolean {
  return /^\$\{[^}]*\}$/.test(text);
}
