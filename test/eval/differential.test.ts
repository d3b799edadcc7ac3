/**
 * Our evaluator against `@cloud-copilot/iam-simulate` on generated policies, requests and contexts.
 * Actions and ARNs come from the catalogue so the simulator accepts them; policies are built near
 * the request (exact, wildcarded, mutated) so that both allow and deny outcomes are common.
 */
import fc from 'fast-check';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../compiler/eval/evaluate.js';
import { ACCOUNTS, fillArn, loadActionSamples, NAMES, REGIONS, type ActionSample } from '../properties/support/catalogue-samples.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 400);
const PRINCIPAL = 'arn:aws:iam::123456789012:role/app';

let samples: ActionSample[] = [];
beforeAll(async () => {
  // KMS also requires the key policy to allow, which is outside what this test compares.
  samples = (await loadActionSamples()).filter((s) => s.service !== 'kms');
});

type Json = Record<string, unknown>;

interface Case {
  readonly action: string;
  readonly resource: string;
  readonly context: Record<string, string | string[]>;
  readonly identity: Json[][];
  readonly scp?: Json[];
  readonly boundary?: Json[];
}

/** Condition keys the simulator accepts for every action (global keys), with values to draw from. */
const CONDITION_MENU: { key: string; kind: 'string' | 'ip' | 'bool' | 'arn' | 'set'; values: string[] }[] = [
  { key: 'aws:SourceVpce', kind: 'string', values: ['vpce-1a2b', 'vpce-9z9z', 'vpce-*'] },
  { key: 'aws:PrincipalTag/team', kind: 'string', values: ['payments', 'Payments', 'pay*', 'ops'] },
  { key: 'aws:SourceIp', kind: 'ip', values: ['10.0.0.0/8', '10.1.2.3/32', '192.168.0.0/16', '2001:db8::/32'] },
  { key: 'aws:MultiFactorAuthPresent', kind: 'bool', values: ['true', 'false'] },
  { key: 'aws:SourceArn', kind: 'arn', values: ['arn:aws:sns:eu-west-1:123456789012:topic', 'arn:aws:sns:*:123456789012:*', 'arn:aws:sns:eu-west-1:111111111111:t*'] },
  { key: 'aws:TagKeys', kind: 'set', values: ['env', 'team', 'cost*'] },
];

const OPERATORS: Record<string, string[]> = {
  string: ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIfExists', 'StringNotLikeIfExists', 'StringEqualsIgnoreCase', 'Null'],
  ip: ['IpAddress', 'NotIpAddress', 'IpAddressIfExists', 'Null'],
  bool: ['Bool', 'BoolIfExists', 'Null'],
  arn: ['ArnLike', 'ArnNotLike', 'ArnEquals', 'ArnLikeIfExists', 'Null'],
  set: ['ForAnyValue:StringEquals', 'ForAllValues:StringEquals', 'ForAnyValue:StringLike', 'ForAllValues:StringNotLike', 'ForAnyValue:StringNotEquals'],
};

const CONTEXT_VALUES: Record<string, string[]> = {
  'aws:SourceVpce': ['vpce-1a2b', 'vpce-9z9z'],
  'aws:PrincipalTag/team': ['payments', 'Payments', 'ops'],
  'aws:SourceIp': ['10.1.2.3', '10.200.0.1', '192.168.1.1', '8.8.8.8', '2001:db8::1'],
  'aws:MultiFactorAuthPresent': ['true', 'false'],
  'aws:SourceArn': ['arn:aws:sns:eu-west-1:123456789012:topic', 'arn:aws:sns:us-east-1:123456789012:other', 'arn:aws:sns:eu-west-1:111111111111:t1'],
};

/** Resource patterns near `arn`: itself, wildcarded segments, prefixes, `?`, other account/name. */
function resourceNear(arn: string): fc.Arbitrary<string> {
  const parts = arn.split(':');
  const withSegment = (i: number, v: string): string => parts.map((p, j) => (j === i ? v : p)).join(':');
  return fc.oneof(
    fc.constant(arn),
    fc.constant('*'),
    fc.integer({ min: 2, max: Math.max(2, parts.length - 1) }).map((i) => withSegment(i, '*')),
    fc.integer({ min: 0, max: Math.max(0, arn.length - 1) }).map((n) => `${arn.slice(0, n)}*`),
    // `?` stands for one character, never a segment separator (that would change the ARN's shape).
    fc.integer({ min: 0, max: Math.max(0, arn.length - 1) }).map((n) => (arn[n] === ':' ? arn : `${arn.slice(0, n)}?${arn.slice(n + 1)}`)),
    fc.constant(arn.replace('123456789012', '111111111111')),
    fc.constant(arn.replace(/orders/g, 'ORDERS')),
    fc.constant(`${arn}-extra`),
    // A short ARN is valid only with a wildcard (AWS refuses the literal form when a policy is saved).
    fc.constant(`${parts.slice(0, 3).join(':')}:*`),
  );
}

function actionNear(action: string, others: readonly string[]): fc.Arbitrary<string> {
  const [service, name] = action.split(':') as [string, string];
  return fc.oneof(
    fc.constant(action),
    fc.constant(`${service}:*`),
    fc.constant(action.toLowerCase()),
    fc.integer({ min: 1, max: name.length }).map((n) => `${service}:${name.slice(0, n)}*`),
    fc.constant(`${service}:${name.slice(0, -1)}?`),
    fc.constantFrom(...others),
    fc.constant('*'),
  );
}

