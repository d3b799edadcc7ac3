/**
 * A boundary protects itself: a role bounded by it can never change or remove its own boundary,
 * nor edit or delete the boundary policy, whatever else the boundary allows (`allow services
 * [iam]`, raw allows of the very actions) and whether or not it delegates role creation. The role
 * is given an identity policy that allows everything, so the emitted boundary alone stands between
 * it and the request; the independent simulator (`@cloud-copilot/iam-simulate`) decides.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSources } from '../../compiler/pipeline.js';
import { ACCOUNT } from './support/intent-gen.js';
import { simulatedDecision } from './support/simulate.js';
import type { OracleRequest } from './support/oracle.js';

const RUNS = Math.max(10, Math.ceil(Number(process.env.IAMC_PROPERTY_RUNS ?? 120) / 2));
const BOUNDARY = 'dev-boundary';
const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT}:policy/${BOUNDARY}`;
const OWN_ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const OTHER_ROLE = `arn:aws:iam::${ACCOUNT}:role/other`;
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const POLICY_EDITS = ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion'] as const;
const FULL_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

interface Case {
  readonly services: readonly string[];
  readonly delegate: boolean;
  /** Raw allows of the protected actions in the boundary itself: the protection must still win. */
  readonly rawAllows: boolean;
  readonly requests: readonly OracleRequest[];
}

const boundaryValue = fc.constantFrom(ADMIN, `arn:aws:iam::${ACCOUNT}:policy/other-boundary`, BOUNDARY_ARN, undefined);

const requestArb: fc.Arbitrary<OracleRequest> = fc.oneof(
  fc.record({
    action: fc.constantFrom(...POLICY_EDITS),
    resource: fc.constantFrom(BOUNDARY_ARN, `arn:aws:iam::${ACCOUNT}:policy/other`),
    context: fc.constant({}),
  }),
  fc.record({ action: fc.constant('iam:DeleteRolePermissionsBoundary'), resource: fc.constantFrom(OWN_ROLE, OTHER_ROLE), context: fc.constant({}) }),
  fc.record({
    action: fc.constant('iam:PutRolePermissionsBoundary'),
    resource: fc.constantFrom(OWN_ROLE, OTHER_ROLE),
    context: boundaryValue.map((v): Record<string, string> => (v === undefined ? {} : { 'iam:PermissionsBoundary': v })),
  }),
  // Near the protected ones but outside them: what the boundary lets through when it allows `iam`.
  fc.constantFrom<OracleRequest>(
    { action: 'iam:GetPolicy', resource: BOUNDARY_ARN, context: {} },
    { action: 'iam:TagRole', resource: OWN_ROLE, context: {} },
  ),
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  services: fc.subarray(['iam', 's3', 'ec2', 'lambda'], { minLength: 1 }),
  delegate: fc.boolean(),
  rawAllows: fc.boolean(),
  requests: fc.array(requestArb, { minLength: 8, maxLength: 8 }),
});

function yamlOf(c: Case): string {
  const raw = c.rawAllows
    ? [
        '    statements:',
        `      - { allow: [iam:PutRolePermissionsBoundary, iam:DeleteRolePermissionsBoundary], on: "arn:aws:iam::${ACCOUNT}:role/*", because: the protection must hold even so }`,
        `      - { allow: [${POLICY_EDITS.join(', ')}], on: "arn:aws:iam::${ACCOUNT}:policy/*", because: the protection must hold even so }`,
      ]
    : [];
  return [
    `accounts: { prod: "${ACCOUNT}" }`,
    'region: eu-west-1',
    'roles:',
    '  app:',
    '    for: ec2',
    '    in: prod',
    `    bounded-by: ${BOUNDARY}`,
    '    grants: [ { read s3 bucket: reports } ]',
    'boundaries:',
    `  ${BOUNDARY}:`,
    `    allow-services: [${c.services.join(', ')}]`,
    ...(c.delegate ? ['    delegate-role-creation: true'] : []),
    ...raw,
    '',
  ].join('\n');
}

/** The law, from its wording: does the request change the role's own boundary or the boundary policy? */
function changesOwnBoundary(r: OracleRequest): boolean {
  if ((POLICY_EDITS as readonly string[]).includes(r.action)) return r.resource === BOUNDARY_ARN;
  if (r.resource !== OWN_ROLE) return false;
  if (r.action === 'iam:DeleteRolePermissionsBoundary') return true;
  return r.action === 'iam:PutRolePermissionsBoundary' && (r.context as Record<string, string>)['iam:PermissionsBoundary'] !== BOUNDARY_ARN;
}

function compileBoundary(c: Case): unknown {
  const yaml = yamlOf(c);
  const compiled = compileSources([{ path: 'intent.iam.yaml', text: yaml }]);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error'), yaml).toEqual([]);
  const text = compiled.files!.get(`iam/boundaries/${BOUNDARY}.json`);
  expect(text, yaml).toBeDefined();
  // AWS expands `${aws:PrincipalAccount}` at evaluation; the simulator leaves it in Resource as is.
  return JSON.parse(text!.replaceAll('${aws:PrincipalAccount}', ACCOUNT)) as unknown;
}

describe('boundaries protect themselves', () => {
  it("a bounded role's effective access never includes changing its own boundary or the boundary policy", async () => {
    let refusedChanges = 0;
    let allowedOthers = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const boundary = compileBoundary(c);
        for (const r of c.requests) {
          const decision = await simulatedDecision({ roleName: 'app', identity: [{ name: 'admin', policy: FULL_ACCESS }], boundary: { name: BOUNDARY, policy: boundary } }, r);
          if (decision === 'Refused') {
            refused++;
            continue;
          }
          const where = `${yamlOf(c)}\n${r.action} on ${r.resource} with ${JSON.stringify(r.context)}`;
          if (changesOwnBoundary(r)) {
            expect(decision, `the bounded role changed its own boundary:\n${where}`).toBe('Denied');
            refusedChanges++;
          } else if (decision === 'Allowed') allowedOthers++;
        }
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: the boundary lets nearby IAM requests through, so the denials are the protection's.
    expect(refusedChanges).toBeGreaterThan(RUNS);
    expect(allowedOthers).toBeGreaterThan(RUNS / 4);
    expect(refused).toBe(0);
  });

  it('a bounded role never creates a role less bounded than itself, nor puts a boundary on one unless delegated (then only this one)', async () => {
    let allowed = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, boundaryValue, fc.constantFrom('iam:PutRolePermissionsBoundary', 'iam:CreateRole'), fc.constantFrom(OWN_ROLE, OTHER_ROLE), async (c, value, action, role) => {
        // With `iam` allowed, only the protections stand in the way.
        const withIam = { ...c, services: [...new Set([...c.services, 'iam'])] };
        const boundary = compileBoundary(withIam);
        const r: OracleRequest = { action, resource: role, context: value === undefined ? {} : { 'iam:PermissionsBoundary': value } };
        const decision = await simulatedDecision({ roleName: 'app', identity: [{ name: 'admin', policy: FULL_ACCESS }], boundary: { name: BOUNDARY, policy: boundary } }, r);
        const expected = value === BOUNDARY_ARN && (action === 'iam:CreateRole' || withIam.delegate) ? 'Allowed' : 'Denied';
        if (expected === 'Allowed') allowed++;
        expect(decision, `${yamlOf(withIam)}\n${JSON.stringify(r)}`).toBe(expected);
      }),
      { numRuns: RUNS },
    );
    expect(allowed).toBeGreaterThan(0);
  });
});
