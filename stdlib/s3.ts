import { checkName, itself, policyVariableError } from './arn.js';
import type { ArnContext, Pattern, TargetArn, TargetShape } from './pattern.js';
import type { ConditionClause } from '../compiler/ir/intent.js';

/**
 * S3 bucket naming rules (3–63 lowercase letters, digits, `.` and `-`, starting and ending with a
 * letter or digit). A globbed name may be shorter and may start or end with the glob.
 */
function bucketError(bucket: string): string | undefined {
  if (/[*?]/.test(bucket)) {
    return /^[a-z0-9.*?-]{1,63}$/.test(bucket) ? undefined : 'bucket names use lowercase letters, digits, `.` and `-`';
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    return 'bucket names are 3 to 63 lowercase letters, digits, `.` and `-`, starting and ending with a letter or digit';
  }
  if (bucket.includes('..')) return 'bucket names cannot contain `..`';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(bucket)) return 'bucket names cannot look like an IP address';
  return undefined;
}

/** S3 ARNs name no region and no account: a bucket name is global. */
const s3Arn = (ctx: ArnContext, resource: string): string => `arn:${ctx.partition}:s3:::${resource}`;

/** `bucket/prefix/*` or `bucket/key`: objects of one bucket. */
const objects: TargetShape = {
  catalogueType: 'object',
  nameHint: '`bucket/prefix/*` or `bucket/key`',
  regional: false,
  meaning: { kind: 'objects', template: 'arn:{partition}:s3:::{name}' },
  build: (name: string, ctx: ArnContext) => {
    const nameError = checkName(name);
    if (nameError) return { error: nameError };
    const slash = name.indexOf('/');
    if (slash < 0) return { error: 'name the objects as `bucket/prefix/*` or `bucket/key`; for all of a bucket write `bucket/*`' };
    const bucket = name.slice(0, slash);
    const error = bucketError(bucket);
    if (error) return { error };
    if (slash === name.length - 1) return { error: 'the key part after `/` is empty; write `bucket/*` for every object' };
    const variable = policyVariableError(name);
    if (variable) return { error: variable };
    return { arn: s3Arn(ctx, name) };
  },
};

/** A bucket name alone. */
const bucket: TargetShape = {
  catalogueType: 'bucket',
  nameHint: 'bucket name',
  regional: false,
  meaning: { kind: 'segment', template: 'arn:{partition}:s3:::{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name) ?? (name.includes('/') ? 'a bucket name has no `/`; for objects write `objects bucket/prefix/*`' : bucketError(name));
    return error ? { error } : { arn: s3Arn(ctx, name) };
  },
};

/** `arn:aws:s3:::bucket/reports/*` → the bucket ARN and the key part (`reports/*`). */
function splitObjectArn(arn: string): { bucketArn: string; key: string } {
  const start = arn.indexOf(':::') + 3;
  const slash = arn.indexOf('/', start);
  return slash < 0 ? { bucketArn: arn, key: '*' } : { bucketArn: arn.slice(0, slash), key: arn.slice(slash + 1) };
}

const bucketOf = (t: TargetArn): readonly string[] => [splitObjectArn(t.arn).bucketArn];

/**
 * Listing with prefix P shows every key that starts with P, so it stays inside the target only when
 * the key glob ends in `*` (`reports/*`: any P it matches extends only to keys it matches). A single
 * key (`data.csv`) or a glob with a tail (`exports/*.csv`) gets no listing: any prefix it allows
 * would also show keys the target does not name.
 */
const listableBucketOf = (t: TargetArn): readonly string[] => (splitObjectArn(t.arn).key.endsWith('*') ? bucketOf(t) : []);
const objectsOf = (t: TargetArn): readonly string[] => [`${t.arn}/*`];

/**
 * Listing is allowed only for keys under the target's own prefix (CDK issues #24412, #34545).
 * A target of every key (`bucket/*`) may list the whole bucket, which S3 asks without a prefix
 * (the key is then absent and a `StringLike` on it would refuse the request).
 */
