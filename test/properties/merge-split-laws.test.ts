/**
 * Merging and splitting only rearrange a policy: the merged statements, and the split documents
 * taken together, must decide every request exactly as the statements they came from. Decisions
 * are taken twice, by the independent simulator (`@cloud-copilot/iam-simulate`) and by our own
 * evaluator, so a rearrangement that only one of them notices still fails.
 */
import fc from 'fast-check';
import { simulatedDecision } from './support/simulate.js';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../compiler/diagnostics/diagnostic.js';
import { evaluate } from '../../compiler/eval/evaluate.js';
import { mergeStatements } from '../../compiler/ir/merge-statements.js';
import type { ConditionClause, IntentRole } from '../../compiler/ir/intent.js';
import { policyChars, policyObject } from '../../compiler/ir/policy-json.js';
import type { PolicyDocument, Statement } from '../../compiler/ir/policy.js';
import { MANAGED_POLICY_MAX_CHARS } from '../../compiler/lower/limits.js';
import { splitPolicy } from '../../compiler/lower/split-policy.js';
import { concretise, contextArb, MUTATIONS } from './requests.js';
import { ACCOUNT, REGION } from './support/intent-gen.js';
import type { OracleRequest } from './support/oracle.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120);
const MERGE_RUNS = RUNS;
const SPLIT_RUNS = Math.max(10, Math.ceil(RUNS / 4));
const REQUESTS_PER_CASE = 8;

