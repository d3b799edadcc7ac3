/**
 * The guarantee (DESIGN §5) for identity policies, checked with an independent evaluator
 * (`@cloud-copilot/iam-simulate`) on the emitted `iam/roles/NAME.policy*.json`, against the
 * denotation computed from the generated intent by `support/oracle.ts`.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestArb, sampleServices } from './requests.js';
import { loadActionSamples, type ActionSample } from './support/catalogue-samples.js';
import { compileYaml } from './support/compile-yaml.js';
import { roleArb, toYaml, type RoleSpec } from './support/intent-gen.js';
import { judge } from './support/judge.js';
import { roleCells, type OracleRequest } from './support/oracle.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120);
const REQUESTS_PER_INTENT = 10;

let samples: ActionSample[] = [];
let byAction = new Map<string, ActionSample>();
beforeAll(async () => {
  samples = await loadActionSamples(sampleServices());
  byAction = new Map(samples.map((s) => [s.action.toLowerCase(), s]));
});

type Law = 'soundness' | 'completeness';

interface Tally {
  allowed: number;
  denied: number;
  skipped: number;
}

/** Compiles the intent and checks one law on generated requests; returns counts for the sanity checks. */
async function checkLaw(law: Law, role: RoleSpec, requests: readonly OracleRequest[], tally: Tally): Promise<void> {
  const yaml = toYaml(role);
  const compiled = compileYaml(yaml);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, yaml).toEqual([]);
  const policies = [...compiled.files!.entries()]
    .filter(([path]) => path.startsWith(`iam/roles/${role.name}.policy`))
    .map(([path, text]) => ({ name: path, policy: JSON.parse(text) as unknown }));
  const cells = roleCells(role);
  for (const r of requests) {
    const judged = await judge(r, { name: role.name, policies }, cells, byAction);
    if (judged === undefined) {
      tally.skipped++;
      continue;
    }
    const { allowed, denoted, context } = judged;
    if (allowed) tally.allowed++;
    else tally.denied++;
    const where = `${yaml}\n${r.action} on ${r.resource} with ${JSON.stringify(context)}`;
    if (law === 'soundness' && allowed) expect(denoted, `allowed but not denoted:\n${where}`).toBe(true);
    if (law === 'completeness' && denoted) expect(allowed, `denoted but not allowed:\n${where}`).toBe(true);
  }
}

const cases = () =>
  roleArb.chain((role) => fc.tuple(fc.constant(role), fc.array(requestArb(roleCells(role), samples), { minLength: REQUESTS_PER_INTENT, maxLength: REQUESTS_PER_INTENT })));

describe('identity policies', () => {
  for (const [law, title] of [
    ['soundness', 'emitted policy allows ⇒ intent denotes'],
    ['completeness', 'intent denotes ⇒ emitted policy allows'],
  ] as const) {
    it(title, async () => {
      const tally: Tally = { allowed: 0, denied: 0, skipped: 0 };
      await fc.assert(
        fc.asyncProperty(cases(), async ([role, requests]) => checkLaw(law, role, requests, tally)),
        { numRuns: RUNS },
      );
      // The laws are only as good as the requests: both outcomes must be common.
      const judged = tally.allowed + tally.denied;
      expect(judged).toBeGreaterThan(tally.skipped);
      expect(tally.allowed).toBeGreaterThan(judged / 20);
      expect(tally.denied).toBeGreaterThan(judged / 20);
    });
  }

  it('the compile-time proof accepts every generated intent', () => {
    fc.assert(
      fc.property(roleArb, (role) => {
        const compiled = compileYaml(toYaml(role));
        expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(compiled.verification).toEqual([]);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
