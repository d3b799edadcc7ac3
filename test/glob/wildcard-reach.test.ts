/**
 * Wildcard-ness by containment: every spelling of "all of them" is seen, and names that pick some
 * resources are not taken for it. The `because` gate and the `*` lints rest on this table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arnShapeProblem, wildcardReach, type ResourceTypeRef } from '../../compiler/glob/wildcard-reach.js';

const ACCOUNT = '123456789012';
const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 300);
const role = { service: 'iam', type: 'role' };
const object = { service: 's3', type: 'object' };

/** [pattern, the resource type judged against (or every type of the ARN's service), what it reaches]. */
const REACHING: [string, ResourceTypeRef | undefined, string][] = [
  ['*', undefined, 'every resource of every service'],
  ['**', undefined, 'every resource of every service'],
  ['?*', undefined, 'every resource of every service'],
  ['arn:*', undefined, 'every resource of every service'],
  ['arn:aws:s3:::*/*', undefined, 'every object'],
  ['arn:aws:s3:::*', undefined, 'every s3 resource'],
  ['arn:aws:s3:::*', object, 'every object'],
  [`arn:aws:kms:eu-west-1:${ACCOUNT}:key/*`, undefined, 'every key'],
  [`arn:aws:iam::${ACCOUNT}:role/?*`, undefined, 'every role'],
  [`arn:aws:iam::${ACCOUNT}:role/*`, role, 'every role'],
  [`arn:aws:iam::${ACCOUNT}:*`, role, 'every role'],
  ['arn:aws:iam::${aws:PrincipalAccount}:role/*', role, 'every role'],
  ['arn:aws:iam::*:role/x', role, 'roles in any account'],
  ['arn:aws:iam::**:role/x', role, 'roles in any account'],
  ['arn:aws:iam::????????????:role/x', role, 'roles in any account'],
  ['arn:aws:iam::?*:role/x', undefined, 'iam resources in any account'],
  // IAM's `*` matches `:`, so a `*` in the region may also run over the account after it.
  [`arn:aws:sqs:*:${ACCOUNT}:orders`, undefined, 'sqs resources in any region, any account'],
  [`arn:aws:sqs:?*:${ACCOUNT}:orders`, undefined, 'sqs resources in any region, any account'],
  [`arn:aws:sqs:eu-west-?:${ACCOUNT}:orders`, undefined, 'sqs resources in any region'],
  ['arn:aws:dynamodb:*:*:*', undefined, 'every dynamodb resource in any region, any account'],
  [`arn:aws:ec2:eu-west-1:${ACCOUNT}:*`, undefined, 'every ec2 resource'],
  [`arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/*`, undefined, 'every table'],
  ['arn:a?s:s3:::orders', undefined, 's3 resources in any partition'],
  [`arn:aws:s?s:eu-west-1:${ACCOUNT}:orders`, undefined, 'resources in any service'],
  [`arn:aws:*:eu-west-1:${ACCOUNT}:orders`, undefined, 'resources in any service, any region, any account'],
  [`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:*`, undefined, 'every function'],
  [`arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc/*`, undefined, 'every vpc'],
  // S3 ARNs carry no account: a leading `*` takes in every bucket name, so buckets of every account
  // (a write lands in another account's bucket), and runs over the `/` into the key.
  ['arn:aws:s3:::*/reports/*', undefined, 's3 resources in any account'],
  ['arn:aws:s3:::*.csv', object, 'objects in any account'],
  ['arn:aws:s3:::?*/x', undefined, 's3 resources in any account'],
  ['arn:aws:s3:::*a/*', undefined, 's3 resources in any account'],
];

