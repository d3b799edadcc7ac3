/** Grant comparison by containment: what a change does to access, for Allow, Deny and trust. */
import { describe, expect, it } from 'vitest';
import { ROLE_FIELDS, type Considered } from '../../compiler/diff/from-program.js';
import { covers, diffGrants } from '../../compiler/diff/grants.js';
import type { Grant } from '../../compiler/diff/model.js';
import type { CompiledRole } from '../../compiler/ir/policy.js';

const grant = (effect: 'Allow' | 'Deny', action: string, target: string, conditions: Grant['conditions'] = []): Grant => ({ effect, action, target, conditions, origins: [] });
const exempt = (...roles: string[]) => [{ operator: 'ArnNotLike', key: 'aws:PrincipalArn', values: roles }];

describe('diffGrants', () => {
  it('sees a Deny that now exempts more principals as narrowed, and as a widening of access', () => {
    const before = grant('Deny', 'organizations:LeaveOrganization', '*', exempt('arn:aws:iam::*:role/break-glass'));
    const after = grant('Deny', 'organizations:LeaveOrganization', '*', exempt('arn:aws:iam::*:role/break-glass', 'arn:aws:iam::*:role/ops'));
    expect(diffGrants([before], [after], 'resource')).toMatchObject([{ change: 'narrowed', widens: true }]);
    expect(diffGrants([after], [before], 'resource')).toMatchObject([{ change: 'widened', widens: false }]);
  });

  it('does not call an added Allow a widening when a BASE Allow still covers it', () => {
    const broad = grant('Allow', 's3:GetObject', 'arn:aws:s3:::assets/*');
    const narrow = grant('Allow', 's3:GetObject', 'arn:aws:s3:::assets/reports/*');
    expect(diffGrants([broad], [broad, narrow], 'resource')).toEqual([{ change: 'added', after: narrow, widens: false }]);
    const elsewhere = grant('Allow', 's3:GetObject', 'arn:aws:s3:::payroll/*');
    expect(diffGrants([broad], [broad, elsewhere], 'resource')).toEqual([{ change: 'added', after: elsewhere, widens: true }]);
  });

  it('does not call a removed Deny harmless when nothing in HEAD still denies it', () => {
    const deny = grant('Deny', 'cloudtrail:StopLogging', '*');
    expect(diffGrants([deny], [], 'resource')).toEqual([{ change: 'removed', before: deny, widens: true }]);
    const wider = grant('Deny', 'cloudtrail:*', '*');
    expect(diffGrants([deny], [wider], 'resource')).toMatchObject([{ change: 'widened', widens: false }]);
  });

  it('reads a NotAction list as one grant: an exception added to it narrows the Deny and widens access', () => {
    const before = grant('Deny', 'not [iam:*, organizations:*]', '*');
    const after = grant('Deny', 'not [iam:*, organizations:*, s3:*]', '*');
    expect(covers(before, after, 'resource')).toBe(true);
    expect(covers(after, before, 'resource')).toBe(false);
    expect(diffGrants([before], [after], 'resource')).toMatchObject([{ change: 'narrowed', widens: true }]);
    expect(diffGrants([after], [before], 'resource')).toMatchObject([{ change: 'widened', widens: false }]);
  });

  it('lets a NotAction list contain a literal it does not except, and never a glob or another plain action', () => {
    const notIam = grant('Deny', 'not [iam:*]', '*');
    expect(covers(notIam, grant('Deny', 's3:getobject', '*'), 'resource')).toBe(true);
    expect(covers(notIam, grant('Deny', 'iam:passrole', '*'), 'resource')).toBe(false);
    expect(covers(notIam, grant('Deny', 's3:*', '*'), 'resource')).toBe(false);
    expect(covers(grant('Allow', 's3:*', '*'), grant('Allow', 'not [s3:getobject]', '*'), 'resource')).toBe(false);
    expect(covers(grant('Deny', '*', 'not [arn:aws:s3:::a/*]'), grant('Deny', '*', 'not [arn:aws:s3:::a/*, arn:aws:s3:::b/*]'), 'resource')).toBe(true);
  });
});

describe('diffGrants on globs too costly to compare', () => {
  const slow = `arn:aws:sqs:eu-west-1:123456789012:*a${'?'.repeat(16)}`;

  it('answers at once on a resource glob with many wildcards, and marks the change as one that may widen', () => {
    const before = grant('Allow', 'sqs:SendMessage', slow);
    const after = grant('Allow', 'sqs:SendMessage', `${slow}x*`);
    const changes = diffGrants([before], [after], 'resource');
    expect(changes.find((c) => c.after === after)).toMatchObject({ widens: true });
  });

  it('answers at once on a condition value with many wildcards', () => {
    const cond = (v: string) => [{ operator: 'StringLike', key: 'aws:PrincipalTag/team', values: [v] }];
    const before = grant('Allow', 'sqs:SendMessage', '*', cond(`*a${'?'.repeat(16)}`));
    const after = grant('Allow', 'sqs:SendMessage', '*', cond(`*a${'?'.repeat(16)}x`));
    expect(diffGrants([before], [after], 'resource')).toMatchObject([{ change: 'changed', widens: true }]);
  });

  it('still compares globs with a few wildcards exactly', () => {
    const secret = (name: string) => grant('Allow', 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}-??????`);
    expect(diffGrants([secret('app/prod/db')], [secret('app/prod/*')], 'resource')).toMatchObject([{ change: 'widened', widens: true }]);
  });
});

describe('covers, for trust principals', () => {
  it('lets an account admit its own roles, not another account\'s, and treats no other principal as a glob', () => {
    const role = grant('Allow', 'sts:AssumeRole', 'AWS arn:aws:iam::111111111111:role/reader');
    expect(covers(grant('Allow', 'sts:AssumeRole', 'AWS arn:aws:iam::111111111111:root'), role, 'principal')).toBe(true);
    expect(covers(grant('Allow', 'sts:AssumeRole', 'AWS 111111111111'), role, 'principal')).toBe(true);
    expect(covers(grant('Allow', 'sts:AssumeRole', 'AWS arn:aws:iam::222222222222:root'), role, 'principal')).toBe(false);
    expect(covers(grant('Allow', 'sts:AssumeRole', 'AWS *'), role, 'principal')).toBe(true);
    expect(covers(grant('Allow', 'sts:AssumeRole', 'AWS arn:aws:iam::111111111111:role/*'), role, 'principal')).toBe(false);
    expect(covers(grant('Allow', 'sts:AssumeRole', 'Service arn:aws:iam::111111111111:root'), role, 'principal')).toBe(false);
  });
});

describe('what diff considers', () => {
  it('fails the typecheck when a compiled construct gains a field diff has not weighed', () => {
    // @ts-expect-error `sessionTags` is not weighed in ROLE_FIELDS
    const widened: Considered<CompiledRole & { sessionTags: readonly string[] }> = ROLE_FIELDS;
    expect(widened).toBe(ROLE_FIELDS);
  });
});