const span = { file: 'intent.iam.yaml', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } as unknown as Statement['origins'][number];
const regional = (service: string, resource: string): string => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** A few real actions, each with ARN globs of a resource type it accepts (from the catalogue). */
const FAMILIES = [
  { actions: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'], resources: [regional('sqs', 'orders'), regional('sqs', 'orders-*'), regional('sqs', 'jobs.fifo')] },
  { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::my-bucket/reports/*', 'arn:aws:s3:::my-bucket/data.csv', 'arn:aws:s3:::exports/*'] },
  { actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [regional('dynamodb', 'table/Orders'), regional('dynamodb', 'table/Orders/index/*'), regional('dynamodb', 'table/orders-*')] },
] as const;

const CONDITIONS: readonly ConditionClause[] = [
  { operator: 'StringEquals', key: 'aws:SourceVpce', values: ['vpce-1a2b3c4d'] },
  { operator: 'IpAddress', key: 'aws:SourceIp', values: ['10.0.0.0/8'] },
  { operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'] },
];

/** Small pools so that equal action sets and equal resource sets, the merge cases, are common. */
const statementArb: fc.Arbitrary<Statement> = fc
  .record({
    family: fc.nat({ max: FAMILIES.length - 1 }),
    actions: fc.uniqueArray(fc.nat({ max: 2 }), { minLength: 1, maxLength: 2 }),
    resources: fc.uniqueArray(fc.nat({ max: 2 }), { minLength: 1, maxLength: 2 }),
    conditions: fc.oneof({ weight: 2, arbitrary: fc.constant([] as number[]) }, { weight: 1, arbitrary: fc.uniqueArray(fc.nat({ max: CONDITIONS.length - 1 }), { minLength: 1, maxLength: 2 }) }),
  })
  .map(({ family, actions, resources, conditions }) => {
    const f = FAMILIES[family]!;
    return {
      sid: '',
      effect: 'Allow' as const,
      actions: [...new Set(actions.map((i) => f.actions[i % f.actions.length]!))].sort(),
      resources: [...new Set(resources.map((i) => f.resources[i]!))].sort(),
      conditions: conditions.map((i) => CONDITIONS[i]!),
      origins: [span],
    };
  });

const withSids = (statements: readonly Statement[]): Statement[] => statements.map((s, i) => ({ ...s, sid: `S${i}` }));

/**
 * Requests near the statements: an action and a concretised, sometimes mutated, ARN of the same
 * family (the simulator refuses an action on a resource type it does not take), mostly of the
 * families the statements use.
 */
function requestsNear(statements: readonly Statement[]): fc.Arbitrary<OracleRequest[]> {
  const used = FAMILIES.filter((f) => statements.some((s) => s.actions?.some((a) => (f.actions as readonly string[]).includes(a))));
  const request = fc
    .oneof({ weight: 4, arbitrary: fc.constantFrom(...used) }, { weight: 1, arbitrary: fc.constantFrom(...FAMILIES) })
    .chain((f) =>
      fc.record({
        action: fc.constantFrom(...f.actions),
        glob: fc.constantFrom(...f.resources),
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        mutation: fc.constantFrom('none', 'none', 'none', ...Object.keys(MUTATIONS)),
        context: contextArb(),
      }),
    );
  return fc.array(request.map(({ action, glob, picks, mutation, context }) => ({ action, resource: MUTATIONS[mutation]!(concretise(glob, picks)), context })), {
    minLength: REQUESTS_PER_CASE,
    maxLength: REQUESTS_PER_CASE,
  });
}

type SimDecision = 'Allowed' | 'Denied' | 'Refused';

/** The simulator's decision for a role holding these identity policies. */
function simulate(documents: readonly PolicyDocument[], r: OracleRequest): Promise<SimDecision> {
  return simulatedDecision({ roleName: 'app', identity: documents.map((d, i) => ({ name: `policy-${i}`, policy: policyObject(d) })) }, r);
}

function ours(documents: readonly PolicyDocument[], r: OracleRequest): boolean {
  return evaluate({ identity: documents }, { principal: `arn:aws:iam::${ACCOUNT}:role/app`, action: r.action, resource: r.resource, context: r.context }).decision === 'Allowed';
}

interface Tally {
  allowed: number;
  denied: number;
  refused: number;
  rearranged: number;
  cases: number;
}

/** Both evaluators decide `before` and `after` alike on every request. */
async function sameDecisions(before: readonly PolicyDocument[], after: readonly PolicyDocument[], requests: readonly OracleRequest[], tally: Tally, where: string): Promise<void> {
  for (const r of requests) {
    const what = `${where}\n${r.action} on ${r.resource} with ${JSON.stringify(r.context)}`;
    const expected = await simulate(before, r);
    const actual = await simulate(after, r);
    expect(actual, `simulator: ${what}`).toBe(expected);
    expect(ours(after, r), `our evaluator: ${what}`).toBe(ours(before, r));
    if (expected === 'Allowed') tally.allowed++;
    else if (expected === 'Denied') tally.denied++;
    else tally.refused++;
  }
}

/** The laws are only as good as their cases: rearrangements and both outcomes must be common. */
function expectNonTrivial(tally: Tally): void {
  const judged = tally.allowed + tally.denied;
  expect(judged).toBeGreaterThan(tally.refused * 4);
  expect(tally.allowed).toBeGreaterThan(judged / 20);
  expect(tally.denied).toBeGreaterThan(judged / 20);
  // About two in five cases rearrange; a sixth leaves room for chance without letting a generator
  // that stopped producing mergeable or splittable cases pass unnoticed.
  expect(tally.rearranged).toBeGreaterThan(tally.cases / 6);
}

describe('statement merging', () => {
  it('merging preserves evaluation', async () => {
    const tally: Tally = { allowed: 0, denied: 0, refused: 0, rearranged: 0, cases: 0 };
    const cases = fc.array(statementArb, { minLength: 2, maxLength: 7 }).chain((statements) => fc.tuple(fc.constant(withSids(statements)), requestsNear(statements)));
    await fc.assert(
      fc.asyncProperty(cases, async ([statements, requests]) => {
        const merged = mergeStatements(statements);
        tally.cases++;
        if (merged.length < statements.length) tally.rearranged++;
        const where = `unmerged ${JSON.stringify(policyObject({ statements }))}\nmerged ${JSON.stringify(policyObject({ statements: merged }))}`;
        await sameDecisions([{ statements }], [{ statements: merged }], requests, tally, where);
      }),
      { numRuns: MERGE_RUNS },
    );
    expectNonTrivial(tally);
  });
});

/** Many targets of one resource type, with names long enough that a role outgrows one managed policy. */
const SPLIT_FAMILIES = [
  { actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], arn: (n: string) => regional('sqs', n) },
  { actions: ['s3:GetObject', 's3:GetObjectVersion'], arn: (n: string) => `arn:aws:s3:::${n}-bucket/reports/*` },
  { actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'], arn: (n: string) => regional('dynamodb', `table/${n}`) },
] as const;

const targetName = fc
  .tuple(fc.constantFrom('orders', 'payments', 'inventory', 'shipping', 'billing-events'), fc.nat({ max: 999 }), fc.constantFrom('', '-*', '-dlq'))
  .map(([base, n, tail]) => `${base}-${String(n).padStart(3, '0')}${tail}`);

const bigStatementArb: fc.Arbitrary<Statement> = fc
  .record({
    family: fc.nat({ max: SPLIT_FAMILIES.length - 1 }),
    // Up to 160 targets: one statement alone may outgrow a managed policy and be cut along its resources.
    targets: fc.uniqueArray(targetName, { minLength: 1, maxLength: 160, size: 'max' }),
    conditions: fc.oneof({ weight: 3, arbitrary: fc.constant([] as number[]) }, { weight: 1, arbitrary: fc.uniqueArray(fc.nat({ max: CONDITIONS.length - 1 }), { minLength: 1, maxLength: 2 }) }),
  })
  .map(({ family, targets, conditions }) => {
    const f = SPLIT_FAMILIES[family]!;
    return { sid: '', effect: 'Allow' as const, actions: [...f.actions], resources: targets.map(f.arn).sort(), conditions: conditions.map((i) => CONDITIONS[i]!), origins: [span] };
  });

const role = { name: 'app', managedPolicies: [], span } as unknown as IntentRole;

describe('policy splitting', () => {
  it('splitting preserves evaluation', async () => {
    const tally: Tally = { allowed: 0, denied: 0, refused: 0, rearranged: 0, cases: 0 };
    let cut = 0;
    const cases = fc
      .array(bigStatementArb, { minLength: 1, maxLength: 6 })
      .map(withSids)
      .chain((statements) => {
        // An action of a statement's family on one of its resources, concretised and sometimes mutated.
        const request = fc
          .constantFrom(...statements)
          .chain((s) =>
            fc.record({
              action: fc.constantFrom(...SPLIT_FAMILIES.find((f) => f.actions.includes(s.actions![0]! as never))!.actions),
              glob: fc.constantFrom(...s.resources!),
              picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
              mutation: fc.constantFrom('none', 'none', 'none', 'suffix', 'otherRegion', 'prefix'),
              context: contextArb(),
            }),
          )
          .map(({ action, glob, picks, mutation, context }) => ({ action, resource: MUTATIONS[mutation]!(concretise(glob, picks)), context }));
        return fc.tuple(fc.constant(statements), fc.array(request, { minLength: REQUESTS_PER_CASE, maxLength: REQUESTS_PER_CASE }));
      });
    await fc.assert(
      fc.asyncProperty(cases, async ([statements, requests]) => {
        const bag = new DiagnosticBag();
        const documents = splitPolicy(role, statements, bag);
        tally.cases++;
        if (documents.length > 1) tally.rearranged++;
        if (documents.some((d) => d.statements.some((s) => /Part\d+$/.test(s.sid)))) cut++;
        // Realistic ARNs never make one resource outgrow a policy; only the attachment limit may be hit.
        expect(bag.items.filter((d) => d.message.includes('alone is larger'))).toEqual([]);
        for (const d of documents) expect(policyChars(d)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
        const where = `${statements.length} statements, ${statements.reduce((n, s) => n + (s.resources?.length ?? 0), 0)} resources into ${documents.length} documents`;
        await sameDecisions([{ statements }], documents, requests, tally, where);
      }),
      // Shrinking hundreds of resources through the simulator takes minutes; the first failure is shown.
      { numRuns: SPLIT_RUNS, endOnFailure: true },
    );
    expectNonTrivial(tally);
    // A statement too large on its own, cut along its resources, must be among the cases.
    expect(cut).toBeGreaterThan(0);
  });
});
