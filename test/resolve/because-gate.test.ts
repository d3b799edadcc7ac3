/**
 * The `because` gate (IAM2112) asks whether a target reaches every resource of its type, or any
 * account, region or partition, by containment: a one-word change of spelling cannot walk around
 * it. Truncated and malformed ARNs are refused as not ARNs (IAM2111).
 */
import { describe, expect, it } from 'vitest';
import { codes, compileText } from '../helpers/compile.js';

const ACCOUNT = '123456789012';

function gate(grant: string): string[] {
  const text = `account prod = ${ACCOUNT}\nregion eu-west-1\nrole r for ec2 in prod {\n  ${grant}\n}\n`;
  return codes(compileText({ 'r.iam': text })).filter((c) => c === 'IAM2111' || c === 'IAM2112');
}

/** Grants that reach everything of a kind, each spelled the way a one-word change would spell it. */
const WIDENING = [
  `decrypt kms key "arn:aws:kms:eu-west-1:${ACCOUNT}:key/*"`,
  'read s3 objects "arn:aws:s3:::*/*"',
  'read s3 objects "*/*"',
  'read s3 bucket "*"',
  'read s3 bucket "?*"',
  'read s3 bucket "**"',
  `pass iam role "arn:aws:iam::${ACCOUNT}:role/?*" to ecs-tasks`,
  'pass iam role "arn:aws:iam::*:role/app" to ecs-tasks',
  'pass iam role "arn:aws:iam::**:role/app" to ecs-tasks',
  `send sqs queue "arn:aws:sqs:?*:${ACCOUNT}:orders"`,
  `send sqs queue "arn:aws:sqs:*:${ACCOUNT}:orders"`,
  'allow "s3:DeleteObject" on "arn:aws:s3:::*"',
  'allow "s3:DeleteObject" on "arn:aws:s3:::*/*"',
  'allow "dynamodb:GetItem" on "arn:aws:dynamodb:*:*:*"',
  `allow "kms:Decrypt" on "arn:aws:kms:eu-west-1:${ACCOUNT}:key/*"`,
  'allow "iam:PassRole" on "arn:aws:iam::?*:role/app"',
  'allow "iam:GetRole" on "arn:*:iam::123456789012:role/app"',
  'allow "sqs:SendMessage" on "?*"',
  'allow "sqs:SendMessage" on "**"',
  // S3 ARNs carry no account: a leading `*` is every bucket of every account, another's included.
  'allow "s3:PutObject" on "arn:aws:s3:::*/exports/*"',
  'allow "s3:PutObject" on "arn:aws:s3:::*.csv"',
  'allow "s3:GetObject" on "arn:aws:s3:::?*/x"',
];

/** Grants that name some resources of one account: no reason needed. */
const NAMING = [
  'read s3 objects "arn:aws:s3:::bucket/*"',
  'read s3 objects "bucket/*"',
  `pass iam role "arn:aws:iam::${ACCOUNT}:role/app-x" to ecs-tasks`,
  'pass iam role "app-x" to ecs-tasks',
  'allow "s3:DeleteObject" on "arn:aws:s3:::bucket/tmp/*"',
  'allow "s3:PutObject" on "arn:aws:s3:::tenant-*/exports/*"',
  `allow "kms:Decrypt" on "arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"`,
  `allow "dynamodb:GetItem" on "arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders"`,
];

describe('the `because` gate', () => {
  it.each(WIDENING)('refuses a wildcard spelled `%s` without a reason', (grant) => {
    expect(gate(grant)).toEqual(['IAM2112']);
  });

  it.each(WIDENING)('accepts `%s` with a reason', (grant) => {
    expect(gate(`${grant} because "the reviewer agreed"`)).toEqual([]);
  });

  it.each(NAMING)('asks no reason of `%s`, which names resources', (grant) => {
    expect(gate(grant)).toEqual([]);
  });

  it('names what the target reaches in the message', () => {
    const text = `account prod = ${ACCOUNT}\nregion eu-west-1\nrole r for ec2 in prod {\n  decrypt kms key "arn:aws:kms:eu-west-1:${ACCOUNT}:key/*"\n}\n`;
    const found = compileText({ 'r.iam': text }).diagnostics.find((d) => d.code === 'IAM2112');
    expect(found?.message).toContain('reaches every key');
  });

  it('reports a bucket glob that crosses a `/` once (IAM2130), not again as a wildcard wanting a reason', () => {
    const text = (grant: string) => `account prod = ${ACCOUNT}\nregion eu-west-1\nrole r for ec2 in prod {\n  ${grant}\n}\n`;
    const found = (grant: string) => codes(compileText({ 'r.iam': text(grant) })).filter((c) => c.startsWith('IAM21'));
    expect(found('write s3 bucket "*-exports"')).toEqual(['IAM2130']);
    expect(found('read s3 objects "?*x/a/*"')).toEqual(['IAM2130']);
    // Quiet on the gate's side: a wildcard the name means still asks for its reason.
    expect(found('write s3 bucket "*"')).toEqual(['IAM2112']);
  });
});

describe('targets that are not ARNs', () => {
  it.each(['allow "s3:GetObject" on "arn:aws:s3"', `allow "iam:GetRole" on "arn:aws:iam::${ACCOUNT}"`, 'allow "iam:GetRole" on "arn:aws:iam::123"', 'allow "dynamodb:GetItem" on "arn:aws:dynamodb:*"', 'read s3 bucket "arn:aws:s3"', 'read dynamodb table "arn:aws:dynamodb:*"'])(
    'refuses the truncated ARN in `%s` (IAM2111)',
    (grant) => {
      expect(gate(`${grant} because "a reason does not make it an ARN"`)).toEqual(['IAM2111']);
    },
  );
});

describe('empty reasons', () => {
  const compile = (body: string) => codes(compileText({ 'r.iam': `account prod = ${ACCOUNT}\nregion eu-west-1\n${body}\n` })).filter((c) => c === 'IAM2196' || c === 'IAM2112' || c === 'IAM5161');

  it.each([
    ['a grant', 'role r for ec2 in prod {\n  read s3 bucket "*" because ""\n}'],
    ['a grant, with spaces', 'role r for ec2 in prod {\n  read s3 bucket "*" because "   "\n}'],
    ['a grant, with only a zero-width space', 'role r for ec2 in prod {\n  read s3 bucket "*" because "\\u200b"\n}'],
    ['the escape hatch', 'role r for ec2 in prod {\n  allow "sqs:ListQueues" on "*" because ""\n}'],
    ['a Lambda trust in every function', 'role r for lambda "*" because "" in prod {\n  read s3 bucket "orders-bucket"\n}'],
    ['an admin managed policy', 'permission-set Dev {\n  managed-policy "arn:aws:iam::aws:policy/AdministratorAccess" because " "\n  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod]\n}'],
  ])('refuses an empty `because` on %s, which would pass the gate saying nothing (IAM2196)', (_, body) => {
    expect(compile(body)).toEqual(['IAM2196']);
  });

  it('accepts a reason with words in it', () => {
    expect(compile('role r for ec2 in prod {\n  read s3 bucket "*" because "the reviewer agreed"\n}')).toEqual([]);
  });
});
