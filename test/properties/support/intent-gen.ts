/**
 * Generated intents over the first patterns, as YAML text, with the spec kept beside it so the
 * oracle can compute the denotation from what was asked — never from what the compiler made.
 */
import fc from 'fast-check';

import { ACCOUNT, AZURE_ORG, REGION, SOURCE_ACCOUNT } from './constants.js';
import { GROUP_NAMES } from './oracle/index.js';

export { ACCOUNT, AZURE_ORG, REGION, SOURCE_ACCOUNT } from './constants.js';

/** `verb service type`, as written in YAML; the core patterns here, the rest in oracle/*.ts. */
export type PatternKey = CorePatternKey | (string & {});

type CorePatternKey =
  | 'consume sqs queue'
  | 'send sqs queue'
  | 'read dynamodb table'
  | 'write dynamodb table'
  | 'read s3 objects'
  | 'write s3 objects'
  | 'publish sns topic'
  | 'decrypt kms key'
  | 'encrypt kms key'
  | 'read ssm parameter'
  | 'read secretsmanager secret'
  | 'write logs group'
  | 'invoke lambda function'
  | 'pull ecr repository'
  | 'start-execution states state-machine'
  | 'put-events events bus'
  | 'pass iam role';

/** Names a user might write for each pattern, globs included. */
const CORE_NAMES: Record<CorePatternKey, readonly string[]> = {
  'consume sqs queue': ['orders', 'orders-*', 'app-inbound-queue', 'jobs.fifo'],
  'send sqs queue': ['orders', 'events-?', 'app-outbound'],
  'read dynamodb table': ['Orders', 'AppProcessing', 'orders-*', 'Orders*'],
  'write dynamodb table': ['Orders', 'AppProcessing'],
  'read s3 objects': ['my-bucket/reports/*', 'my-bucket/data.csv', 'exports/partner/*', 'tenant-*/*', 'exports/out/*.csv'],
  'write s3 objects': ['my-bucket/uploads/*', 'exports/out.json', 'tenant-*/*'],
  'publish sns topic': ['alerts', 'alerts-*'],
  'decrypt kms key': ['1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-*'],
  'encrypt kms key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'read ssm parameter': ['/app/prod/*', '/app/prod/db-url', 'plain', '/app/*'],
  'read secretsmanager secret': ['app/prod/db', 'app/prod/*', 'api-key'],
  'write logs group': ['/aws/ec2/app/*', '/ecs/app'],
  'invoke lambda function': ['processor', 'processor-*'],
  'pull ecr repository': ['app', 'team/app'],
  'start-execution states state-machine': ['orders-flow', 'orders-*'],
  'put-events events bus': ['default', 'app-bus'],
  'pass iam role': ['ecs-app', 'worker'],
};

/**
 * Names per pattern: the core ones above and each group's (oracle/*.ts). A targetless pattern has
 * no names (`[]`): its grant is the plain string `- write xray traces`.
 */
export const NAMES: Readonly<Record<PatternKey, readonly string[]>> = { ...CORE_NAMES, ...GROUP_NAMES };

export const PASS_TO = ['ecs-tasks', 'lambda'] as const;

export interface WhenSpec {
  readonly vpcEndpoint?: string;
  readonly sourceIp?: string;
  readonly mfa?: boolean;
}

export interface GrantSpec {
  readonly pattern: PatternKey;
  readonly targets: readonly string[];
  readonly when: WhenSpec;
  readonly to?: string;
}

export type PrincipalSpec =
  | { readonly kind: 'ec2' }
  | { readonly kind: 'lambda'; readonly fn: string }
  | { readonly kind: 'github'; readonly repo: string; readonly refs: readonly GithubRefSpec[] }
  /** Service connections (`org/project/connection`) of the organisation AZURE_ORG; several mean OR. */
  | { readonly kind: 'azure-devops'; readonly connections: readonly string[] }
  | { readonly kind: 'role'; readonly role: string; readonly externalId?: string; readonly mfa: boolean }
  /** The Identity Center role of permission set `set` in the source account; `home` is Identity Center's region. */
  | { readonly kind: 'sso'; readonly set: string; readonly home: string };

/** One ref of a GitHub trust; a role's refs mean OR. `pull-request` has no value. */
export type GithubRefSpec = { readonly ref: 'branch' | 'environment' | 'tag'; readonly value: string } | { readonly ref: 'pull-request' };

export interface RoleSpec {
  readonly name: string;
  readonly principal: PrincipalSpec;
  readonly grants: readonly GrantSpec[];
}

const when: fc.Arbitrary<WhenSpec> = fc.record(
  {
    vpcEndpoint: fc.constantFrom('vpce-1a2b3c4d', 'vpce-0f0f0f0f'),
    sourceIp: fc.constantFrom('10.0.0.0/8', '192.168.10.0/24'),
    mfa: fc.constant(true),
  },
  { requiredKeys: [] },
);

export const grantArb: fc.Arbitrary<GrantSpec> = fc.constantFrom(...(Object.keys(NAMES) as PatternKey[])).chain((pattern) =>
  fc.record({
    pattern: fc.constant(pattern),
    // A targetless pattern (no names) has no targets; a condition-form one's names are its values.
    targets: (NAMES[pattern] ?? []).length === 0 ? fc.constant([]) : fc.uniqueArray(fc.constantFrom(...NAMES[pattern]!), { minLength: 1, maxLength: 2 }),
    when: fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: when }),
    ...(pattern === 'pass iam role' ? { to: fc.constantFrom(...PASS_TO) } : {}),
  }),
);

