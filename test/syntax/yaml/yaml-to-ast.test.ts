import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stripSpans, type Grant, type RoleDecl } from '../../../compiler/syntax/ast.js';
import { parseYaml } from '../../../compiler/syntax/yaml/yaml-to-ast.js';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** A word as it looks after `stripSpans`. */
const w = (value: string) => ({ value });
const ws = (...values: string[]) => values.map(w);
const grant = (verb: string, service: string, type: string, targets: string[], list: boolean, more: Record<string, unknown> = {}) => ({
  kind: 'grant', verb: w(verb), service: w(service), resourceType: w(type), targets: ws(...targets), targetList: list,
  ...('to' in more ? { to: more.to } : {}), conditions: more.conditions ?? [], ...('because' in more ? { because: more.because } : {}),
});
const raw = (effect: 'allow' | 'deny', actions: string[], actionList: boolean, resources: string[], resourceList: boolean, more: Record<string, unknown> = {}) => ({
  kind: 'raw', effect: w(effect), actions: ws(...actions), actionList, resources: ws(...resources), resourceList,
  conditions: more.conditions ?? [], ...('because' in more ? { because: more.because } : {}),
});
const role = (name: string, principal: unknown, more: Record<string, unknown> = {}) => ({
  kind: 'role', name: w(name), principal, account: w('prod'), ...('boundary' in more ? { boundary: more.boundary } : {}),
  settings: more.settings ?? [], managedPolicies: more.managedPolicies ?? [], grants: more.grants ?? [],
});

const EXPECTED = {
  path: 'full.iam.yaml',
  declarations: [
    { kind: 'account', name: w('prod'), id: w('123456789012') },
    { kind: 'account', name: w('source'), id: w('111111111111') },
    { kind: 'account', name: w('partner'), id: w('222222222222') },
    { kind: 'region', region: w('eu-west-1') },
    role('lambda-processor', { kind: 'lambda', function: w('processor-*') }, {
      boundary: w('developer-boundary'),
      settings: [
        { kind: 'setting', name: w('max-session'), value: w('1h') },
        { kind: 'setting', name: w('path'), value: w('/app/') },
        { kind: 'setting', name: w('description'), value: w('processes ${inbound} messages') },
      ],
      grants: [
        grant('consume', 'sqs', 'queue', ['app-inbound-queue'], false),
        grant('read', 's3', 'objects', ['bucket-a/*', 'bucket-b/*'], true, {
          conditions: [
            { kind: 'vpc-endpoint', value: w('vpce-1a2b3c4d') },
            { kind: 'source-ip', value: w('10.0.0.0/8') },
            { kind: 'mfa' },
            { kind: 'tag', key: w('team'), value: w('payments') },
            { kind: 'org', value: w('o-abc') },
          ],
          because: w("reads two tenants' exports"),
        }),
        grant('pass', 'iam', 'role', ['ecs-app'], false, { to: w('ecs-tasks') }),
        raw('allow', ['ec2:CreateVpc'], false, ['*'], false, { because: w('network team builds new VPCs') }),
        raw('deny', ['s3:DeleteObject', 's3:DeleteBucket'], true, ['arn:aws:s3:::bucket-a', 'arn:aws:s3:::bucket-a/*'], true, {
          conditions: [
            { kind: 'tag', key: w('env'), value: w('prod') },
            { kind: 'tag', key: w('env'), value: w('stage') },
          ],
        }),
      ],
    }),
    role('ec2-app', { kind: 'ec2' }),
    role('deploy', { kind: 'github', repo: w('acme/infrastructure'), refs: [{ kind: 'environment', value: w('production') }] }),
    role('pr-check', { kind: 'github', repo: w('acme/infrastructure'), refs: [{ kind: 'pull-request' }] }),
    role('ado', { kind: 'azure-devops', connections: [w('acme/aws-projects/aws-main-connection')], organizationId: w('8f2c0000-0000-0000-0000-000000000000') }),
    role('partner', { kind: 'role', role: w('reporting'), account: w('partner'), externalId: w('x'), mfa: true }),
    role('whole-account', { kind: 'account', account: w('partner'), externalId: w('x'), because: w('partner runs its own IAM') }),
    role('svc', { kind: 'service', host: w('scheduler.amazonaws.com') }),
    {
      kind: 'boundary', name: w('developer-boundary'), allowServices: ws('s3', 'ec2', 'lambda', 'dynamodb'), delegateRoleCreation: true,
      statements: [raw('deny', ['iam:DeleteRole'], false, ['*'], false)],
    },
    {
      kind: 'guardrail', name: w('enterprise-security-guardrails'),
      attachTo: [{ kind: 'ou', id: w('ou-ab12-34cd5678') }, { kind: 'account', id: w('prod') }, { kind: 'root' }],
      rules: [
        { kind: 'deny', name: w('leave-organization') },
        { kind: 'protect', name: w('cloudtrail') },
        { kind: 'restrict-regions', regions: ws('eu-west-1', 'us-east-1'), except: ws('iam', 'organizations', 'route53', 'cloudfront') },
        { kind: 'deny', name: w('root-user') },
        raw('deny', ['ec2:DeleteVpc'], false, ['*'], false),
      ],
      exempt: ws('break-glass'),
    },
    {
      kind: 'permission-set', name: w('DataEngineer'), session: w('2h'), description: w('data engineering'), boundary: w('developer-boundary'),
      managedPolicies: ws('arn:aws:iam::aws:policy/ReadOnlyAccess'),
      grants: [grant('read', 's3', 'bucket', ['analytics-reports'], false)],
      assignments: [
        { kind: 'group', principalId: w('9067b5c2-b0d1-706d-e061-0734a974d092'), accounts: ws('prod') },
        { kind: 'user', principalId: w('u-1'), accounts: ws('prod') },
      ],
    },
    {
      kind: 'analyzer', name: w('organization-security-analyzer'), scope: w('organization'),
      archives: [{ kind: 'principal', value: w('111122223333'), because: w('trusted partner') }], alert: true,
    },
  ],
};

