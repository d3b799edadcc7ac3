/** Each rule fires on a minimal bad policy, at the offending value, and is silent on the fixed one. */
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../compiler/lint/document.js';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';

const ACCOUNT = '123456789012';
const identity = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const allow = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const trust = (Principal: object | string, Action: string, Condition?: object) =>
  identity({ Effect: 'Allow', Principal, Action, ...(Condition ? { Condition } : {}) });
const GH = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const ghTrust = (Condition: object) => trust({ Federated: GH }, 'sts:AssumeRoleWithWebIdentity', Condition);
const ghGood = { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' } };
const passRole = `arn:aws:iam::${ACCOUNT}:role/ecs-app`;
const passedTo = { Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } };

/** [code, what the text at the span must be, bad policy, fixed policy, stated policy type]. */
const CASES: [string, string, string, string, DocumentKind?][] = [
  ['IAM5103', '{ "Version": "2012-10-17" }', '{ "Version": "2012-10-17" }', identity(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`))],
  ['IAM5103', '"Alow"', identity({ Effect: 'Alow', Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:q` }), identity(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`))],
  ['IAM5104', '"ssm:GetParameter*"', identity(allow('ssm:GetParameter*', `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app/*`)), identity(allow(['ssm:GetParameter', 'ssm:GetParameters'], `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app/*`))],
  ['IAM5105', '"sqs:*"', identity(allow('sqs:*', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`)), identity(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`))],
  ['IAM5105', '"*"', identity(allow('*', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`)), identity(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`))],
  ['IAM5106', '"*"', identity(allow('sqs:ReceiveMessage', '*')), identity(allow('sqs:ReceiveMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`))],
  ['IAM5107', '"*"', identity(allow('dynamodb:DeleteItem', '*')), identity(allow('dynamodb:DeleteItem', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/T`))],
  ['IAM5108', '"*"', identity(allow('iam:PassRole', '*', passedTo)), identity(allow('iam:PassRole', passRole, passedTo))],
  ['IAM5108', '"iam:PassRole"', identity(allow('iam:PassRole', passRole)), identity(allow('iam:PassRole', passRole, passedTo))],
  ['IAM5109', `"${GH}"`, ghTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }), ghTrust(ghGood)],
  ['IAM5110', '"repo:acme/*"', ghTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/*' } }), ghTrust(ghGood)],
  ['IAM5111', '"repo:acme/app:*"', ghTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' } }), ghTrust(ghGood)],
  ['IAM5112', '"ForAllValues:StringEquals"', ghTrust({ 'ForAllValues:StringEquals': ghGood.StringEquals }), ghTrust(ghGood)],
  ['IAM5113', '"StringLike"', ghTrust({ StringLike: ghGood.StringEquals }), ghTrust(ghGood)],
  ['IAM5114', '"lambda.amazonaws.com"', trust({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole'), trust({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole', { StringEquals: { 'aws:SourceAccount': ACCOUNT } })],
  ['IAM5115', `"arn:aws:iam::111111111111:root"`, trust({ AWS: 'arn:aws:iam::111111111111:root' }, 'sts:AssumeRole'), trust({ AWS: 'arn:aws:iam::111111111111:role/app-role' }, 'sts:AssumeRole')],
  ['IAM5115', '"111111111111"', trust({ AWS: '111111111111' }, 'sts:AssumeRole'), trust({ AWS: '111111111111' }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'partner-7f3a' } })],
  ['IAM5116', '"*"', trust('*', 'sts:AssumeRole'), trust('*', 'sts:AssumeRole', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } })],
  ['IAM5117', `"arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.azuredevops.com"`,
    trust({ Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.azuredevops.com` }, 'sts:AssumeRoleWithWebIdentity', { StringEquals: { 'oidc.azuredevops.com:aud': 'api://AzureADTokenExchange', 'oidc.azuredevops.com:sub': 'sc://acme/p/c' } }),
    trust({ Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/vstoken.dev.azure.com/8f2c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b` }, 'sts:AssumeRoleWithWebIdentity', { StringEquals: { 'vstoken.dev.azure.com/8f2c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b:aud': 'api://AzureADTokenExchange', 'vstoken.dev.azure.com/8f2c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b:sub': 'sc://acme/p/c' } })],
  ['IAM5119', '"iam:PermissionsBoundary"',
    identity({ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*', Condition: { StringNotLike: { 'iam:PermissionsBoundary': 'arn:aws:iam::*:policy/b' } } }),
    identity({ Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*', Condition: { StringNotLike: { 'iam:PermissionsBoundary': 'arn:aws:iam::*:policy/b' } } }), 'boundary'],
  ['IAM5120', '"sqs:SendMessage"', identity({ Effect: 'Allow', NotAction: 'sqs:SendMessage', Resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:q` }), identity({ Effect: 'Deny', NotAction: 'sqs:SendMessage', Resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:q` }), 'scp'],
  ['IAM5120', `"arn:aws:sqs:eu-west-1:${ACCOUNT}:q"`, identity({ Effect: 'Allow', Action: 'sqs:SendMessage', NotResource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:q` }), identity(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`))],
  ['IAM5122', '"iam:AttachRolePolicy"', identity(allow('iam:AttachRolePolicy', `arn:aws:iam::${ACCOUNT}:role/app`)),
    identity(allow('iam:AttachRolePolicy', `arn:aws:iam::${ACCOUNT}:role/app`, { Condition: { ArnEquals: { 'iam:PolicyARN': `arn:aws:iam::${ACCOUNT}:policy/read-only` } } }))],
  ['IAM5122', '"lambda:CreateFunction"', identity(allow('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/*`, passedTo), allow('lambda:CreateFunction', `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f`)),
    identity(allow('iam:PassRole', passRole, { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }), allow('lambda:CreateFunction', `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f`))],
  ['IAM5123', '"ssm:DescribeParameters"', identity(allow('ssm:DescribeParameters', `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app/*`)), identity(allow('ssm:GetParameter', `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app/*`))],
  ['IAM5123', '"sqs:SendMessage"', identity(allow('sqs:SendMessage', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/T`)), identity(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`))],
  // A note, not a defect: the environment subject admits whichever branch deploys to it; a branch subject does not.
  ['IAM5125', '"repo:acme/app:environment:production"',
    ghTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': ['repo:acme/app:ref:refs/heads/main', 'repo:acme/app:environment:production'] } }), ghTrust(ghGood)],
  ['IAM5124', '"sqs:SendMesage"', identity(allow('sqs:SendMesage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`)), identity(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`))],
];

describe('lintPolicyFile', () => {
  it.each(CASES)('%s fires at %s and the fixed policy is clean', (code, at, bad, good, type) => {
    const file = 'policy.json';
    const options = type ? { type } : {};
    const found = lintPolicyFile(file, bad, options).filter((d) => d.code === code);
    expect(found.length, JSON.stringify(lintPolicyFile(file, bad, options), null, 1)).toBeGreaterThan(0);
    expect(found.map((d) => bad.slice(d.span.offset, d.span.endOffset))).toContain(at);
    for (const d of found) {
      const line = bad.split('\n')[d.span.line - 1]!;
      expect(line.slice(d.span.column - 1)).toContain(bad.slice(d.span.offset, d.span.endOffset).split('\n')[0]);
      expect(d.message).toMatch(/^[^A-Z].*[^.]$/);
    }
    expect(lintPolicyFile(file, good, options).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it('suggests the expanded action list for a glob', () => {
    const [d] = lintPolicyFile('p.json', identity(allow('ssm:GetParameter*', `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/a`)));
    expect(d?.suggestion).toContain('`ssm:GetParameter`, `ssm:GetParameterHistory`, `ssm:GetParameters`, `ssm:GetParametersByPath`');
  });

  it('suggests a close action name for a misspelt one', () => {
    const [d] = lintPolicyFile('p.json', identity(allow('sqs:SendMesage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`)));
    expect(d?.suggestion).toBe('did you mean `sqs:SendMessage`?');
  });

  it('reports text that is not JSON at the parser\'s position, once', () => {
    const ds = lintPolicyFile('p.json', '{\n  "Version": "2012-10-17",,\n}');
    expect(ds.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM5103 2:27']);
  });

  it('treats caps as caps when the type is stated: `s3:*` on `*` is the point of a boundary and of an SCP', () => {
    const cap = identity(allow('s3:*', '*'), { Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*', Condition: { StringNotEquals: { 'iam:PermissionsBoundary': 'x' } } });
    expect(lintPolicyFile('developer-boundary.json', cap, { type: 'boundary' })).toEqual([]);
    expect(lintPolicyFile('org-guardrails-scp.json', cap, { type: 'scp' })).toEqual([]);
    expect(lintPolicyFile('policy.json', identity(allow('s3:*', '*'))).map((d) => d.code)).toEqual(['IAM5105', 'IAM5107']);
  });

  it('never lets an inferred type switch the admin rules off: a Deny or an `scp-` file name cannot hide `Allow * on *`', () => {
    const admin = identity(allow('*', '*'), { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' });
    const boundaryShape = identity(allow('*', '*'), { Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*', Condition: { StringNotEquals: { 'iam:PermissionsBoundary': 'x' } } });
    for (const [file, text] of [['policy.json', admin], ['scp-guardrails.json', admin], ['developer-boundary.json', admin], ['policy.json', boundaryShape]] as const) {
      const codes = lintPolicyFile(file, text).map((d) => d.code);
      expect(codes, file).toContain('IAM5105');
      expect(codes, file).toContain('IAM5107');
    }
    // Quiet when the type is stated: an SCP's FullAWSAccess is how SCPs are written.
    expect(lintPolicyFile('scp-guardrails.json', admin, { type: 'scp' })).toEqual([]);
  });

  it('refuses a stated type the document cannot be, so `--policy-type trust` cannot quiet a grant', () => {
    const grant = identity(allow('*', '*'));
    expect(lintPolicyFile('p.json', grant, { type: 'trust' }).map((d) => d.code)).toEqual(['IAM5103']);
    expect(lintPolicyFile('p.json', grant, { type: 'resource' }).map((d) => d.code)).toContain('IAM5103');
    expect(lintPolicyFile('t.json', trust({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole'), { type: 'scp' }).map((d) => d.code)).toEqual(['IAM5103']);
    // Quiet when the type fits.
    expect(lintPolicyFile('t.json', trust({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole'), { type: 'trust' })).toEqual([]);
  });

  it('recognises `sts:Assume*`, `sts:AssumeRole*`, `sts:*` and `*` trusts as trust policies', () => {
    for (const action of ['sts:Assume*', 'sts:AssumeRole*', 'sts:*', '*']) {
      const codes = lintPolicyFile('t.json', trust({ Service: 'lambda.amazonaws.com' }, action)).map((d) => d.code);
      expect(codes, action).toContain('IAM5114');
    }
    expect(lintPolicyFile('t.json', trust({ Service: 'lambda.amazonaws.com' }, 'sqs:SendMessage')).map((d) => d.code)).not.toContain('IAM5114');
  });

  describe('trust pins are judged by operator and value, not by the key being there', () => {
    const AUD = 'token.actions.githubusercontent.com:aud';
    const SUB = 'token.actions.githubusercontent.com:sub';
    const codes = (text: string) => lintPolicyFile('t.json', text).map((d) => d.code);

    it.each([
      ['`Null` on sub', { StringEquals: { [AUD]: 'sts.amazonaws.com' }, Null: { [SUB]: 'false' } }],
      ['`StringNotEquals` on aud', { StringNotEquals: { [AUD]: 'x' }, StringEquals: { [SUB]: 'repo:acme/app:ref:refs/heads/main' } }],
      ['`StringEqualsIfExists` on sub', { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringEqualsIfExists: { [SUB]: 'repo:acme/app:ref:refs/heads/main' } }],
      ['`StringLike` aud with a wildcard', { StringLike: { [AUD]: '*' }, StringEquals: { [SUB]: 'repo:acme/app:ref:refs/heads/main' } }],
      ['`StringLike` sub `*`', { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: '*' } }],
      ['an empty aud', { StringEquals: { [AUD]: '', [SUB]: 'repo:acme/app:ref:refs/heads/main' } }],
    ])('refuses an OIDC trust whose pin is %s (IAM5109)', (_, condition) => {
      expect(codes(ghTrust(condition))).toContain('IAM5109');
    });

    it('accepts exact pins, and a `StringLike` sub whose repository is written out (IAM5111 judges the branch)', () => {
      expect(codes(ghTrust(ghGood))).toEqual([]);
      const likeBranch = ghTrust({ StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: 'repo:acme/app:ref:refs/heads/release-*' } });
      expect(codes(likeBranch)).toEqual(['IAM5111']);
    });

    it('refuses `StringLike aws:PrincipalArn "*"` as the pin of a trust to everyone (IAM5116), accepts one naming the account', () => {
      expect(codes(trust('*', 'sts:AssumeRole', { StringLike: { 'aws:PrincipalArn': '*' } }))).toContain('IAM5116');
      expect(codes(trust('*', 'sts:AssumeRole', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app' } }))).toContain('IAM5116');
      expect(codes(trust('*', 'sts:AssumeRole', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/app-*' } }))).toEqual([]);
      expect(codes(trust('*', 'sts:AssumeRole', { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-abc123def4' } }))).toContain('IAM5116');
    });

    it('reads a wildcard in `ArnEquals` as IAM does, so it cannot pin a trust to everyone, a whole account or a service (IAM5116, IAM5115, IAM5114)', () => {
      // IAM matches `ArnEquals` exactly like `ArnLike`: `role/*` under either is every role.
      expect(codes(trust('*', 'sts:AssumeRole', { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }))).toContain('IAM5116');
      expect(codes(trust({ AWS: 'arn:aws:iam::111111111111:root' }, 'sts:AssumeRole', { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/*' } }))).toContain('IAM5115');
      expect(codes(trust({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole', { ArnEquals: { 'aws:SourceArn': 'arn:aws:lambda:*:*:function:*' } }))).toContain('IAM5114');
      // Quiet: an `ArnEquals` that writes the owner out still pins.
      expect(codes(trust('*', 'sts:AssumeRole', { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/app' } }))).toEqual([]);
      expect(codes(trust({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole', { ArnEquals: { 'aws:SourceArn': `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f` } }))).toEqual([]);
    });

    it('refuses a service trust whose source account or ARN is a wildcard (IAM5114)', () => {
      const lambda = (c: object) => codes(trust({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole', c));
      expect(lambda({ StringLike: { 'aws:SourceAccount': '*' } })).toContain('IAM5114');
      expect(lambda({ ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:eu-west-1:*:function:f' } })).toContain('IAM5114');
      expect(lambda({ StringNotEquals: { 'aws:SourceAccount': ACCOUNT } })).toContain('IAM5114');
      expect(lambda({ ArnLike: { 'aws:SourceArn': `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:*` } })).toEqual([]);
    });

    it('refuses an external id that pins nothing (IAM5141), and a whole-account trust it was meant to guard (IAM5115)', () => {
      for (const condition of [{ StringEquals: { 'sts:ExternalId': '' } }, { StringLike: { 'sts:ExternalId': '*' } }, { StringNotEquals: { 'sts:ExternalId': 'x' } }, { StringEqualsIfExists: { 'sts:ExternalId': 'x' } }]) {
        const found = codes(trust({ AWS: '111111111111' }, 'sts:AssumeRole', condition));
        expect(found, JSON.stringify(condition)).toContain('IAM5141');
        expect(found, JSON.stringify(condition)).toContain('IAM5115');
      }
      expect(codes(trust({ AWS: '111111111111' }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'partner-7f3a' } }))).toEqual([]);
    });

    it('narrows a whole-account trust only by an `aws:PrincipalArn` that names a role, not one that spans the account (IAM5115)', () => {
      const root = (c: object) => codes(trust({ AWS: 'arn:aws:iam::111111111111:root' }, 'sts:AssumeRole', c));
      expect(root({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/*' } })).toContain('IAM5115');
      expect(root({ StringLike: { 'aws:PrincipalArn': '*' } })).toContain('IAM5115');
      expect(root({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/deploy-*' } })).toEqual([]);
      expect(root({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/deploy' } })).toEqual([]);
    });
  });

  describe('public resource policies (IAM5140)', () => {
    const bucket = (Principal: object | string, Condition?: object) =>
      identity({ Effect: 'Allow', Principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', ...(Condition ? { Condition } : {}) });
    const codes = (text: string) => lintPolicyFile('bucket-policy.json', text).map((d) => d.code);

    it('flags principal `*` and `{"AWS": "*"}` with no pinning condition', () => {
      expect(codes(bucket('*'))).toContain('IAM5140');
      expect(codes(bucket({ AWS: '*' }))).toContain('IAM5140');
      expect(codes(bucket('*', { StringLike: { 'aws:SourceVpce': '*' } }))).toContain('IAM5140');
      expect(codes(bucket('*', { Bool: { 'aws:SecureTransport': 'true' } }))).toContain('IAM5140');
      expect(codes(bucket('*', { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }))).toContain('IAM5140');
    });

    it('is quiet when an organisation, account, source or VPC endpoint pins the caller, or the principal is named', () => {
      expect(codes(bucket('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } }))).toEqual([]);
      expect(codes(bucket('*', { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }))).toEqual([]);
      expect(codes(bucket({ AWS: `arn:aws:iam::${ACCOUNT}:role/reader` }))).toEqual([]);
      // A Deny to everyone is how buckets refuse plain HTTP: not public.
      expect(codes(identity({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::site/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }))).toEqual([]);
    });
  });

  it('leaves EC2 trust alone: EC2 sets no source account or ARN', () => {
    expect(lintPolicyFile('t.json', trust({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole'))).toEqual([]);
  });

  it('checks the issuer\'s own claims, not another host\'s', () => {
    const wrongHost = ghTrust({ StringEquals: { 'oidc.example.com:aud': 'sts.amazonaws.com', 'oidc.example.com:sub': 'repo:acme/app:ref:refs/heads/main' } });
    expect(lintPolicyFile('t.json', wrongHost).map((d) => d.code)).toEqual(['IAM5109']);
  });

  it('reports `iam:*` as one escalation finding, not one per method', () => {
    const ds = lintPolicyFile('p.json', identity(allow('iam:*', `arn:aws:iam::${ACCOUNT}:role/app`)));
    expect(ds.filter((d) => d.code === 'IAM5122')).toHaveLength(1);
    expect(ds.find((d) => d.code === 'IAM5122')?.message).toMatch(/and \d+ more methods/);
  });

  it('never throws on junk', () => {
    for (const text of ['', 'null', '[]', '"x"', '{"Statement": 5}', '{"Statement": [null, 1, {"Effect": "Allow"}]}', '{"Statement": {"Effect":"Allow","Action":{"a":1},"Principal":3,"Condition":[1]}}']) {
      const ds = lintPolicyFile('j.json', text);
      expect(ds.every((d) => d.code === 'IAM5103'), text).toBe(true);
      expect(ds.length, text).toBeGreaterThan(0);
    }
  });
});
