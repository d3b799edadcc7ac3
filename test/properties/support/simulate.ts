/**
 * One way to ask the independent simulator (`@cloud-copilot/iam-simulate`, tests only) about a
 * request of a role in ACCOUNT: its identity policies, an optional permissions boundary, and the
 * request's context. KMS also asks the key policy; the usual one delegates to the account's IAM
 * policies, so that is what is given.
 *
 * The simulator reads AWS's catalogue itself and cannot be given compiler/catalogue/overrides.ts:
 * it refuses a request the catalogue gets wrong (`states:SendTaskSuccess` on its state machine)
 * or reads it otherwise (`log-group:NAME:*` as a request for every group's resources). Such a
 * request, and only such a request, is judged by iamc's own evaluator (compiler/eval/evaluate.ts),
 * so the laws still cover it; every other request is the simulator's alone.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { CATALOGUE_OVERRIDES, actionOverride } from '../../../compiler/catalogue/overrides.js';
import { isAllowed } from '../../../compiler/eval/evaluate.js';
import { ACCOUNT } from './intent-gen.js';
import type { OracleRequest } from './oracle.js';

export interface SimulationInput {
  readonly roleName: string;
  readonly identity: readonly { readonly name: string; readonly policy: unknown }[];
  readonly boundary?: { readonly name: string; readonly policy: unknown };
}

type Simulated = Awaited<ReturnType<typeof runSimulation>>;

export async function simulateRequest(input: SimulationInput, r: OracleRequest): Promise<Simulated> {
  return overridden(r) ? judgedByIamc(input, r) : runSimulator(input, r);
}

/** Does an entry of the override table say how AWS authorises this request? */
export function overridden(r: OracleRequest): boolean {
  if (actionOverride(r.action) !== undefined) return true;
  const service = r.action.split(':')[0]!.toLowerCase();
  return CATALOGUE_OVERRIDES.some((o) => o.kind === 'arn-suffix' && o.resourceType.split('/')[0] === service && !o.suffix.includes('${') && r.resource.endsWith(o.suffix));
}

/** iamc's evaluator, answering in the simulator's shape (no context key is ignored). */
function judgedByIamc(input: SimulationInput, r: OracleRequest): Simulated {
  const context = Object.fromEntries(Object.entries(r.context).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]));
  const allowed = isAllowed(
    { identity: input.identity.map((p) => p.policy as never), ...(input.boundary === undefined ? {} : { boundary: [input.boundary.policy as never] }) },
    { principal: `arn:aws:iam::${ACCOUNT}:role/${input.roleName}`, action: r.action, resource: r.resource, context },
  );
  return { resultType: 'single', overallResult: allowed ? 'Allowed' : 'ImplicitlyDenied', result: { ignoredContextKeys: [] } } as unknown as Simulated;
}

function runSimulator(input: SimulationInput, r: OracleRequest): Promise<Simulated> {
  const accountId = r.resource.split(':')[4] || ACCOUNT;
  return runSimulation(
    {
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:role/${input.roleName}`,
        action: r.action,
        resource: { resource: r.resource, accountId },
        contextVariables: Object.fromEntries(Object.entries(r.context).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]])),
      },
      identityPolicies: input.identity.map((p) => ({ name: p.name, policy: p.policy as never })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(input.boundary === undefined ? {} : { permissionBoundaryPolicies: [{ name: input.boundary.name, policy: input.boundary.policy as never }] }),
      ...(r.action.toLowerCase().startsWith('kms:')
        ? { resourcePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' }] } }
        : {}),
    },
    {},
  );
}

/** The simulator's verdict, with 'Refused' when it would not simulate the request at all. */
export async function simulatedDecision(input: SimulationInput, r: OracleRequest): Promise<'Allowed' | 'Denied' | 'Refused'> {
  const result = await simulateRequest(input, r);
  if (result.resultType !== 'single') return 'Refused';
  return result.overallResult === 'Allowed' ? 'Allowed' : 'Denied';
}