/** Paths of keys whose value is `undefined`: optional AST fields must be absent, not undefined. */
function undefinedKeys(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => undefinedKeys(n, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (v === undefined ? [`${path}.${k}`] : undefinedKeys(v, `${path}.${k}`)));
}

describe('parseYaml', () => {
  const text = fixture('full.iam.yaml');
  const result = parseYaml('full.iam.yaml', text);

  test('a program using every construct maps to the expected AST', () => {
    expect(result.diagnostics).toEqual([]);
    expect(stripSpans(result.value)).toStrictEqual(EXPECTED);
  });

  test('optional fields are absent rather than undefined', () => {
    expect(undefinedKeys(result.value)).toEqual([]);
  });

  test('each word of a grant key has its own span inside the key', () => {
    const role = result.value.declarations.find((d): d is RoleDecl => d.kind === 'role')!;
    const g = role.grants[0] as Grant;
    const spanText = (s: { offset: number; endOffset: number }) => text.slice(s.offset, s.endOffset);
    expect([g.verb, g.service, g.resourceType].map((x) => spanText(x.span))).toEqual(['consume', 'sqs', 'queue']);
    expect(g.verb.span).toMatchObject({ file: 'full.iam.yaml', line: 13, column: 9 });
    expect(g.service.span).toMatchObject({ line: 13, column: 17 });
    expect(spanText(g.span)).toBe('consume sqs queue: app-inbound-queue');
  });

  test('a quoted grant key still gives each word its span', () => {
    const src = 'roles:\n  r:\n    for: ec2\n    in: prod\n    grants:\n      - "read s3 bucket": b\n';
    const r = parseYaml('q.iam.yaml', src);
    expect(r.diagnostics).toEqual([]);
    const g = (r.value.declarations[0] as RoleDecl).grants[0] as Grant;
    expect(src.slice(g.resourceType.span.offset, g.resourceType.span.endOffset)).toBe('bucket');
  });

  test('numbers keep the text as written', () => {
    const r = parseYaml('n.iam.yaml', 'accounts: { a: 012345678901, b: 1e3, c: 0x1F }\n');
    expect(r.diagnostics).toEqual([]);
    expect(stripSpans(r.value.declarations)).toEqual([
      { kind: 'account', name: w('a'), id: w('012345678901') },
      { kind: 'account', name: w('b'), id: w('1e3') },
      { kind: 'account', name: w('c'), id: w('0x1F') },
    ]);
  });

  test('false flags leave the field out; single items need no list', () => {
    const src = [
      'roles:',
      '  r:',
      '    for: { role: x, in: source, mfa: false }',
      '    in: prod',
      'guardrails:',
      '  g:',
      '    attach-to: root',
      '    exempt: { role: admin }',
      'analyzers:',
      '  a: { scope: account, alert: false, archive: { principal: "1" } }',
    ].join('\n');
    const r = parseYaml('f.iam.yaml', src);
    expect(r.diagnostics).toEqual([]);
    expect(stripSpans(r.value.declarations)).toStrictEqual([
      { kind: 'role', name: w('r'), principal: { kind: 'role', role: w('x'), account: w('source') }, account: w('prod'), settings: [], managedPolicies: [], grants: [] },
      { kind: 'guardrail', name: w('g'), attachTo: [{ kind: 'root' }], rules: [], exempt: ws('admin') },
      { kind: 'analyzer', name: w('a'), scope: w('account'), archives: [{ kind: 'principal', value: w('1') }] },
    ]);
  });

  test('declarations keep document order across sections', () => {
    const r = parseYaml('o.iam.yaml', 'region: us-east-1\naccounts: { z: "1", a: "2" }\n');
    expect(stripSpans(r.value.declarations)).toEqual([
      { kind: 'region', region: w('us-east-1') },
      { kind: 'account', name: w('z'), id: w('1') },
      { kind: 'account', name: w('a'), id: w('2') },
    ]);
  });
});
