/**
 * Protections a permissions boundary carries so that a role bounded by it cannot escape it:
 * it may not edit or delete the boundary policy, nor remove the boundary from a role, and if it
 * may create roles, only roles bounded by the same policy.
 */
import type { StdlibStatement } from './statement.js';

/** Creating a new default version of the policy, or deleting it, would rewrite the cap itself. */
export const BOUNDARY_POLICY_EDITS: readonly string[] = [
  'iam:CreatePolicyVersion',
  'iam:DeletePolicy',
  'iam:DeletePolicyVersion',
  'iam:SetDefaultPolicyVersion',
];

/** Actions that attach a boundary to a role; each takes the `iam:PermissionsBoundary` key. */
export const ROLE_CREATION: readonly string[] = ['iam:CreateRole', 'iam:PutRolePermissionsBoundary'];

/**
 * Why the seed article's boundary fails: it conditions `iam:PassRole` (and others) on
 * `iam:PermissionsBoundary`, a key PassRole never carries, so that condition never matches.
 * The key applies only where a boundary is being set (checked against the catalogue in tests).
 */
export const PERMISSIONS_BOUNDARY_KEY = 'iam:PermissionsBoundary';

export function boundaryProtections(partition: string, account: string, boundaryPolicyArn: string): StdlibStatement[] {
  return [
    {
      sid: 'DenyBoundaryPolicyEdits',
      effect: 'Deny',
      actions: BOUNDARY_POLICY_EDITS,
      resources: [boundaryPolicyArn],
      conditions: [],
    },
    {
      sid: 'DenyBoundaryRemoval',
      effect: 'Deny',
      actions: ['iam:DeleteRolePermissionsBoundary'],
      resources: [`arn:${partition}:iam::${account}:role/*`],
      conditions: [],
    },
  ];
}

/**
 * `delegate role-creation`: roles may be created, or have a boundary put on them, only with this
 * boundary. In the boundary this is an Allow with the condition, so any other boundary (or none)
 * falls outside the cap.
 */
export function delegatedRoleCreation(partition: string, account: string, boundaryPolicyArn: string): StdlibStatement {
  return {
    sid: 'AllowRoleCreationWithThisBoundary',
    effect: 'Allow',
    actions: ROLE_CREATION,
    resources: [`arn:${partition}:iam::${account}:role/*`],
    conditions: [{ operator: 'StringEquals', key: PERMISSIONS_BOUNDARY_KEY, values: [boundaryPolicyArn] }],
  };
}
