/**
 * Every pattern, every name, every run: for each key of the oracle's `NAMES` (all groups) and each
 * of its names (a targetless pattern once, with no name), a role holding that one grant is compiled
 * and checked against the independent simulator with requests drawn near the oracle's cells —
 * soundness (allowed ⇒ denoted) and completeness (denoted ⇒ allowed). The random identity laws
 * may miss a pattern on a run; this never does. Requests per name scale with IAMC_PROPERTY_RUNS.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextArb, requestArb, sampleServices } from './requests.js';
import { loadActionSamples, type ActionSample } from './support/catalogue-samples.js';
import { compileYaml } from './support/compile-yaml.js';
import { NAMES, PASS_TO, toYaml, type RoleSpec } from './support/intent-gen.js';
import { judge } from './support/judge.js';
import { roleCells } from './support/oracle.js';
import { APPS_NAMES } from './support/oracle/apps.js';
import { COMPUTE_NAMES } from './support/oracle/compute.js';
import { DATA_NAMES } from './support/oracle/data.js';
import { FORMS_NAMES } from './support/oracle/forms.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120);
/** Requests per (pattern, name): 8 by default, more as the property runs grow. */
const REQUESTS = Math.max(8, Math.round(RUNS / 15));

let samples: ActionSample[] = [];
let byAction = new Map<string, ActionSample>();
beforeAll(async () => {
  samples = await loadActionSamples(sampleServices());
  byAction = new Map(samples.map((s) => [s.action.toLowerCase(), s]));
});

const tally = { allowed: 0, denied: 0, skipped: 0 };

async function checkName(pattern: string, name: string | undefined): Promise<void> {
  const role: RoleSpec = {
    name: 'app',
    principal: { kind: 'ec2' },
    grants: [{ pattern, targets: name === undefined ? [] : [name], when: {}, ...(pattern === 'pass iam role' ? { to: PASS_TO[0] } : {}) }],
  };
  const yaml = toYaml(role);
  const compiled = compileYaml(yaml);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error'), yaml).toEqual([]);
  expect(compiled.verification, yaml).toEqual([]);
  const policies = [...compiled.files!.entries()].filter(([path]) => path.startsWith('iam/roles/app.policy')).map(([path, text]) => ({ name: path, policy: JSON.parse(text) as unknown }));
  const cells = roleCells(role);
  await fc.assert(
    fc.asyncProperty(requestArb(cells, samples), async (r) => {
      const judged = await judge(r, { name: 'app', policies }, cells, byAction);
      if (judged === undefined) {
        tally.skipped++;
        return;
      }
      const { allowed, denoted, context } = judged;
      if (allowed) tally.allowed++;
      else tally.denied++;
      const where = `${yaml}\n${r.action} on ${r.resource} with ${JSON.stringify(context)}`;
      expect(allowed && !denoted, `allowed but not denoted (soundness):\n${where}`).toBe(false);
      expect(denoted && !allowed, `denoted but not allowed (completeness):\n${where}`).toBe(false);
    }),
    { numRuns: REQUESTS },
  );
}

describe('every pattern, each of its names, against the simulator', () => {
  it('draws contexts with the namespace a cell intends, near misses of it, and none at all', () => {
    const cells = roleCells({ name: 'app', principal: { kind: 'ec2' }, grants: [{ pattern: 'write cloudwatch metrics', targets: ['MyApp'], when: {} }] });
    const drawn = fc.sample(contextArb(cells), { numRuns: 300, seed: 7 }).map((c) => c['cloudwatch:namespace']);
    expect(drawn).toContain('MyApp');
    expect(drawn).toContain(undefined);
    expect(drawn.filter((v) => v !== undefined && v !== 'MyApp' && v.toLowerCase().includes('myapp')).length).toBeGreaterThan(0);
  });

  it('finds each group\'s oracle entry in exactly one table', () => {
    const keys = [COMPUTE_NAMES, DATA_NAMES, APPS_NAMES, FORMS_NAMES].flatMap((t) => Object.keys(t));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  for (const [pattern, names] of Object.entries(NAMES)) {
    it(pattern, async () => {
      for (const name of names.length > 0 ? names : [undefined]) await checkName(pattern, name);
    });
  }

  it('judged most requests, and saw both outcomes often', () => {
    const judged = tally.allowed + tally.denied;
    expect(judged).toBeGreaterThan(tally.skipped);
    expect(tally.allowed).toBeGreaterThan(judged / 20);
    expect(tally.denied).toBeGreaterThan(judged / 20);
  });
});
