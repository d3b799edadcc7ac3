/**
 * Requests an attacker holding one pattern would try, beyond what the pattern's words say. Each
 * program is compiled as a user writes it, and an independent simulator
 * (`@cloud-copilot/iam-simulate`) must refuse the request: these are the regressions of the
 * standard library's security review (docs/security.md, "Standard library review").
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../stdlib/index.js';
import { compileText } from '../helpers/compile.js';
import { codesBoth } from './data/compile.js';
import { verdictOf } from '../properties/support/verdict.js';

const ACCOUNT = '123456789012';
const R = 'eu-west-1';
const arn = (service: string, resource: string, region = R): string => `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;

interface Call {
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string | string[]>>;
}

function policiesOf(grants: string): { name: string; policy: never }[] {
  const source = `account prod = ${ACCOUNT}\nregion ${R}\n\nrole holder for github "acme/shop" branch "main" in prod {\n${grants}\n}\n`;
  const result = compileText({ 'attack.iam': source });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return [...(result.files?.entries() ?? [])]
    .filter(([path]) => path.startsWith('iam/roles/holder.policy'))
    .map(([name, text]) => ({ name, policy: JSON.parse(text) as never }));
}

async function decide(grants: string, call: Call): Promise<string> {
  const outcome = await runSimulation(
    {
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:role/holder`,
        action: call.action,
        resource: { resource: call.resource, accountId: ACCOUNT },
        contextVariables: { ...(call.context ?? {}) },
      },
      identityPolicies: policiesOf(grants),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (outcome.resultType === 'single') return outcome.overallResult;
  const verdict = verdictOf(outcome, { action: call.action, resource: call.resource, context: call.context ?? {} });
  return verdict === undefined ? 'not simulated' : verdict.allowed ? 'Allowed' : 'ImplicitlyDenied';
}

/** The intended call is allowed and the attack is refused: a narrowing that breaks the intent fails too. */
async function expectRefused(grants: string, intended: Call, attack: Call): Promise<void> {
  expect(await decide(grants, intended)).toBe('Allowed');
  expect(await decide(grants, attack)).toMatch(/Denied$/);
}

describe('a deployer of one ECS service', () => {
  it('cannot point the service at another family’s task definition (running as that family’s task role)', async () => {
    const service = arn('ecs', 'service/prod/web');
    await expectRefused(
      '  deploy ecs service "prod/web"',
      { action: 'ecs:UpdateService', resource: service, context: { 'ecs:task-definition': arn('ecs', 'task-definition/web:8') } },
      { action: 'ecs:UpdateService', resource: service, context: { 'ecs:task-definition': arn('ecs', 'task-definition/admin-task:1') } },
    );
  });
  it('with `family`, points the service only at that family', async () => {
    const service = arn('ecs', 'service/prod/web');
    await expectRefused(
      '  deploy ecs service "prod/web" family "web-task"',
      { action: 'ecs:UpdateService', resource: service, context: { 'ecs:task-definition': arn('ecs', 'task-definition/web-task:3') } },
      { action: 'ecs:UpdateService', resource: service, context: { 'ecs:task-definition': arn('ecs', 'task-definition/web-task-admin:3') } },
    );
  });
});

describe('an invoker through a cross-Region inference profile', () => {
  it('cannot call the model directly in another Region of the geography', async () => {
    const profile = arn('bedrock', 'inference-profile/eu.amazon.nova-lite-v1:0');
    const model = 'arn:aws:bedrock:eu-north-1::foundation-model/amazon.nova-lite-v1:0';
    await expectRefused(
      '  invoke bedrock inference-profile "eu.amazon.nova-lite-v1:0"',
      { action: 'bedrock:InvokeModel', resource: model, context: { 'bedrock:InferenceProfileArn': profile } },
      { action: 'bedrock:InvokeModel', resource: model },
    );
  });
});

describe('a reader or writer of one OpenSearch index', () => {
  it.each([
    ['read es index', 'search/*'],
    ['write es index', 'search/*'],
    ['write es index', 'search/?rders'],
    ['delete es index', 'search/*'],
  ])('%s "%s" is refused: a leading wildcard also reaches `_cluster/settings` and `_plugins/_security`', (grant, name) => {
    expect(codesBoth(grant, name)).toEqual({ dsl: ['IAM2111'], yaml: ['IAM2111'] });
  });
  it('an index glob that starts with letters still never reaches the domain’s own APIs', async () => {
    await expectRefused(
      '  write es index "search/orders-*"',
      { action: 'es:ESHttpPut', resource: arn('es', 'domain/search/orders-2026/_doc/1') },
      { action: 'es:ESHttpPut', resource: arn('es', 'domain/search/_cluster/settings') },
    );
  });
});

