/**
 * One way to ask the independent simulator (`@cloud-copilot/iam-simulate`, tests only) about a
 * request of a role in ACCOUNT: its identity policies, an optional permissions boundary, and the
 * request's context. KMS also asks the key policy; the usual one delegates to the account's IAM
 * policies, so that is what is given.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { ACCOUNT } from './intent-gen.js';
import type { OracleRequest } from './oracle.js';

export interface SimulationInput {
  readonly roleName: string;
  readonly identity: readonly { readonly name: string; readonly policy: unknown }[];
  readonly boundary?: { readonly name: string; readonly policy: unknown };
}

export function simulateRequest(input: SimulationInput, r: OracleRequest): ReturnType<typeof runSimulation> {
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
