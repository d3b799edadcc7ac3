import { describe, expect, it } from 'vitest';
import type { CompiledProgram, CompiledRole, Statement } from '../../compiler/ir/policy.js';
import { verifyProgram } from '../../compiler/verify/verify.js';
import { compileYaml } from '../properties/support/compile-yaml.js';

const INTENT = `accounts: { prod: "123456789012", source: "111111111111" }
region: eu-west-1
roles:
  processor:
    for: { lambda: "processor-*" }
    in: prod
    grants:
      - consume sqs queue: app-inbound-queue
      - read s3 objects: ["bucket-a/reports/*"]
        when: { vpc-endpoint: vpce-1a2b3c4d }
      - read secretsmanager secret: app/prod/db
      - pull ecr repository: app
  deploy:
    for: { github: acme/infrastructure, environment: production }
    in: prod
    grants:
      - pass iam role: ecs-app
        to: ecs-tasks
  partner:
    for: { role: reporting, in: source, external-id: shop-partner-7f3a, mfa: true }
    in: prod
    grants: [ { read s3 objects: "exports/partner/*" } ]
  release:
    for: { github: acme/app, branch: [main, release], tag: v1 }
    in: prod
    grants: [ { read s3 objects: "releases/*" } ]
`;

function compiled(): { intent: NonNullable<ReturnType<typeof compileYaml>['intent']>; program: CompiledProgram } {
  const result = compileYaml(INTENT);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { intent: result.intent!, program: result.program! };
}

/** The program with one statement of one role changed. */
function withStatement(program: CompiledProgram, role: string, sid: string, change: (s: Statement) => Statement): CompiledProgram {
  let found = false;
  const roles = program.roles.map((r): CompiledRole => {
    if (r.name !== role) return r;
    return {
      ...r,
      policies: r.policies.map((doc) => ({
        statements: doc.statements.map((s) => {
          if (s.sid !== sid) return s;
          found = true;
          return change(s);
        }),
      })),
    };
  });
  expect(found, `${role}/${sid}`).toBe(true);
  return { ...program, roles };
}

function withTrust(program: CompiledProgram, role: string, change: (s: Statement) => Statement): CompiledProgram {
  return { ...program, roles: program.roles.map((r) => (r.name === role ? { ...r, trust: { statements: r.trust.statements.map(change) } } : r)) };
}