function conditionBlock(): fc.Arbitrary<Json | undefined> {
  const one = fc.constantFrom(...CONDITION_MENU).chain((entry) =>
    fc.record({
      operator: fc.constantFrom(...OPERATORS[entry.kind]!),
      key: fc.constant(entry.key),
      values: fc.subarray(entry.values, { minLength: 1, maxLength: 2 }),
      nullValue: fc.constantFrom('true', 'false'),
    }),
  );
  return fc.option(
    fc.array(one, { minLength: 1, maxLength: 3 }).map((clauses) => {
      const block: Record<string, Record<string, string[]>> = {};
      for (const c of clauses) {
        const values = c.operator === 'Null' ? [c.nullValue] : c.values;
        (block[c.operator] ??= {})[c.key] = values;
      }
      return block;
    }),
    { nil: undefined, freq: 2 },
  );
}

function statement(action: string, arn: string, others: readonly string[], effect: fc.Arbitrary<'Allow' | 'Deny'>): fc.Arbitrary<Json> {
  return fc
    .record({
      effect,
      useNotAction: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      useNotResource: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      actions: fc.array(actionNear(action, others), { minLength: 1, maxLength: 3 }),
      resources: fc.array(resourceNear(arn), { minLength: 1, maxLength: 3 }),
      condition: conditionBlock(),
    })
    .map((s) => ({
      Effect: s.effect,
      [s.useNotAction ? 'NotAction' : 'Action']: s.actions,
      [s.useNotResource ? 'NotResource' : 'Resource']: s.resources,
      ...(s.condition ? { Condition: s.condition } : {}),
    }));
}

function caseArb(): fc.Arbitrary<Case> {
  return fc
    .record({
      sample: fc.constantFrom(...samples),
      format: fc.nat(),
      region: fc.constantFrom(...REGIONS),
      account: fc.constantFrom(...ACCOUNTS.slice(0, 1)),
      name: fc.constantFrom(...NAMES),
    })
    .chain(({ sample, format, region, account, name }) => {
      const arn = fillArn(sample.arnFormats[format % sample.arnFormats.length]!, { region, account, name });
      const others = samples.filter((s) => s.service === sample.service).slice(0, 40).map((s) => s.action);
      const allowMostly = fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Allow', 'Deny');
      const context = fc
        .record({
          plain: fc.subarray(Object.keys(CONTEXT_VALUES)),
          picks: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
          tagKeys: fc.option(fc.subarray(['env', 'team', 'cost-centre', 'owner'], { minLength: 0 }), { nil: undefined }),
        })
        .map(({ plain, picks, tagKeys }) => {
          const ctx: Record<string, string | string[]> = {};
          plain.forEach((key, i) => {
            const values = CONTEXT_VALUES[key]!;
            ctx[key] = values[picks[i]! % values.length]!;
          });
          if (tagKeys && tagKeys.length > 0) ctx['aws:TagKeys'] = tagKeys;
          return ctx;
        });
      return fc.record({
        action: fc.constant(sample.action),
        resource: fc.constant(arn),
        context,
        identity: fc.array(fc.array(statement(sample.action, arn, others, allowMostly), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
        scp: fc.option(fc.array(statement(sample.action, arn, others, allowMostly), { minLength: 1, maxLength: 2 }), { nil: undefined }),
        boundary: fc.option(fc.array(statement(sample.action, arn, others, allowMostly), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      });
    });
}

const doc = (statements: Json[]): Json => ({ Version: '2012-10-17', Statement: statements });

describe('our evaluator agrees with iam-simulate', () => {
  it('same decision on generated policies, requests and contexts', async () => {
    let compared = 0;
    let skipped = 0;
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const simulated = await runSimulation(
          {
            request: { principal: PRINCIPAL, action: c.action, resource: { resource: c.resource, accountId: '123456789012' }, contextVariables: c.context },
            identityPolicies: c.identity.map((s, i) => ({ name: `p${i}`, policy: doc(s) })),
            serviceControlPolicies: c.scp ? [{ orgIdentifier: 'ou-1', policies: [{ name: 'scp', policy: doc(c.scp) }] }] : [],
            resourceControlPolicies: [],
            ...(c.boundary ? { permissionBoundaryPolicies: [{ name: 'b', policy: doc(c.boundary) }] } : {}),
          },
          {},
        );
        if (simulated.resultType !== 'single') {
          skipped++;
          return;
        }
        // The simulator drops context keys it judges not to apply; so do we, to compare like with like.
        const ignored = new Set(simulated.result.ignoredContextKeys ?? []);
        const context = Object.fromEntries(Object.entries(c.context).filter(([k]) => !ignored.has(k)));
        const ours = evaluate(
          {
            identity: c.identity.map(doc),
            ...(c.scp ? { scps: [[doc(c.scp)]] } : {}),
            ...(c.boundary ? { boundary: [doc(c.boundary)] } : {}),
          },
          { principal: PRINCIPAL, action: c.action, resource: c.resource, resourceAccount: '123456789012', context },
        );
        compared++;
        outcomes.set(ours.decision, (outcomes.get(ours.decision) ?? 0) + 1);
        expect(ours.decision).toBe(simulated.overallResult);
      }),
      { numRuns: RUNS },
    );
    // The comparison must be about real decisions, of every kind.
    expect(compared).toBeGreaterThan(skipped);
    expect(outcomes.get('Allowed') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('ExplicitlyDenied') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('ImplicitlyDenied') ?? 0).toBeGreaterThan(0);
  });
});