/** Permission sets whose names nest (`Admin`, `Admin_Ops`, `AdminX`): a loose pattern admits the wrong one. */
export const SSO_SETS = ['Admin', 'Admin_Ops', 'AdminX'] as const;
export const SSO_HOMES = ['eu-west-1', 'us-east-1', 'us-west-2'] as const;

export const principalArb: fc.Arbitrary<PrincipalSpec> = fc.oneof(
  fc.constant({ kind: 'ec2' as const }),
  fc.record({ kind: fc.constant('lambda' as const), fn: fc.constantFrom('processor', 'processor-*') }),
  fc.record({
    kind: fc.constant('github' as const),
    repo: fc.constantFrom('acme/infrastructure', 'acme/app'),
    // One to three distinct refs: several subjects in one trust, meaning OR.
    refs: fc.uniqueArray(
      fc.oneof(
        { weight: 6, arbitrary: fc.record({ ref: fc.constantFrom('branch' as const, 'environment' as const, 'tag' as const), value: fc.constantFrom('main', 'production', 'v1') }) },
        { weight: 1, arbitrary: fc.constant({ ref: 'pull-request' as const }) },
      ),
      { minLength: 1, maxLength: 3, selector: (r: GithubRefSpec) => JSON.stringify(r) },
    ),
  }),
  fc.record({
    kind: fc.constant('azure-devops' as const),
    connections: fc.uniqueArray(fc.constantFrom('acme/web/conn-a', 'acme/web/conn-b', 'acme/ops/deploy'), { minLength: 1, maxLength: 3 }),
  }),
  fc.record(
    {
      kind: fc.constant('role' as const),
      role: fc.constantFrom('reporting', 'ops'),
      externalId: fc.constantFrom('shop-partner-7f3a', 'x-123'),
      mfa: fc.boolean(),
    },
    { requiredKeys: ['kind', 'role', 'mfa'] },
  ),
  fc.record({ kind: fc.constant('sso' as const), set: fc.constantFrom(...SSO_SETS), home: fc.constantFrom(...SSO_HOMES) }),
);

export const roleArb: fc.Arbitrary<RoleSpec> = fc.record({
  name: fc.constantFrom('app', 'worker-role'),
  principal: principalArb,
  grants: fc.array(grantArb, { minLength: 1, maxLength: 4 }),
});

const q = (s: string): string => JSON.stringify(s);

/** The YAML form (DESIGN §3) of one role. */
export function toYaml(role: RoleSpec): string {
  const lines = [`accounts: { prod: ${q(ACCOUNT)}, source: ${q(SOURCE_ACCOUNT)} }`, `region: ${REGION}`, 'roles:', `  ${role.name}:`];
  const p = role.principal;
  if (p.kind === 'ec2') lines.push('    for: ec2');
  else if (p.kind === 'lambda') lines.push(`    for: { lambda: ${q(p.fn)} }`);
  else if (p.kind === 'github') lines.push(`    for: { github: ${q(p.repo)}, ${githubRefsYaml(p.refs)} }`);
  else if (p.kind === 'azure-devops') lines.push(`    for: { azure-devops: [${p.connections.map(q).join(', ')}], organization-id: ${q(AZURE_ORG)} }`);
  else if (p.kind === 'sso') {
    lines.splice(2, 0, `identity-center: { region: ${p.home} }`); // before `roles:`
    lines.push(`    for: { sso-permission-set: ${q(p.set)}, in: source }`);
  }
  else lines.push(`    for: { role: ${q(p.role)}, in: source${p.externalId ? `, external-id: ${q(p.externalId)}` : ''}${p.mfa ? ', mfa: true' : ''} }`);
  lines.push('    in: prod', '    grants:');
  for (const g of role.grants) {
    const clauses = g.to !== undefined || Object.keys(g.when).length > 0;
    // A targetless grant is its three words: a plain string alone, an empty key when clauses follow.
    if (g.targets.length === 0) lines.push(clauses ? `      - ${g.pattern}:` : `      - ${g.pattern}`);
    else lines.push(`      - ${g.pattern}: [${g.targets.map(q).join(', ')}]`);
    if (g.to) lines.push(`        to: ${g.to}`);
    const w: string[] = [];
    if (g.when.vpcEndpoint) w.push(`vpc-endpoint: ${q(g.when.vpcEndpoint)}`);
    if (g.when.sourceIp) w.push(`source-ip: ${q(g.when.sourceIp)}`);
    if (g.when.mfa) w.push('mfa: true');
    if (w.length > 0) lines.push(`        when: { ${w.join(', ')} }`);
  }
  return `${lines.join('\n')}\n`;
}

/** A GitHub trust's refs as YAML keys: each kind once, its values in a list (`branch: ["main", "v1"]`). */
function githubRefsYaml(refs: readonly GithubRefSpec[]): string {
  const kinds = [...new Set(refs.map((r) => r.ref))];
  return kinds
    .map((kind) => (kind === 'pull-request' ? 'pull-request: true' : `${kind}: [${refs.flatMap((r) => (r.ref === kind ? [q(r.value)] : [])).join(', ')}]`))
    .join(', ');
}
