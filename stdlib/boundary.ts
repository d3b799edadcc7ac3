/**
 * Protections a permissions boundary carries so that a role bounded by it cannot escape it:
 * it may not edit or delete the boundary policy, nor remove or replace the boundary of a role
 * (its own included), and if it may create roles, only roles bounded by the same policy.
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
 * Why the hand-written boundary in examples/lint/developer-boundary.json fails: it conditions `iam:PassRole` (and others) on
 * `iam:PermissionsBoundary`, a key PassRole never carries, so that condition never matches.
 * The key applies only where a boundary is being set (checked against the catalogue in tests).
 */
export const PERMISSIONS_BOUNDARY_KEY = 'iam:PermissionsBoundary';

/**
 * Always: the policy cannot be edited or deleted, and no role's boundary can be removed. Without
 * `delegate role-creation` no boundary can be put on a role either, so a bounded role cannot swap
 * its own for AdministratorAccess even when `allow services` includes `iam`; with it, the
 * delegation's Deny admits only this same boundary.
 */
export function boundaryProtections(partition: string, account: string, boundaryPolicyArn: string, delegated: boolean): StdlibStatement[] {
  const replacement: StdlibStatement[] = delegated
    ? []
    : [{ sid: 'DenyBoundaryReplacement', effect: 'Deny', actions: ['iam:PutRolePermissionsBoundary'], resources: [`arn:${partition}:iam::${account}:role/*`], conditions: [] }];
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
    ...replacement,
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

/**
 * Delegated or not, a bounded role never makes a role less bounded than itself: were `iam` in
 * `allow services`, `iam:*` would admit creating a role with any boundary or none, and then
 * assuming it. A request without a boundary lacks the key, and StringNotEquals is true for a
 * missing key, so this Deny holds whatever else the boundary allows.
 */
export function roleCreationWithoutThisBoundary(partition: string, account: string, boundaryPolicyArn: string): StdlibStatement {
  return {
    sid: 'DenyRoleCreationWithoutThisBoundary',
    effect: 'Deny',
    actions: ROLE_CREATION,
    resources: [`arn:${partition}:iam::${account}:role/*`],
    conditions: [{ operator: 'StringNotEquals', key: PERMISSIONS_BOUNDARY_KEY, values: [boundaryPolicyArn] }],
  };
}
