/**
 * A permissions boundary caps a role: what the role may do is what its identity policy allows and
 * the boundary allows. Generated roles are compiled through `compileSources` with a boundary of
 * `allow-services` drawn from the services they use; the simulator (`@cloud-copilot/iam-simulate`)
 * evaluates the emitted identity policy alone and with the emitted boundary JSON attached.
 */
import fc from 'fast-check';
import { simulatedDecision } from './support/simulate.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSources } from '../../compiler/pipeline.js';
import { requestArb } from './requests.js';
import { loadActionSamples, type ActionSample } from './support/catalogue-samples.js';
import { ACCOUNT, roleArb, toYaml, type RoleSpec } from './support/intent-gen.js';
import { roleCells, type OracleRequest } from './support/oracle.js';

const RUNS = Math.max(10, Math.ceil(Number(process.env.IAMC_PROPERTY_RUNS ?? 120) / 2));
const REQUESTS_PER_INTENT = 10;
const BOUNDARY = 'dev-boundary';

let samples: ActionSample[] = [];
beforeAll(async () => {
  samples = await loadActionSamples();
});

/** The boundary's protections, restated from DESIGN (a bounded role may not loosen its own cap). */
function protectedRequest(r: OracleRequest): boolean {
  const action = r.action.toLowerCase();
  if (['iam:createpolicyversion', 'iam:deletepolicy', 'iam:deletepolicyversion', 'iam:setdefaultpolicyversion'].includes(action)) {
    return r.resource === `arn:aws:iam::${ACCOUNT}:policy/${BOUNDARY}`;
  }
  return action === 'iam:deleterolepermissionsboundary' && r.resource.startsWith(`arn:aws:iam::${ACCOUNT}:role/`);
}

/** Requests the protections speak of, beside those near the role's grants. */
const protectionRequestArb: fc.Arbitrary<OracleRequest> = fc.oneof(
  fc.record({
    action: fc.constantFrom('iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:SetDefaultPolicyVersion'),
    resource: fc.constantFrom(`arn:aws:iam::${ACCOUNT}:policy/${BOUNDARY}`, `arn:aws:iam::${ACCOUNT}:policy/other`),
    context: fc.constant({}),
  }),
  fc.record({ action: fc.constant('iam:DeleteRolePermissionsBoundary'), resource: fc.constant(`arn:aws:iam::${ACCOUNT}:role/app`), context: fc.constant({}) }),
);

/**
 * A raw grant of protected actions (those the escalation lint lets through), so the boundary's Deny is what stands between role and request. */
const ESCAPE_GRANT = [
  '      - allow: iam:DeletePolicy',
  `        on: "arn:aws:iam::${ACCOUNT}:policy/*"`,
  '        because: the boundary must hold even when the identity policy allows this',
  '      - allow: iam:DeleteRolePermissionsBoundary',
  `        on: "arn:aws:iam::${ACCOUNT}:role/*"`,
  '        because: the boundary must hold even when the identity policy allows this',
].join('\n');

interface BoundedCase {
  readonly role: RoleSpec;
  readonly services: readonly string[];
  readonly escape: boolean;
  readonly requests: readonly OracleRequest[];
}

function yamlOf(c: BoundedCase): string {
  const base = toYaml(c.role).replace('    in: prod\n', `    in: prod\n    bounded-by: ${BOUNDARY}\n`);
  const grants = c.escape ? `${base}${ESCAPE_GRANT}\n` : base;
  return `${grants}boundaries:\n  ${BOUNDARY}:\n    allow-services: [${c.services.join(', ')}]\n`;
}

const caseArb = (): fc.Arbitrary<BoundedCase> =>
  roleArb.chain((role) => {
    const cells = roleCells(role);
    const used = [...new Set(cells.flatMap((c) => c.actions.map((a) => a.split(':')[0]!)))].sort();
    return fc.record({
      role: fc.constant(role),
      // A strict subset as often as not, so that some granted services fall outside the cap.
      services: fc.subarray([...used, 'iam', 'ec2'], { minLength: 1 }),
      escape: fc.boolean(),
      requests: fc.array(fc.oneof({ weight: 5, arbitrary: requestArb(cells, samples) }, { weight: 1, arbitrary: protectionRequestArb }), {
        minLength: REQUESTS_PER_INTENT,
        maxLength: REQUESTS_PER_INTENT,
      }),
    });
  });

