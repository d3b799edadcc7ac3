import { describe, expect, it } from 'vitest';
import { stripSpans, type RoleDecl } from '../../../compiler/syntax/ast.js';
import { parseDsl } from '../../../compiler/syntax/dsl/cst-to-ast.js';

const ok = (text: string) => {
  const r = parseDsl('t.iam', text);
  expect(r.diagnostics).toEqual([]);
  return r.value.declarations;
};

describe('every construct maps to the AST', () => {
  it('role with every principal option, settings and grant clauses', () => {
    const [role] = ok(`role read for account partner external-id "x" mfa because "whole account" in prod bounded-by b {
  path "/app/"
  max-session 90m
  managed-policy "SecurityAudit" because "audit"
  customer-managed "Mine" path "/team/"
  pass iam role ["a", "b"] to ecs-tasks when vpc-endpoint "vpce-1" and source-ip "10.0.0.0/8" and mfa and tag "k" = "v" and org "o-1" because "why"
  deny "s3:DeleteBucket" on ["arn:aws:s3:::b"]
}`);
    expect(stripSpans(role)).toEqual({
      kind: 'role',
      name: { value: 'read' },
      principal: { kind: 'account', account: { value: 'partner' }, externalId: { value: 'x' }, mfa: true, because: { value: 'whole account' } },
      account: { value: 'prod' },
      boundary: { value: 'b' },
      settings: [
        { kind: 'setting', name: { value: 'path' }, value: { value: '/app/' } },
        { kind: 'setting', name: { value: 'max-session' }, value: { value: '90m' } },
      ],
      managedPolicies: [
        { value: 'SecurityAudit', because: { value: 'audit' } },
        { value: 'Mine', customer: true, path: { value: '/team/' } },
      ],
      grants: [
        {
          kind: 'grant',
          verb: { value: 'pass' },
          service: { value: 'iam' },
          resourceType: { value: 'role' },
          targets: [{ value: 'a' }, { value: 'b' }],
          targetList: true,
          to: { value: 'ecs-tasks' },
          conditions: [
            { kind: 'vpc-endpoint', value: { value: 'vpce-1' } },
            { kind: 'source-ip', value: { value: '10.0.0.0/8' } },
            { kind: 'mfa' },
            { kind: 'tag', key: { value: 'k' }, value: { value: 'v' } },
            { kind: 'org', value: { value: 'o-1' } },
          ],
          because: { value: 'why' },
        },
        { kind: 'raw', effect: { value: 'deny' }, actions: [{ value: 's3:DeleteBucket' }], actionList: false, resources: [{ value: 'arn:aws:s3:::b' }], resourceList: true, conditions: [] },
      ],
    });
  });

  it('optional fields are absent, not undefined', () => {
    const [role] = ok('role r for role "x" in a in prod {\n  read s3 bucket "b"\n}') as RoleDecl[];
    expect(Object.keys(role!)).not.toContain('boundary');
    expect(Object.keys(role!.principal)).toEqual(['kind', 'role', 'account', 'span']);
    expect(Object.keys(role!.grants[0]!)).not.toContain('because');
  });

  it('each principal kind', () => {
    const principal = (p: string) => stripSpans((ok(`role r for ${p} in prod { }`)[0] as RoleDecl).principal);
    expect(principal('ec2')).toEqual({ kind: 'ec2' });
    expect(principal('ecs-task')).toEqual({ kind: 'ecs-task' });
    expect(principal('ecs-execution')).toEqual({ kind: 'ecs-execution' });
    expect(principal('lambda "f-*"')).toEqual({ kind: 'lambda', function: { value: 'f-*' } });
    expect(principal('github "o/r" tag "v1"')).toEqual({ kind: 'github', repo: { value: 'o/r' }, refs: [{ kind: 'tag', value: { value: 'v1' } }] });
    expect(principal('github "o/r" pull-request')).toEqual({ kind: 'github', repo: { value: 'o/r' }, refs: [{ kind: 'pull-request' }] });
    expect(principal('github "o/r" branch "m", environment "e", pull-request')).toEqual({
      kind: 'github',
      repo: { value: 'o/r' },
      refs: [{ kind: 'branch', value: { value: 'm' } }, { kind: 'environment', value: { value: 'e' } }, { kind: 'pull-request' }],
    });
    expect(principal('azure-devops "o/p/a", "o/p/b" organization-id "g"')).toEqual({ kind: 'azure-devops', connections: [{ value: 'o/p/a' }, { value: 'o/p/b' }], organizationId: { value: 'g' } });
    expect(principal('azure-devops "o/p/c" organization-id "g"')).toEqual({ kind: 'azure-devops', connections: [{ value: 'o/p/c' }], organizationId: { value: 'g' } });
    expect(principal('service "scheduler.amazonaws.com"')).toEqual({ kind: 'service', host: { value: 'scheduler.amazonaws.com' } });
  });

  it('boundary, guardrail, permission set, analyzer', () => {
    const decls = ok(`boundary b {
  allow services [s3]
  allow services ec2
  delegate role-creation
  deny ["iam:DeleteRole"] on "*" because "x"
}
guardrail g attach-to root, ou "ou-1", account prod {
  deny leave-organization
  deny "a:B" on "*"
  protect cloudtrail
  restrict regions "eu-west-1"
  exempt role "break-glass"
  exempt role "other"
}
permission-set P {
  managed-policy "arn:1"
  bounded-by b
  managed-policy "arn:2"
  assign user "u" to prod
  read s3 bucket "x"
}
analyzer a scope account {
  archive principal "1"
}`);
    expect(stripSpans(decls)).toEqual([
      {
        kind: 'boundary',
        name: { value: 'b' },
        allowServices: [{ value: 's3' }, { value: 'ec2' }],
        delegateRoleCreation: true,
        statements: [{ kind: 'raw', effect: { value: 'deny' }, actions: [{ value: 'iam:DeleteRole' }], actionList: true, resources: [{ value: '*' }], resourceList: false, conditions: [], because: { value: 'x' } }],
      },
      {
        kind: 'guardrail',
        name: { value: 'g' },
        attachTo: [{ kind: 'root' }, { kind: 'ou', id: { value: 'ou-1' } }, { kind: 'account', id: { value: 'prod' } }],
        rules: [
          { kind: 'deny', name: { value: 'leave-organization' } },
          { kind: 'raw', effect: { value: 'deny' }, actions: [{ value: 'a:B' }], actionList: false, resources: [{ value: '*' }], resourceList: false, conditions: [] },
          { kind: 'protect', name: { value: 'cloudtrail' } },
          { kind: 'restrict-regions', regions: [{ value: 'eu-west-1' }], except: [] },
        ],
        exempt: [{ value: 'break-glass' }, { value: 'other' }],
      },
      {
        kind: 'permission-set',
        name: { value: 'P' },
        boundary: { value: 'b' },
        managedPolicies: [{ value: 'arn:1' }, { value: 'arn:2' }],
        grants: [{ kind: 'grant', verb: { value: 'read' }, service: { value: 's3' }, resourceType: { value: 'bucket' }, targets: [{ value: 'x' }], targetList: false, conditions: [] }],
        assignments: [{ kind: 'user', principalId: { value: 'u' }, accounts: [{ value: 'prod' }] }],
      },
      { kind: 'analyzer', name: { value: 'a' }, scope: { value: 'account' }, archives: [{ kind: 'principal', value: { value: '1' } }] },
    ]);
  });

  it('keywords are soft: they may be names; longer words are never cut at a keyword', () => {
    const [role] = ok('role role for ec2 in account {\n  read roles role "x"\n}') as RoleDecl[];
    expect(role!.name.value).toBe('role');
    expect(role!.account.value).toBe('account');
    expect(stripSpans(role!.grants[0])).toMatchObject({ verb: { value: 'read' }, service: { value: 'roles' }, resourceType: { value: 'role' } });
  });

  it('words lex as the brief asks: regions, services with dashes, account ids, durations', () => {
    const decls = ok('region eu-west-1\naccount a = 123456789012\nrole r for ec2 in a {\n  max-session 1h\n  pass iam role "x" to ecs-tasks\n}');
    expect(stripSpans(decls[0])).toEqual({ kind: 'region', region: { value: 'eu-west-1' } });
  });

  it('spans point at the words written (1-based line and column)', () => {
    const [role] = ok('# c\nrole r for ec2 in prod {\n  read s3 bucket "b"\n}') as RoleDecl[];
    const grant = role!.grants[0]!;
    expect(grant.span).toMatchObject({ line: 3, column: 3, endLine: 3, endColumn: 21 });
    if (grant.kind !== 'grant') throw new Error('expected a grant');
    expect(grant.targets[0]!.span).toMatchObject({ line: 3, column: 18, offset: 46 });
    expect(role!.span).toMatchObject({ line: 2, column: 1, endLine: 4, endColumn: 2 });
  });
});