const onlyThePrefix = (t: TargetArn): readonly ConditionClause[] => {
  const key = splitObjectArn(t.arn).key;
  return /^\*+$/.test(key) ? [] : [{ operator: 'StringLike', key: 's3:prefix', values: [key] }];
};

// GetObjectTagging is left out: tags are metadata a reader of the content does not need, and
// `s3:GetObject*` in CDK pulls in tagging, ACL and attribute reads this way.
const READ_OBJECTS = ['s3:GetObject', 's3:GetObjectVersion'];

// Never PutObjectAcl: it lets the writer make an object public (CDK dropped it behind a flag).
// PutObjectTagging is in because an upload that carries tags needs it, on the same objects.
// Not ListMultipartUploadParts (resuming uploads) nor legal hold / retention (compliance controls).
const WRITE_OBJECTS = ['s3:AbortMultipartUpload', 's3:PutObject', 's3:PutObjectTagging'];

// GetObjectVersion reads any version by id: in a versioned bucket that includes what was overwritten
// or deleted (a delete adds a marker), which a reader of "the objects" may not expect.
const VERSIONS_NOTE = 'GetObjectVersion reads earlier versions too: in a versioned bucket, what was overwritten or deleted stays readable by id';

export const s3Patterns: readonly Pattern[] = [
  {
    id: 's3.read.objects',
    service: 's3',
    verb: 'read',
    resourceType: 'objects',
    doc: 'read objects under a prefix, and list only the keys under it (no listing for a single key or a glob with a tail)',
    target: objects,
    parts: [
      { actions: READ_OBJECTS, on: itself },
      { actions: ['s3:ListBucket'], on: listableBucketOf, conditions: onlyThePrefix },
      // The bucket's region, which Athena and cross-region SDK clients ask before reading; it says
      // nothing about the keys, so every target may ask it.
      { actions: ['s3:GetBucketLocation'], on: bucketOf },
    ],
    versusCdk:
      '`grantRead(prefix)` lists the whole bucket and reads with `GetObject*`; iamc lists with an `s3:prefix` condition and names the two read actions',
    note: VERSIONS_NOTE,
  },
  {
    id: 's3.write.objects',
    service: 's3',
    verb: 'write',
    resourceType: 'objects',
    doc: 'put objects under a prefix (no ACLs, no deletes)',
    target: objects,
    parts: [{ actions: WRITE_OBJECTS, on: itself }],
    versusCdk:
      'like `grantPut` without `PutObjectAcl`, legal hold or retention; `Abort*` is expanded to AbortMultipartUpload',
  },
  {
    id: 's3.read.bucket',
    service: 's3',
    verb: 'read',
    resourceType: 'bucket',
    doc: 'list a bucket and read all its objects',
    target: bucket,
    parts: [
      { actions: ['s3:GetBucketLocation', 's3:ListBucket'], on: itself },
      { actions: READ_OBJECTS, on: objectsOf },
    ],
    versusCdk: '`grantRead` grants `GetBucket*` and `List*`; iamc names ListBucket and GetBucketLocation',
    note: VERSIONS_NOTE,
  },
  {
    id: 's3.write.bucket',
    service: 's3',
    verb: 'write',
    resourceType: 'bucket',
    doc: 'put any object of a bucket (no ACLs, no deletes)',
    target: bucket,
    parts: [{ actions: WRITE_OBJECTS, on: objectsOf }],
    versusCdk:
      '`grantWrite` adds `DeleteObject*` (versions too) and reads of the bucket; iamc grants neither: deleting is `delete s3 objects "BUCKET/*"`',
  },
  {
    id: 's3.delete.objects',
    service: 's3',
    verb: 'delete',
    resourceType: 'objects',
    doc: 'delete objects under a prefix (the current version; never old versions)',
    target: objects,
    parts: [{ actions: ['s3:DeleteObject'], on: itself }],
    versusCdk:
      '`grantDelete` grants `DeleteObject*`, which includes DeleteObjectVersion and the tagging deletes; iamc deletes current objects only',
    note:
      'in a versioned bucket DeleteObject adds a delete marker and the data stays recoverable; destroying versions (DeleteObjectVersion) is a separate, more destructive intent this pattern never grants',
  },
];