type Outcome = 'Allowed' | 'Denied' | 'Refused';

function simulate(identity: unknown, boundary: unknown | undefined, r: OracleRequest): Promise<Outcome> {
  return simulatedDecision({ roleName: 'app', identity: [{ name: 'identity', policy: identity }], ...(boundary === undefined ? {} : { boundary: { name: BOUNDARY, policy: boundary } }) }, r);
}

interface Tally {
  both: number;
  cappedByService: number;
  cappedByProtection: number;
  denied: number;
  refused: number;
  skipped: number;
}

/** Compiles the case and checks, per request, what `check` says about the three decisions. */
async function checkCase(c: BoundedCase, tally: Tally, check: (identityAllows: boolean, bounded: boolean, inCap: boolean, where: string) => void): Promise<void> {
  const yaml = yamlOf(c);
  const compiled = compileSources([{ path: 'intent.iam.yaml', text: yaml }]);
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  // Lint rules may refuse a generated intent (IAM5xxx); anything else is a failure.
  expect(errors.filter((d) => !d.code.startsWith('IAM5')), yaml).toEqual([]);
  if (errors.length > 0) {
    tally.skipped++;
    return;
  }
  const files = compiled.files!;
  const identityPaths = [...files.keys()].filter((p) => p.startsWith(`iam/roles/${c.role.name}.policy`));
  expect(identityPaths, yaml).toEqual([`iam/roles/${c.role.name}.policy.json`]);
  const identity = JSON.parse(files.get(identityPaths[0]!)!) as unknown;
  const boundaryText = files.get(`iam/boundaries/${BOUNDARY}.json`);
  expect(boundaryText, yaml).toBeDefined();
  // AWS expands `${aws:PrincipalAccount}` to the role's account at evaluation; the simulator
  // leaves variables in Resource unexpanded (its Deny would never match), so it is done here.
  const boundary = JSON.parse(boundaryText!.replaceAll('${aws:PrincipalAccount}', ACCOUNT)) as unknown;
  for (const r of c.requests) {
    const alone = await simulate(identity, undefined, r);
    const bounded = await simulate(identity, boundary, r);
    if (alone === 'Refused' || bounded === 'Refused') {
      tally.refused++;
      continue;
    }
    const inCap = c.services.includes(r.action.split(':')[0]!.toLowerCase()) && !protectedRequest(r);
    if (alone === 'Allowed' && bounded === 'Allowed') tally.both++;
    else if (alone === 'Allowed' && !c.services.includes(r.action.split(':')[0]!.toLowerCase())) tally.cappedByService++;
    else if (alone === 'Allowed') tally.cappedByProtection++;
    else tally.denied++;
    check(alone === 'Allowed', bounded === 'Allowed', inCap, `${yaml}\n${r.action} on ${r.resource} with ${JSON.stringify(r.context)}`);
  }
}

describe('permission boundaries', () => {
  it('effective access = identity ∩ boundary', async () => {
    const tally: Tally = { both: 0, cappedByService: 0, cappedByProtection: 0, denied: 0, refused: 0, skipped: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb(), (c) =>
        checkCase(c, tally, (identityAllows, bounded, inCap, where) => expect(bounded, where).toBe(identityAllows && inCap)),
      ),
      { numRuns: RUNS },
    );
    // Each way of being capped, and plain allows and denies, must occur.
    const judged = tally.both + tally.cappedByService + tally.cappedByProtection + tally.denied;
    expect(judged).toBeGreaterThan(tally.refused * 2);
    expect(tally.both).toBeGreaterThan(judged / 20);
    expect(tally.cappedByService).toBeGreaterThan(judged / 40);
    expect(tally.cappedByProtection).toBeGreaterThan(0);
    expect(tally.denied).toBeGreaterThan(judged / 20);
    expect(tally.skipped).toBeLessThan(RUNS / 2);
  });

  it('nothing the boundary forbids passes', async () => {
    const tally: Tally = { both: 0, cappedByService: 0, cappedByProtection: 0, denied: 0, refused: 0, skipped: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb(), (c) =>
        checkCase(c, tally, (_identityAllows, bounded, inCap, where) => {
          if (!inCap) expect(bounded, `outside the boundary but allowed:\n${where}`).toBe(false);
        }),
      ),
      { numRuns: RUNS },
    );
    expect(tally.cappedByService + tally.cappedByProtection).toBeGreaterThan(0);
  });
});