describe('a writer of DNS records', () => {
  const zone = 'arn:aws:route53:::hostedzone/Z1D633PJN98FT9';
  const grant = '  write route53 records "Z1D633PJN98FT9"';
  it('cannot delete records in a batch beside a create', async () => {
    await expectRefused(
      grant,
      { action: 'route53:ChangeResourceRecordSets', resource: zone, context: { 'route53:ChangeResourceRecordSetsActions': ['CREATE', 'UPSERT'] } },
      { action: 'route53:ChangeResourceRecordSets', resource: zone, context: { 'route53:ChangeResourceRecordSetsActions': ['CREATE', 'DELETE'] } },
    );
  });
  it('is not let through by a request that carries no change actions (`ForAllValues` holds over none)', async () => {
    await expectRefused(
      grant,
      { action: 'route53:ChangeResourceRecordSets', resource: zone, context: { 'route53:ChangeResourceRecordSetsActions': ['UPSERT'] } },
      { action: 'route53:ChangeResourceRecordSets', resource: zone },
    );
  });
});

describe('a holder of two cache/user grants', () => {
  it('may connect to either cache as either user, and the pattern says so (IAM checks them one at a time)', async () => {
    const grants = '  connect elasticache serverless-cache "sessions/reader"\n  connect elasticache serverless-cache "billing/admin"';
    // A Connect request is authorised on the cache and on the user separately: the crossed pair is allowed.
    expect(await decide(grants, { action: 'elasticache:Connect', resource: arn('elasticache', 'serverlesscache:sessions') })).toBe('Allowed');
    expect(await decide(grants, { action: 'elasticache:Connect', resource: arn('elasticache', 'user:admin') })).toBe('Allowed');
    for (const id of ['elasticache.connect.serverless-cache', 'elasticache.connect.replication-group']) {
      expect(PATTERNS.find((p) => p.id === id)?.note).toMatch(/one at a time, not as a pair/);
    }
  });
});

describe('a name holding `${…}`, which IAM reads as a policy variable', () => {
  it.each([
    ['read s3 objects', 'reports-bucket/${aws:PrincipalTag/team}/*'],
    ['write s3 objects', 'reports-bucket/${aws:username}'],
    ['delete s3 objects', 'reports-bucket/tmp/${aws:userid}*'],
    ['read es path', 'search/${aws:PrincipalTag/index}/_search'],
    ['write es path', 'search/orders/${aws:username}'],
    ['read cloudwatch alarm', 'orders-${aws:PrincipalTag/team}'],
    ['write cloudwatch metrics', '${aws:PrincipalTag/namespace}'],
  ])('%s "%s" is refused: the grant would reach whatever a (session) tag or user name says', (grant, name) => {
    expect(codesBoth(grant, name)).toEqual({ dsl: ['IAM2111'], yaml: ['IAM2111'] });
  });
  it('the same names without the variable compile', () => {
    expect(codesBoth('read s3 objects', 'reports-bucket/team-a/*')).toEqual({ dsl: [], yaml: [] });
    expect(codesBoth('write cloudwatch metrics', 'MyApp')).toEqual({ dsl: [], yaml: [] });
  });
});

describe('a reader of an index glob', () => {
  it('is let through by a path that lists several indexes, as its note says (IAM’s `*` matches `,`)', async () => {
    const grant = '  read es index "search/orders-*"';
    expect(await decide(grant, { action: 'es:ESHttpGet', resource: arn('es', 'domain/search/orders-1,payments/_search') })).toBe('Allowed');
    expect(PATTERNS.find((p) => p.id === 'es.read.index')?.note).toMatch(/lists several indexes/);
    // An exact index never is.
    expect(await decide('  read es index "search/orders"', { action: 'es:ESHttpGet', resource: arn('es', 'domain/search/orders,payments/_search') })).toMatch(/Denied$/);
  });
});
