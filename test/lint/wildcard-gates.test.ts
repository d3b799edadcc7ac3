/**
 * The review gates decided by meaning: every spelling of "every resource" raises the wildcard
 * lints, PassRole scope and escalation, in policy JSON and in intents alike; a boundary that lets a
 * bounded role change code running under another role is flagged; a reasoned `*` where AWS takes
 * an ARN names it; one grant's `because` covers only its own resources after merging.
 */
import { describe, expect, it } from 'vitest';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';
import { lintProgram } from '../../compiler/lint/lint-program.js';
import { compileForLint } from './compile-for-lint.js';

const ACCOUNT = '123456789012';
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const allow = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const passedTo = { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } };
const codesOf = (file: string, text: string) => lintPolicyFile(file, text).map((d) => d.code);

/** Intent findings as `CODE line`, after checking the other phases are clean. */
async function lintIntent(body: string): Promise<string[]> {
  const text = `account prod = ${ACCOUNT}\nregion eu-west-1\n${body}`;
  const compiled = await compileForLint([{ path: 'x.iam', text }]);
  expect(compiled.program, compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')).toBeDefined();
  return lintProgram(compiled.intent!, compiled.program!).map((d) => `${d.code} ${d.span.line}`);
}

describe('wildcard resources in policy JSON (IAM5106, IAM5107)', () => {
  it.each([
    ['dynamodb:DeleteItem', 'arn:aws:dynamodb:*:*:*', 'IAM5107'],
    ['dynamodb:DeleteItem', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/*`, 'IAM5107'],
    ['s3:DeleteObject', 'arn:aws:s3:::*', 'IAM5107'],
    ['s3:DeleteObject', 'arn:aws:s3:::*/*', 'IAM5107'],
    ['kms:DescribeKey', `arn:aws:kms:eu-west-1:${ACCOUNT}:key/*`, 'IAM5106'],
    ['sqs:ReceiveMessage', '?*', 'IAM5106'],
    ['sqs:ReceiveMessage', '**', 'IAM5106'],
    ['sqs:ReceiveMessage', `arn:aws:sqs:*:${ACCOUNT}:orders`, 'IAM5106'],
    // Every bucket of every account: S3 ARNs have no account to pin.
    ['s3:PutObject', 'arn:aws:s3:::*/exports/*', 'IAM5107'],
    ['s3:PutObject', 'arn:aws:s3:::*.csv', 'IAM5107'],
  ])('flags `%s` on `%s` as a wildcard resource', (action, resource, code) => {
    expect(codesOf('p.json', doc(allow(action, resource)))).toContain(code);
  });

  it.each([
    ['dynamodb:DeleteItem', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders`],
    ['s3:DeleteObject', 'arn:aws:s3:::bucket/tmp/*'],
    ['s3:PutObject', 'arn:aws:s3:::tenant-*/exports/*'],
    ['kms:Decrypt', `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
  ])('leaves `%s` on the named `%s` alone', (action, resource) => {
    expect(codesOf('p.json', doc(allow(action, resource)))).toEqual([]);
  });

  it('names the ARN AWS would take instead of `*`', () => {
    const [d] = lintPolicyFile('p.json', doc(allow('ec2:CreateVpc', '*')));
    expect(d?.code).toBe('IAM5107');
    expect(d?.suggestion).toContain('`arn:aws:ec2:REGION:ACCOUNT:vpc/*`');
  });
});

describe('resources that are not ARNs (IAM5130)', () => {
  it.each(['arn:aws:s3', `arn:aws:iam::${ACCOUNT}`, 'arn:aws:iam::123', 'orders-bucket'])('flags `%s` in JSON', (resource) => {
    expect(codesOf('p.json', doc(allow('s3:GetObject', resource)))).toContain('IAM5130');
  });

  it('leaves a `*` that runs over the missing fields to the wildcard rules', () => {
    expect(codesOf('p.json', doc(allow('dynamodb:DeleteItem', 'arn:aws:dynamodb:*')))).toEqual(['IAM5107']);
    expect(codesOf('p.json', doc(allow('s3:DeleteObject', '*:aws:s3:::*')))).toEqual(['IAM5107']);
  });

  it('leaves whole ARNs and `*` alone', () => {
    expect(codesOf('p.json', doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/key')))).toEqual([]);
    expect(codesOf('p.json', doc(allow('sqs:ListQueues', '*')))).toEqual([]);
  });
});

describe('PassRole scope (IAM5108) and escalation (IAM5122) by containment', () => {
  it.each([`arn:aws:iam::${ACCOUNT}:role/?*`, `arn:aws:iam::${ACCOUNT}:role/*`, `arn:aws:iam::${ACCOUNT}:*`, 'arn:aws:iam::*:role/app', 'arn:aws:iam::?*:role/app', '*'])(
    'flags PassRole on `%s` in JSON, and the escalation with lambda:CreateFunction',
    (resource) => {
      const text = doc(allow('iam:PassRole', resource, passedTo), allow('lambda:CreateFunction', `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f`));
      const found = codesOf('p.json', text);
      expect(found).toContain('IAM5108');
      expect(found).toContain('IAM5122');
    },
  );

  it.each([`arn:aws:iam::${ACCOUNT}:role/app-x`, `arn:aws:iam::${ACCOUNT}:role/app-*`])('leaves PassRole on the named `%s` alone', (resource) => {
    const text = doc(allow('iam:PassRole', resource, passedTo), allow('lambda:CreateFunction', `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f`));
    expect(codesOf('p.json', text)).toEqual([]);
  });

  it('flags `pass iam role` on `role/?*` in an intent, reasoned or not', async () => {
    const found = await lintIntent(`role r for lambda "f" in prod {\n  pass iam role "arn:aws:iam::${ACCOUNT}:role/?*" to lambda because "the deployer picks the role"\n  allow "lambda:CreateFunction" on "arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f"\n}\n`);
    expect(found).toContain('IAM5108 4');
    expect(found).toContain('IAM5122 5');
  });

  it('leaves `pass iam role` on a named role alone in an intent', async () => {
    const found = await lintIntent(`role r for lambda "f" in prod {\n  pass iam role "app-x" to lambda\n  allow "lambda:CreateFunction" on "arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f"\n}\n`);
    expect(found).toEqual([]);
  });
});

describe('boundaries that let code run under other roles (IAM5131)', () => {
  const cap = (...extra: object[]) => doc(allow(['s3:*', 'lambda:*'], '*'), ...extra);
  // A file name never decides the kind; a boundary is linted as one when the reviewer says so.
  const codesOf = (file: string, text: string) => lintPolicyFile(file, text, { type: 'boundary' }).map((d) => d.code);
  const lintBoundary = (file: string, text: string) => lintPolicyFile(file, text, { type: 'boundary' });

  it('flags a boundary allowing `lambda:*` on every function', () => {
    const found = lintBoundary('developer-boundary.json', cap());
    expect(found.map((d) => d.code)).toEqual(['IAM5131']);
    expect(found[0]!.message).toContain('lambda:UpdateFunctionCode');
  });

  it('is quiet when the boundary denies the code changes, or scopes them to the team\'s functions', () => {
    const deny = { Effect: 'Deny', Action: ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration'], Resource: '*' };
    expect(codesOf('developer-boundary.json', cap(deny))).toEqual([]);
    const scoped = doc(allow('s3:*', '*'), allow('lambda:*', `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:team-*`));
    expect(codesOf('developer-boundary.json', scoped)).toEqual([]);
  });

  it('does not count a conditioned Deny, which may not apply', () => {
    const deny = { Effect: 'Deny', Action: 'lambda:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } };
    expect(codesOf('developer-boundary.json', cap(deny))).toEqual(['IAM5131']);
  });

  it('flags `allow services [lambda]` in an intent and not once the boundary denies the changes', async () => {
    const boundary = (extra: string) => `boundary dev {\n  allow services [s3, lambda]\n${extra}}\nrole r for ec2 in prod bounded-by dev {\n  read s3 bucket "team-bucket"\n}\n`;
    expect(await lintIntent(boundary(''))).toEqual(['IAM5131 3']);
    expect(await lintIntent(boundary('  deny ["lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration"] on "*"\n'))).toEqual([]);
  });

  it('flags a boundary allowing `iam:*`, which lets a bounded role write policies on unbounded roles and users, and take their keys', async () => {
    const found = lintBoundary('developer-boundary.json', doc(allow(['s3:*', 'iam:*'], '*')));
    expect(found.map((d) => d.code)).toEqual(['IAM5131']);
    expect(found[0]!.message).toContain('iam:PutRolePolicy');
    for (const action of ['iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:CreateAccessKey', 'iam:PutUserPolicy']) {
      expect(codesOf('developer-boundary.json', doc(allow(['s3:*', action], '*'))), action).toEqual(['IAM5131']);
    }
    const iamDsl = `boundary dev {\n  allow services [s3, iam]\n}\nrole r for ec2 in prod bounded-by dev {\n  read s3 bucket "team-bucket"\n}\n`;
    expect(await lintIntent(iamDsl)).toEqual(['IAM5131 3']);
    // Quiet: IAM actions that read, or that write only the team's own roles.
    expect(codesOf('developer-boundary.json', doc(allow(['s3:*', 'iam:GetRole', 'iam:ListRoles'], '*')))).toEqual([]);
    expect(codesOf('developer-boundary.json', doc(allow('s3:*', '*'), allow('iam:PutRolePolicy', `arn:aws:iam::${ACCOUNT}:role/team-*`)))).toEqual([]);
  });
});

describe('a reasoned `*` where AWS takes a narrower ARN (IAM5132)', () => {
  it('names `vpc/*` for `ec2:CreateVpc` on `*`', async () => {
    const text = `account prod = ${ACCOUNT}\nregion eu-west-1\nrole r for role "ops" in prod mfa in prod {\n  allow "ec2:CreateVpc" on "*" because "the network team builds VPCs"\n}\n`;
    const compiled = await compileForLint([{ path: 'x.iam', text }]);
    const found = lintProgram(compiled.intent!, compiled.program!);
    expect(found.map((d) => `${d.code} ${d.span.line}`)).toEqual(['IAM5132 4']);
    expect(found[0]!.message).toContain('`arn:aws:ec2:REGION:ACCOUNT:vpc/*`');
  });

  it('is quiet for a reasoned `*` on an action whose one resource type is optional', async () => {
    expect(await lintIntent('role r for ec2 in prod {\n  allow "cloudwatch:PutMetricData" on "*" because "metrics name no resource"\n}\n')).toEqual([]);
  });

  it('is quiet for an action AWS accepts only on `*`, and for the narrower ARN', async () => {
    expect(await lintIntent('role r for ec2 in prod {\n  allow "ec2:DescribeVpcs" on "*" because "the dashboard lists VPCs"\n}\n')).toEqual([]);
    expect(await lintIntent(`role r for ec2 in prod {\n  allow "ec2:CreateVpc" on "arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc/*" because "the network team builds VPCs"\n}\n`)).toEqual([]);
  });
});

describe('`because` through statement merging', () => {
  it('does not fire IAM5107 on a named grant merged with a reasoned `*`', async () => {
    const body = (reason: string) =>
      `role r for ec2 in prod {\n  allow "sqs:DeleteQueue" on "arn:aws:sqs:eu-west-1:${ACCOUNT}:orders"\n  allow "sqs:DeleteQueue" on "*"${reason}\n}\n`;
    const found = await lintIntent(body(' because "the janitor deletes abandoned queues"'));
    expect(found.filter((f) => f.startsWith('IAM5107'))).toEqual([]);
    // The reasoned grant, on its own line, still hears that AWS takes queue ARNs.
    expect(found).toEqual(['IAM5132 5']);
  });

  it('keeps a grant\'s own reason when it merges with another grant', async () => {
    const body = `role r for ec2 in prod {\n  allow "sqs:DeleteQueue" on "*" because "the janitor deletes abandoned queues"\n  allow "sqs:DeleteQueue" on "arn:aws:sqs:eu-west-1:${ACCOUNT}:orders"\n}\n`;
    expect(await lintIntent(body)).toEqual(['IAM5132 4']);
  });
});