/** Patterns that pick some resources of one account, region and partition. */
const NAMING: [string, ResourceTypeRef | undefined][] = [
  ['arn:aws:s3:::bucket/*', undefined],
  ['arn:aws:s3:::bucket', undefined],
  ['arn:aws:s3:::tenant-*/public/*', object],
  ['arn:aws:s3:::a*/x', undefined],
  ['arn:aws:s3:::tenant-?/*.csv', object],
  [`arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, undefined],
  [`arn:aws:iam::${ACCOUNT}:role/app-x`, role],
  [`arn:aws:iam::${ACCOUNT}:role/app-*`, role],
  [`arn:aws:iam::${ACCOUNT}:role/team/*`, role],
  ['arn:aws:iam::${aws:PrincipalAccount}:policy/developer-boundary', undefined],
  [`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/app:*`, undefined],
  [`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app/db-??????`, undefined],
  [`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:processor-*`, undefined],
  [`arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders`, undefined],
];

describe('wildcardReach', () => {
  it.each(REACHING)('sees that `%s` reaches everything of its kind', (pattern, type, what) => {
    expect(wildcardReach(pattern, type)?.what).toBe(what);
  });

  it.each(NAMING)('does not take `%s` for a wildcard', (pattern, type) => {
    expect(wildcardReach(pattern, type)).toBeUndefined();
  });

  it('says which fields a pattern leaves open', () => {
    expect(wildcardReach('arn:aws:iam::*:role/*', role)?.open).toEqual(['account']);
    expect(wildcardReach('arn:a?s:sqs:eu-west-?:????????????:q')?.open).toEqual(['partition', 'region', 'account']);
    expect(wildcardReach('arn:*:sqs:eu-west-1:123456789012:q')?.open).toEqual(['partition', 'service', 'region', 'account']);
    // Role ARNs have no region: a `?` there reaches no further.
    expect(wildcardReach(`arn:aws:iam:?:${ACCOUNT}:role/app`, role)).toBeUndefined();
    // A `*` there may run over the account (a role path may hold `:`), so it reaches other accounts.
    expect(wildcardReach(`arn:aws:iam:*:${ACCOUNT}:role/app`, role)?.open).toEqual(['account']);
  });
});

/**
 * Patterns over real ARN shapes, reaching or not, for the law below to widen. Those with a policy
 * variable are left out: cutting `${aws:PrincipalAccount}` in two is not a wider spelling of it.
 */
const SEEDS = [...REACHING.map(([p, t]) => [p, t] as const), ...NAMING.map(([p, t]) => [p, t] as const)].filter(([p]) => !p.includes('${'));

describe('wildcardReach laws', () => {
  // Replacing any run of a pattern by `*` can only widen what it matches; a gate that a narrower
  // spelling trips must trip on the wider one too, or a one-word change walks around it.
  it('a pattern that reaches everything of its kind still does once any part of it becomes `*`', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(), ([pattern, type], a, b) => {
        const from = a % (pattern.length + 1);
        const to = from + (b % (pattern.length - from + 1));
        const wider = `${pattern.slice(0, from)}*${pattern.slice(to)}`;
        if (wildcardReach(pattern, type) !== undefined) expect(wildcardReach(wider, type), wider).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('sees a `*` that runs over the `arn` field, whose other fields it leaves open', () => {
    expect(wildcardReach('*:aws:s3:::*')?.open).toContain('partition');
    expect(wildcardReach('*aws:s3:::orders')?.open).toContain('partition');
    expect(wildcardReach('**:s3:::orders')?.open).toContain('partition');
  });
});

describe('arnShapeProblem', () => {
  it.each(['arn:aws:s3', `arn:aws:iam::${ACCOUNT}`, 'arn:aws:iam::123', 'bucket/key', 'arn::s3:::b', 'arn:aws::::x', `arn:aws:iam::${ACCOUNT}:`])('refuses the truncated or malformed ARN `%s`', (text) => {
    expect(arnShapeProblem(text)).toBeDefined();
  });

  it.each(['*', '**', 'arn:aws:s3:::bucket', `arn:aws:iam::${ACCOUNT}:role/app`, 'arn:aws:iam::${aws:PrincipalAccount}:policy/b', 'arn:aws:dynamodb:*:*:*'])('accepts `%s`', (text) => {
    expect(arnShapeProblem(text)).toBeUndefined();
  });
});
