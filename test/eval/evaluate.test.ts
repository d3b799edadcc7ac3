import { describe, expect, it } from 'vitest';
import { conditionMatches, parseOperator } from '../../compiler/eval/conditions.js';
import { evaluate, resourcePatternMatches } from '../../compiler/eval/evaluate.js';
import { cidrContains } from '../../compiler/eval/ip.js';
import type { PolicyDocument } from '../../compiler/ir/policy.js';
import { fileSpan } from '../../compiler/diagnostics/span.js';

const QUEUE = 'arn:aws:sqs:eu-west-1:123456789012:orders';
const ROLE = 'arn:aws:iam::123456789012:role/app';
const allow = (Action: string | string[], Resource: string | string[], Condition?: object) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) }],
});
const deny = (Action: string | string[], Resource: string | string[]) => ({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action, Resource } });
const request = { principal: ROLE, action: 'sqs:ReceiveMessage', resource: QUEUE };

describe('evaluation order', () => {
  it('allows what the identity policy allows and denies the rest implicitly', () => {
    expect(evaluate({ identity: [allow('sqs:ReceiveMessage', QUEUE)] }, request).decision).toBe('Allowed');
    expect(evaluate({ identity: [allow('sqs:SendMessage', QUEUE)] }, request)).toMatchObject({ decision: 'ImplicitlyDenied', decidedBy: 'nothing-allows' });
  });

  it('an explicit deny anywhere wins over every allow', () => {
    for (const where of ['identity', 'scp', 'boundary', 'session'] as const) {
      const policies = {
        identity: [allow('sqs:*', '*'), ...(where === 'identity' ? [deny('sqs:Receive*', '*')] : [])],
        scps: [[allow('*', '*'), ...(where === 'scp' ? [deny('sqs:Receive*', '*')] : [])]],
        boundary: [allow('*', '*'), ...(where === 'boundary' ? [deny('sqs:Receive*', '*')] : [])],
        session: where === 'session' ? { Statement: [...allow('*', '*').Statement, ...[deny('sqs:Receive*', '*').Statement]] } : allow('*', '*'),
      };
      expect(evaluate(policies, request), where).toMatchObject({ decision: 'ExplicitlyDenied', decidedBy: 'deny' });
    }
  });

  it('every SCP level, the boundary and the session policy must also allow', () => {
    const identity = [allow('sqs:ReceiveMessage', QUEUE)];
    expect(evaluate({ identity, scps: [[allow('*', '*')], [allow('s3:*', '*')]] }, request).decidedBy).toBe('scp');
    expect(evaluate({ identity, boundary: [allow('s3:*', '*')] }, request).decidedBy).toBe('boundary');
    expect(evaluate({ identity, session: allow('s3:*', '*') }, request).decidedBy).toBe('session');
    expect(evaluate({ identity, scps: [[allow('*', '*')]], boundary: [allow('sqs:*', '*')], session: allow('sqs:Receive*', QUEUE) }, request).decision).toBe('Allowed');
  });

  it('a resource policy naming the caller suffices in its own account, naming the account does not', () => {
    const naming = (principal: string) => ({ Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sqs:ReceiveMessage', Resource: QUEUE }] });
    expect(evaluate({ identity: [], resource: naming(ROLE) }, { ...request, resourceAccount: '123456789012' })).toMatchObject({ decision: 'Allowed', decidedBy: 'resource' });
    expect(evaluate({ identity: [], resource: naming('arn:aws:iam::123456789012:root') }, { ...request, resourceAccount: '123456789012' }).decision).toBe('ImplicitlyDenied');
    // Across accounts both sides must allow.
    const other = { ...request, principal: 'arn:aws:iam::111111111111:role/app', resourceAccount: '123456789012' };
    expect(evaluate({ identity: [], resource: naming(other.principal) }, other).decision).toBe('ImplicitlyDenied');
    expect(evaluate({ identity: [allow('sqs:ReceiveMessage', QUEUE)], resource: naming(other.principal) }, other).decision).toBe('Allowed');
  });

  it('reads the policy IR and IAM JSON alike', () => {
    const ir: PolicyDocument = {
      statements: [{ sid: 'Consume', effect: 'Allow', actions: ['sqs:ReceiveMessage'], resources: [QUEUE], conditions: [{ operator: 'StringEquals', key: 'aws:SourceVpce', values: ['vpce-1'] }], origins: [fileSpan('a.iam')] }],
    };
    expect(evaluate({ identity: [ir] }, { ...request, context: { 'aws:SourceVpce': 'vpce-1' } }).decision).toBe('Allowed');
    expect(evaluate({ identity: [ir] }, { ...request, context: { 'aws:SourceVpce': 'vpce-2' } }).decision).toBe('ImplicitlyDenied');
  });

  it('NotAction and NotResource invert the match', () => {
    const p = { Statement: [{ Effect: 'Allow', NotAction: 'sqs:Delete*', NotResource: 'arn:aws:sqs:*:*:secret-*' }] };
    expect(evaluate({ identity: [p] }, request).decision).toBe('Allowed');
    expect(evaluate({ identity: [p] }, { ...request, action: 'sqs:DeleteQueue' }).decision).toBe('ImplicitlyDenied');
    expect(evaluate({ identity: [p] }, { ...request, resource: 'arn:aws:sqs:eu-west-1:1:secret-a' }).decision).toBe('ImplicitlyDenied');
  });
});

describe('resource patterns', () => {
  it.each([
    ['arn:aws:sqs:*:123456789012:orders', QUEUE, true],
    ['arn:aws:sqs:eu-west-1:123456789012:Orders', QUEUE, false],
    ['arn:aws:SQS:eu-west-1:123456789012:orders', QUEUE, true],
    ['arn:aws:sqs:*', QUEUE, true],
    ['arn:aws:sqs', QUEUE, false],
    ['arn:aws:ssm:eu-west-1:1:parameter/app/*', 'arn:aws:ssm:eu-west-1:1:parameter/app/x', true],
    ['arn:aws:ssm:eu-west-1:1:*/app/*', 'arn:aws:ssm:eu-west-1:1:parameter/app/x', false],
    ['arn:aws:ssm:eu-west-1:1:param*', 'arn:aws:ssm:eu-west-1:1:parameter/app/x', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket', false],
    ['arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/fn:*', 'arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/fn:log-stream:x', true],
  ])('%s names %s: %s', (pattern, resource, expected) => {
    expect(resourcePatternMatches(pattern, resource)).toBe(expected);
  });
});

describe('conditions', () => {
  const c = (operator: string, key: string, values: string[]) => ({ operator, key, values });

  it('parses set operators and IfExists', () => {
    expect(parseOperator('ForAnyValue:StringLikeIfExists')).toEqual({ set: 'ForAnyValue', base: 'StringLike', ifExists: true });
    expect(parseOperator('Bool')).toEqual({ base: 'Bool', ifExists: false });
  });

  it('a missing key fails positive operators and passes negated and IfExists ones', () => {
    expect(conditionMatches(c('StringEquals', 'aws:SourceVpce', ['v']), {})).toBe(false);
    expect(conditionMatches(c('StringNotEquals', 'aws:SourceVpce', ['v']), {})).toBe(true);
    expect(conditionMatches(c('StringEqualsIfExists', 'aws:SourceVpce', ['v']), {})).toBe(true);
    expect(conditionMatches(c('Null', 'aws:SourceVpce', ['true']), {})).toBe(true);
    expect(conditionMatches(c('Null', 'aws:SourceVpce', ['false']), {})).toBe(false);
  });

  it('ForAllValues passes when the key is missing — why OIDC trusts must never use it', () => {
    expect(conditionMatches(c('ForAllValues:StringEquals', 'token.actions.githubusercontent.com:sub', ['repo:a/b:ref:refs/heads/main']), {})).toBe(true);
    expect(conditionMatches(c('ForAnyValue:StringEquals', 'aws:TagKeys', ['env']), {})).toBe(false);
    expect(conditionMatches(c('ForAllValues:StringEquals', 'aws:TagKeys', ['env', 'team']), { 'aws:TagKeys': ['env', 'owner'] })).toBe(false);
    expect(conditionMatches(c('ForAnyValue:StringEquals', 'aws:TagKeys', ['env', 'team']), { 'aws:TagKeys': ['env', 'owner'] })).toBe(true);
  });

  it('several values are alternatives; keys compare without case', () => {
    expect(conditionMatches(c('StringEquals', 'aws:SourceVpce', ['a', 'b']), { 'aws:sourcevpce': 'b' })).toBe(true);
    expect(conditionMatches(c('Bool', 'aws:MultiFactorAuthPresent', ['true']), { 'aws:MultiFactorAuthPresent': 'TRUE' })).toBe(true);
    expect(conditionMatches(c('ArnLike', 'aws:SourceArn', ['arn:aws:lambda:*:1:function:processor-*']), { 'aws:SourceArn': 'arn:aws:lambda:eu-west-1:1:function:processor-a' })).toBe(true);
    expect(conditionMatches(c('ArnLike', 'aws:SourceArn', ['arn:aws:lambda:*:1:function:processor-*']), { 'aws:SourceArn': 'arn:aws:lambda:eu-west-1:2:function:processor-a' })).toBe(false);
  });

  it('an operator it does not know never matches', () => {
    expect(conditionMatches(c('StringMaybe', 'aws:SourceVpce', ['v']), { 'aws:SourceVpce': 'v' })).toBe(false);
  });
});

describe('CIDR', () => {
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.1.2.3', '10.1.2.3', true],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['2001:db8::/32', '2001:db8:1::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['10.0.0.0/8', '2001:db8::1', false],
    ['10.0.0.0/33', '10.0.0.1', false],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    expect(cidrContains(cidr, ip)).toBe(expected);
  });
});
