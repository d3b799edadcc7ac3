/**
 * IAM, Organizations and Identity Center quotas, each with its source. Sizes are
 * counted as AWS counts them: characters without whitespace outside strings.
 */

/** IAM quotas: "Managed policy size: 6,144 characters" (whitespace not counted). */
export const MANAGED_POLICY_MAX_CHARS = 6144;
/** IAM quotas: "Inline policies of one role, together: 10,240 characters". */
export const INLINE_POLICIES_MAX_CHARS = 10_240;
/** IAM quotas: "Role trust policy length: 2,048 characters" (default; raisable to 4,096). */
export const TRUST_POLICY_MAX_CHARS = 2048;
/** IAM quotas: "Managed policies attached to an IAM role: 10" (default; raisable to 20). */
export const MANAGED_POLICIES_PER_ROLE = 10;
/** Organizations quotas: "Maximum size of a service control policy document: 5,120 bytes". */
export const SCP_MAX_BYTES = 5120;
/** Organizations quotas: at most 5 SCPs attached to a root, OU or account. */
export const SCPS_PER_TARGET = 5;
/** Identity Center quotas: inline policy of a permission set, 10,240 characters (32,768 bytes in all). */
export const PERMISSION_SET_INLINE_MAX_CHARS = 10_240;

/** JSON with whitespace outside strings removed: what the quotas count. */
export function policySize(json: string): number {
  return JSON.stringify(JSON.parse(json)).length;
}