describe('verifyProgram', () => {
  it('accepts what lowering produced', () => {
    const { intent, program } = compiled();
    expect(verifyProgram(intent, program)).toEqual([]);
  });

  it('rejects an extra action, naming the statement and pointing at its grants', () => {
    const { intent, program } = compiled();
    const broken = withStatement(program, 'processor', 'ConsumeSqsQueue', (s) => ({ ...s, actions: [...s.actions!, 'sqs:DeleteQueue'] }));
    const [d, ...rest] = verifyProgram(intent, broken);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'IAM4101', severity: 'error' });
    expect(d!.message).toContain('`ConsumeSqsQueue`');
    expect(d!.message).toContain('`sqs:DeleteQueue`');
    expect(d!.related?.[0]?.span).toEqual(d!.span);
    expect(d!.span.line).toBe(8);
  });

  it('rejects a widened resource and shows a resource that proves it', () => {
    const { intent, program } = compiled();
    const broken = withStatement(program, 'processor', 'ReadS3Objects', (s) => ({ ...s, resources: ['arn:aws:s3:::bucket-a/*'] }));
    const [d] = verifyProgram(intent, broken);
    expect(d?.code).toBe('IAM4101');
    expect(d?.detail).toMatch(/`arn:aws:s3:::bucket-a\/[^`]*`/);
  });

  it('accepts a narrowed resource: containment is of languages, not string equality', () => {
    const { intent, program } = compiled();
    const narrowed = withStatement(program, 'processor', 'ReadS3Objects', (s) => ({ ...s, resources: ['arn:aws:s3:::bucket-a/reports/2024/*'] }));
    expect(verifyProgram(intent, narrowed)).toEqual([]);
    const secret = withStatement(program, 'processor', 'ReadSecretsmanagerSecret', (s) => ({ ...s, resources: [s.resources![0]!.replace('-??????', '-*')] }));
    expect(verifyProgram(intent, secret).map((d) => d.code)).toEqual(['IAM4101']);
  });

  it('rejects a dropped or loosened condition, and accepts an added one', () => {
    const { intent, program } = compiled();
    const dropped = withStatement(program, 'processor', 'ReadS3Objects', (s) => ({ ...s, conditions: [] }));
    expect(verifyProgram(intent, dropped).map((d) => d.code)).toEqual(['IAM4101']);
    const loosened = withStatement(program, 'processor', 'ReadS3ObjectsListBucket', (s) => ({
      ...s,
      conditions: s.conditions.map((c) => (c.key === 's3:prefix' ? { ...c, values: ['*'] } : c)),
    }));
    expect(verifyProgram(intent, loosened).map((d) => d.code)).toEqual(['IAM4101']);
    const stricter = withStatement(program, 'processor', 'ConsumeSqsQueue', (s) => ({
      ...s,
      conditions: [{ operator: 'Bool', key: 'aws:SecureTransport', values: ['true'] }],
    }));
    expect(verifyProgram(intent, stricter)).toEqual([]);
  });

  it('rejects a cross product that merging must never make', () => {
    const { intent, program } = compiled();
    const broken = withStatement(program, 'processor', 'PullEcrRepositoryGetAuthorizationToken', (s) => ({ ...s, actions: [...s.actions!, 'ecr:BatchGetImage'] }));
    expect(verifyProgram(intent, broken).map((d) => d.code)).toEqual(['IAM4101']);
  });

  it('rejects NotAction, an unknown origin and a statement with no origin', () => {
    const { intent, program } = compiled();
    const notAction = withStatement(program, 'processor', 'ConsumeSqsQueue', (s) => {
      const { actions: _actions, ...rest } = s;
      return { ...rest, notActions: ['sqs:DeleteQueue'] };
    });
    expect(verifyProgram(intent, notAction).map((d) => d.code)).toContain('IAM4101');
    const noOrigin = withStatement(program, 'processor', 'ConsumeSqsQueue', (s) => ({ ...s, origins: [] }));
    expect(verifyProgram(intent, noOrigin).map((d) => d.code)).toEqual(['IAM4101']);
    const otherRole = program.roles.find((r) => r.name === 'partner')!.policies[0]!.statements[0]!.origins;
    const foreign = withStatement(program, 'processor', 'ConsumeSqsQueue', (s) => ({ ...s, origins: otherRole }));
    expect(verifyProgram(intent, foreign).map((d) => d.code)).toEqual(['IAM4101']);
  });

  it('trust must equal the for clause: principal, audience and subject, external id, MFA', () => {
    const { intent, program } = compiled();
    const swapped = withTrust(program, 'partner', (s) => ({ ...s, principal: { AWS: ['arn:aws:iam::111111111111:root'] } }));
    expect(verifyProgram(intent, swapped).map((d) => d.code)).toEqual(['IAM4101']);
    const noMfa = withTrust(program, 'partner', (s) => ({ ...s, conditions: s.conditions.filter((c) => c.key !== 'aws:MultiFactorAuthPresent') }));
    expect(verifyProgram(intent, noMfa)[0]?.message).toContain('aws:MultiFactorAuthPresent');
    const likeSub = withTrust(program, 'deploy', (s) => ({
      ...s,
      conditions: s.conditions.map((c) => (c.key.endsWith(':sub') ? { ...c, operator: 'StringLike', values: ['repo:acme/*'] } : c)),
    }));
    expect(verifyProgram(intent, likeSub).map((d) => d.code)).toEqual(['IAM4101']);
    const audOnly = withTrust(program, 'deploy', (s) => ({ ...s, conditions: s.conditions.filter((c) => !c.key.endsWith(':sub')) }));
    expect(verifyProgram(intent, audOnly).map((d) => d.code)).toEqual(['IAM4101']);
    const noSource = withTrust(program, 'processor', (s) => ({ ...s, conditions: [] }));
    expect(verifyProgram(intent, noSource).map((d) => d.code)).toEqual(['IAM4101']);
  });

  it('trust of several subjects must list exactly them, with StringEquals', () => {
    const { intent, program } = compiled();
    const sub = (change: (values: readonly string[]) => readonly string[], operator = 'StringEquals') =>
      withTrust(program, 'release', (s) => ({ ...s, conditions: s.conditions.map((c) => (c.key.endsWith(':sub') ? { ...c, operator, values: change(c.values) } : c)) }));
    const dropped = sub((vs) => vs.slice(1));
    expect(verifyProgram(intent, dropped).map((d) => d.code)).toEqual(['IAM4101']);
    const added = sub((vs) => [...vs, 'repo:acme/app:ref:refs/heads/other']);
    expect(verifyProgram(intent, added).map((d) => d.code)).toEqual(['IAM4101']);
    // The same values under StringLike would admit the same tokens today, but never a glob's reading of them.
    const like = sub((vs) => vs, 'StringLike');
    expect(verifyProgram(intent, like).map((d) => d.code)).toEqual(['IAM4101']);
    const reordered = sub((vs) => [...vs].reverse());
    expect(verifyProgram(intent, reordered)).toEqual([]);
  });

  it('checks actions, resources and condition keys against the catalogue', () => {
    const { intent, program } = compiled();
    const unknown = withStatement(program, 'processor', 'ConsumeSqsQueue', (s) => ({ ...s, actions: ['sqs:RecieveMessage'] }));
    const [d] = verifyProgram(intent, unknown).filter((x) => x.code === 'IAM4102');
    expect(d?.suggestion).toBe('did you mean `sqs:ReceiveMessage`?');
    const onArn = withStatement(program, 'processor', 'PullEcrRepositoryGetAuthorizationToken', (s) => ({ ...s, resources: ['arn:aws:ecr:eu-west-1:123456789012:repository/app'] }));
    expect(verifyProgram(intent, onArn).map((x) => x.code)).toContain('IAM4103');
    const wrongType = withStatement(program, 'processor', 'ConsumeSqsQueue', (s) => ({ ...s, resources: [...s.resources!, 'arn:aws:sqs:eu-west-1:123456789012:app-inbound-queue/x'] }));
    expect(verifyProgram(intent, wrongType).map((x) => x.code)).toContain('IAM4101');
    const key = withStatement(program, 'processor', 'ConsumeSqsQueue', (s) => ({ ...s, conditions: [{ operator: 'StringEquals', key: 's3:prefix', values: ['a'] }] }));
    expect(verifyProgram(intent, key).map((x) => x.code)).toEqual(['IAM4104']);
  });
});
