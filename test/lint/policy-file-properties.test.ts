/** Laws of `lintPolicyFile` over generated policies built from the seed's own actions and ARNs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';

const ACTIONS = ['ssm:GetParameter*', 'ssm:DescribeParameters', 's3:*', 'iam:PassRole', 'ec2:RunInstances', 'sqs:ReceiveMessage', 'kms:Decrypt', 'iam:AttachRolePolicy', '*', 'sqs:SendMesage', 'sts:AssumeRole'];
const RESOURCES = ['*', 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/prod/*', 'arn:aws:iam::123456789012:role/ecs-app', 'arn:aws:sqs:eu-west-1:123456789012:q'];
const CONDITIONS = [
  { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
  { StringNotLike: { 'iam:PermissionsBoundary': 'arn:aws:iam::*:policy/b' } },
  { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/*' } },
  { Bool: { 'aws:MultiFactorAuthPresent': true } },
];
const PRINCIPALS = ['*', { Service: 'lambda.amazonaws.com' }, { AWS: '111111111111' }, { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' }];

const oneOrMany = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 3 }));
const statement = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: oneOrMany(fc.constantFrom(...ACTIONS)),
    Resource: oneOrMany(fc.constantFrom(...RESOURCES)),
    Principal: fc.constantFrom(...PRINCIPALS),
    Condition: fc.constantFrom(...CONDITIONS),
  },
  { requiredKeys: ['Effect', 'Action'] },
);
const policy = fc.record({ Version: fc.constant('2012-10-17'), Statement: fc.array(statement, { minLength: 1, maxLength: 4 }) });

describe('lintPolicyFile laws', () => {
  it('every finding\'s span is exactly a JSON value or key of the document', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const text = JSON.stringify(p, null, 2);
        for (const d of lintPolicyFile('p.json', text)) {
          const slice = text.slice(d.span.offset, d.span.endOffset);
          expect(() => JSON.parse(slice), `${d.code} ${slice}`).not.toThrow();
          const lines = text.split('\n');
          expect(lines[d.span.line - 1]!.slice(d.span.column - 1).startsWith(slice.split('\n')[0]!), d.code).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('findings do not depend on layout: compact and indented JSON give the same codes and messages', () => {
    fc.assert(
      fc.property(policy, (p) => {
        const key = (text: string) => lintPolicyFile('p.json', text).map((d) => `${d.code} ${d.message}`).sort();
        expect(key(JSON.stringify(p))).toEqual(key(JSON.stringify(p, null, 4)));
      }),
      { numRuns: 200 },
    );
  });
});
