/**
 * The identity laws for the data group's patterns, exhaustively rather than at random: for every
 * pattern and every name the oracle lists, every action of the pattern's services is asked on ARNs
 * drawn from the oracle's cells and their near misses. The random laws spread their requests over
 * every pattern; here a same-service action a pattern wrongly allows (GetParametersByPath on a
 * single parameter, a delete on another key) is asked every time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { concretise, MUTATIONS } from '../../properties/requests.js';
import { loadActionSamples, type ActionSample } from '../../properties/support/catalogue-samples.js';
import { compileYaml } from '../../properties/support/compile-yaml.js';
import { toYaml, type RoleSpec } from '../../properties/support/intent-gen.js';
import { denotes, requestIsReal, roleCells, type OracleRequest } from '../../properties/support/oracle.js';
import { DATA_NAMES } from '../../properties/support/oracle/data.js';
import { simulatedDecision } from '../../properties/support/simulate.js';

/** The core patterns whose meaning this group changed, with names that tell the changes apart. */
const CHANGED: Record<string, readonly string[]> = {
  'read ssm parameter': ['/app/prod/*', '/app/prod/db-url', '/app/*'],
  'read s3 objects': ['my-bucket/reports/*', 'my-bucket/data.csv'],
  'write dynamodb table': ['Orders'],
};

const PICKS = [[0], [1], [2]];

let samples: ActionSample[] = [];
let formats = new Map<string, readonly string[]>();
beforeAll(async () => {
  samples = await loadActionSamples();
  formats = new Map(samples.map((s) => [s.action.toLowerCase(), s.arnFormats]));
});

function requests(role: RoleSpec): OracleRequest[] {
  const cells = roleCells(role);
  const services = new Set(cells.flatMap((c) => c.actions.map((a) => a.split(':')[0]!)));
  const actions = new Set([...cells.flatMap((c) => c.actions), ...samples.filter((s) => services.has(s.service)).map((s) => s.action)]);
  const arns = new Set<string>();
  for (const glob of cells.flatMap((c) => c.resources)) {
    if (glob === '*') {
      arns.add('*');
      continue;
    }
    for (const picks of PICKS) for (const mutate of Object.values(MUTATIONS)) arns.add(mutate(concretise(glob, picks)));
  }
  const out: OracleRequest[] = [];
  for (const action of actions) for (const resource of arns) out.push({ action, resource, context: {} });
  return out.filter((r) => requestIsReal(r, (a) => formats.get(a.toLowerCase())));
}

const cases = Object.entries({ ...DATA_NAMES, ...CHANGED }).flatMap(([pattern, names]) => names.map((name) => [pattern, name] as const));

describe('data patterns: emitted policy allows ⇔ intent denotes, on every same-service action', () => {
  it.each(cases)('%s %s', async (pattern, name) => {
    const role: RoleSpec = { name: 'app', principal: { kind: 'ec2' }, grants: [{ pattern, targets: [name], when: {} }] };
    const compiled = compileYaml(toYaml(role));
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const identity = [...compiled.files!.entries()].filter(([path]) => path.startsWith('iam/roles/app.policy')).map(([path, text]) => ({ name: path, policy: JSON.parse(text) as unknown }));
    const cells = roleCells(role);
    const wrong: string[] = [];
    let allowed = 0;
    for (const r of requests(role)) {
      const decision = await simulatedDecision({ roleName: 'app', identity }, r);
      if (decision === 'Refused') continue;
      if (decision === 'Allowed') allowed++;
      if ((decision === 'Allowed') !== denotes(cells, r)) wrong.push(`${decision}: ${r.action} on ${r.resource}`);
    }
    expect(wrong).toEqual([]);
    // Every cell's action was asked somewhere it applies: the test is not vacuous.
    expect(allowed).toBeGreaterThan(0);
  });
});
