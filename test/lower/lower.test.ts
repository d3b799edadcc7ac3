/** Lowering: what each intent becomes, statement by statement. */
import { describe, expect, it } from 'vitest';
import { codes, compileText, policy } from '../helpers/compile.js';

const header = `accounts: { prod: "123456789012", source: "111111111111" }\nregion: eu-west-1\n`;
const one = (roleYaml: string) => compileText({ 'x.iam.yaml': `${header}roles:\n${roleYaml}` });

describe('lowering', () => {
  it('maps each `when` condition to its documented key', () => {
    const result = one(
      '  r:\n    for: ec2\n    in: prod\n    grants:\n      - read dynamodb table: Orders\n        when: { vpc-endpoint: vpce-1a2b3c4d, source-ip: 10.0.0.0/8, mfa: true, tag: { team: payments }, org: o-abcdefghij }\n',
    );
    expect(codes(result)).toEqual([]);
    const statements = policy(result, 'iam/roles/r.policy.json').Statement;
    expect(statements).toHaveLength(2);
    const statement = statements[0]!;
    expect(statement['Condition']).toEqual({
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
      StringEquals: { 'aws:ResourceOrgID': 'o-abcdefghij', 'aws:ResourceTag/team': 'payments', 'aws:SourceVpce': 'vpce-1a2b3c4d' },
    });
    expect(statement['Resource']).toEqual(['arn:aws:dynamodb:eu-west-1:123456789012:table/Orders']);
    // The indexes get only Query and Scan, under the same conditions.
    expect(statements[1]).toMatchObject({ Action: ['dynamodb:Query', 'dynamodb:Scan'], Resource: ['arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/index/*'], Condition: statement['Condition'] });
  });

  it('scopes PassRole to the named role (with its declared path) and the service', () => {
    const result = one(
      '  deployer:\n    for: { github: acme/app, branch: main }\n    in: prod\n    grants:\n      - pass iam role: task\n        to: ecs-tasks\n  task:\n    for: ecs-task\n    in: prod\n    path: /app/\n    grants: [ { read s3 objects: "assets/*" } ]\n',
    );
    expect(codes(result)).toEqual([]);
    expect(policy(result, 'iam/roles/deployer.policy.json').Statement).toEqual([
      {
        Sid: 'PassIamRole',
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: ['arn:aws:iam::123456789012:role/app/task'],
        Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      },
    ]);
  });

  it('lists a bucket only under the prefix it reads', () => {
    const result = one('  r:\n    for: ec2\n    in: prod\n    grants: [ { read s3 objects: "exports/partner/*" } ]\n');
    const list = policy(result, 'iam/roles/r.policy.json').Statement.find((s) => (s['Action'] as string[]).includes('s3:ListBucket'))!;
    expect(list['Resource']).toEqual(['arn:aws:s3:::exports']);
    expect(list['Condition']).toEqual({ StringLike: { 's3:prefix': 'partner/*' } });
  });

  it('matches a secret named without its suffix by exactly six more characters', () => {
    const result = one('  r:\n    for: ec2\n    in: prod\n    grants: [ { read secretsmanager secret: db-password } ]\n');
    expect(policy(result, 'iam/roles/r.policy.json').Statement[0]!['Resource']).toEqual(['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password-??????']);
  });

  it('merges grants with the same actions into one statement over both targets', () => {
    const result = one('  r:\n    for: ec2\n    in: prod\n    grants:\n      - send sqs queue: a\n      - send sqs queue: b\n');
    const statements = policy(result, 'iam/roles/r.policy.json').Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0]!['Resource']).toEqual(['arn:aws:sqs:eu-west-1:123456789012:a', 'arn:aws:sqs:eu-west-1:123456789012:b']);
  });

  it('keeps grants with different conditions apart', () => {
    const result = one('  r:\n    for: ec2\n    in: prod\n    grants:\n      - send sqs queue: a\n      - send sqs queue: b\n        when: { mfa: true }\n');
    expect(policy(result, 'iam/roles/r.policy.json').Statement).toHaveLength(2);
  });

  it('gives a Lambda role its own log group, and nothing else beyond the grants', () => {
    const result = one('  fn:\n    for: { lambda: "processor-*" }\n    in: prod\n    grants: [ { consume sqs queue: inbound } ]\n');
    const statements = policy(result, 'iam/roles/fn.policy.json').Statement;
    expect(statements.map((s) => s['Sid'])).toEqual(['ConsumeSqsQueue', 'WriteLogsGroup']);
    expect(statements[1]!['Resource']).toEqual(['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/processor-*:log-stream:*']);
    const trust = policy(result, 'iam/roles/fn.trust.json').Statement[0]!;
    expect(trust['Condition']).toEqual({
      ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:eu-west-1:123456789012:function:processor-*' },
      StringEquals: { 'aws:SourceAccount': '123456789012' },
    });
  });

  it('puts GetAuthorizationToken alone on `*`', () => {
    const result = one('  r:\n    for: ecs-execution\n    in: prod\n    grants: [ { pull ecr repository: app } ]\n');
    const star = policy(result, 'iam/roles/r.policy.json').Statement.filter((s) => (s['Resource'] as string[]).includes('*'));
    expect(star).toEqual([{ Sid: 'PullEcrRepositoryGetAuthorizationToken', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: ['*'] }]);
  });

  it('pins OIDC trusts to the audience and an exact subject', () => {
    for (const [ref, sub] of [
      ['branch: main', 'repo:acme/app:ref:refs/heads/main'],
      ['environment: production', 'repo:acme/app:environment:production'],
      ['tag: v1.2.0', 'repo:acme/app:ref:refs/tags/v1.2.0'],
      ['pull-request: true', 'repo:acme/app:pull_request'],
    ]) {
      const result = one(`  r:\n    for: { github: acme/app, ${ref} }\n    in: prod\n    grants: [ { send sqs queue: q } ]\n`);
      // An environment subject earns the note that any branch deploying there is admitted.
      expect(codes(result), ref).toEqual(ref!.startsWith('environment') ? ['IAM5125'] : []);
      expect(policy(result, 'iam/roles/r.trust.json').Statement[0]!['Condition']).toEqual({
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': sub },
      });
    }
  });

  it('trusts a named role in another account with external id and MFA, never its root', () => {
    const result = one('  r:\n    for: { role: ops, in: source, external-id: "x-1", mfa: true }\n    in: prod\n    grants: [ { send sqs queue: q } ]\n');
    expect(policy(result, 'iam/roles/r.trust.json').Statement[0]).toEqual({
      Sid: 'TrustRole',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:role/ops' },
      Action: ['sts:AssumeRole'],
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'sts:ExternalId': 'x-1' } },
    });
  });

  it('lists the instance profile of an EC2 role in the manifest', () => {
    const result = one('  app:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: q } ]\n');
    const manifest = JSON.parse(result.files!.get('manifest.json')!);
    expect(manifest.roles[0]).toMatchObject({ name: 'app', account: '123456789012', instanceProfile: 'app', trust: 'iam/roles/app.trust.json', source: 'x.iam.yaml:4:3' });
  });

  it('splits a policy too large for one managed policy, never widening it', () => {
    const targets = Array.from({ length: 120 }, (_, i) => `"queue-with-a-fairly-long-name-${String(i).padStart(3, '0')}"`).join(', ');
    const result = one(`  big:\n    for: ec2\n    in: prod\n    grants:\n      - send sqs queue: [${targets}]\n      - consume sqs queue: [${targets}]\n`);
    expect(codes(result)).toEqual([]);
    expect(result.files!.has('iam/roles/big.policy.2.json')).toBe(true);
    for (const [path, text] of result.files!) {
      if (path.startsWith('iam/roles/big.policy')) expect(JSON.stringify(JSON.parse(text)).length).toBeLessThanOrEqual(6144);
    }
  });
});
