/**
 * What the oracle's tables share (oracle.ts and oracle/*.ts): the cell type, ARN field readers and
 * an IAM glob matcher written as a regular expression, beside the compiler's own.
 */
import { ACCOUNT, REGION } from './constants.js';

export interface OracleCell {
  readonly actions: readonly string[];
  /** Globs to draw requests from (near the intent); never used to decide the denotation. */
  readonly resources: readonly string[];
  /** Whether a (valid) ARN is one the grant means. */
  readonly means: (arn: string) => boolean;
  /**
   * Each must hold: key → test on the context's value(s). `near` holds values to draw requests
   * from (the intended ones; requests.ts adds near misses); never used to decide.
   */
  readonly conditions: readonly { readonly key: string; readonly test: (value: string) => boolean; readonly near?: readonly string[] }[];
}

export interface OracleRequest {
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

export const regional = (service: string, resource: string): string => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** The resource part of an ARN of this intent's account and region (or of S3/IAM's own forms), else undefined. */
export function resourceOf(arn: string, service: string): string | undefined {
  const fields = arn.split(':');
  if (fields.length < 6 || fields[0] !== 'arn' || fields[1] !== 'aws' || fields[2] !== service) return undefined;
  const [region, account] = [fields[3], fields[4]];
  if (service === 's3' ? region !== '' || account !== '' : service === 'iam' ? region !== '' || account !== ACCOUNT : region !== REGION || account !== ACCOUNT) return undefined;
  return fields.slice(5).join(':');
}

/** A name with no separators in its position: the whole field matches the glob. */
export const flat = (service: string, prefix: string, glob: string) => (arn: string): boolean => {
  const r = resourceOf(arn, service);
  return r !== undefined && r.startsWith(prefix) && globMatch(glob, r.slice(prefix.length));
};

/** `B/K`: the bucket is everything before the first `/`, the key everything after. */
export function splitObject(arn: string): { bucket: string; key: string | undefined } | undefined {
  const r = resourceOf(arn, 's3');
  if (r === undefined) return undefined;
  const slash = r.indexOf('/');
  return slash < 0 ? { bucket: r, key: undefined } : { bucket: r.slice(0, slash), key: r.slice(slash + 1) };
}

/** A path glob: levels match one by one; a final `*` level means one or more levels below. */
export function pathMeans(glob: string, path: string): boolean {
  const want = glob.replace(/^\//, '').split('/');
  const have = path.split('/');
  const below = want.length > 1 && /^\*+$/.test(want.at(-1)!);
  if (/^\*+$/.test(glob)) return true;
  if (below ? have.length < want.length : have.length !== want.length) return false;
  const fixed = below ? want.length - 1 : want.length;
  return want.slice(0, fixed).every((level, i) => globMatch(level, have[i]!)) && have.slice(fixed).every((level) => level.length > 0);
}


export const cell = (actions: string[], resources: string[], means: (arn: string) => boolean, conditions: OracleCell['conditions'] = []): OracleCell => ({ actions, resources, means, conditions });

/** A pattern's cells for one target name (`''` for a targetless pattern) and its `to` service. */
export type CellsOf = (name: string, to: string | undefined) => OracleCell[];

/** IAM globs by regular expression: a second implementation beside the compiler's matcher. */
export function globMatch(glob: string, text: string): boolean {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's').test(text);
}

