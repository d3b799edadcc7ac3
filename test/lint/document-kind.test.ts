/** The kinds a policy JSON could be: an inference may only add rules, so every possible kind is listed. */
import { describe, expect, it } from 'vitest';
import { possibleKinds } from '../../compiler/lint/document-kind.js';
import { readPolicyJson } from '../../compiler/lint/read-policy-json.js';

const kinds = (...statements: object[]) => possibleKinds(readPolicyJson('p.json', JSON.stringify({ Version: '2012-10-17', Statement: statements })).statements);
const withPrincipal = (Action: string) => ({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/x' }, Action, Resource: '*' });

describe('possibleKinds', () => {
  it('judges a document without a principal as an identity policy, whatever its Denies or name say', () => {
    expect(kinds({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' })).toEqual(['identity']);
  });

  it('takes every assume-role spelling for a trust, and `*` for a trust and a resource policy both', () => {
    for (const action of ['sts:AssumeRole', 'sts:Assume*', 'sts:AssumeRole*', 'sts:*', 'sts:AssumeRoleWithWebIdentity']) expect(kinds(withPrincipal(action)), action).toEqual(['trust']);
    expect(kinds(withPrincipal('*'))).toEqual(['trust', 'resource']);
    expect(kinds(withPrincipal('s3:GetObject'))).toEqual(['resource']);
  });

  it('never leaves a document with no kind (and so no rules): a principal with only other `sts:` actions is a trust', () => {
    expect(kinds(withPrincipal('sts:TagSession'))).toEqual(['trust']);
  });

  it('judges the principal-less statements of a mixed document as grants too', () => {
    expect(kinds(withPrincipal('s3:GetObject'), { Effect: 'Allow', Action: 's3:*', Resource: '*' })).toEqual(['resource', 'identity']);
  });
});
