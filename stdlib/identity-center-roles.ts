/**
 * The IAM role IAM Identity Center creates in an account for each permission set assigned there,
 * as AWS's IAM Identity Center user guide describes it ("Referencing permission sets in resource
 * policies, Amazon EKS, and AWS KMS",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html):
 *
 *   arn:aws:iam::ACCOUNT:role/aws-reserved/sso.amazonaws.com/[REGION/]AWSReservedSSO_NAME_SUFFIX
 *
 * REGION is the Identity Center home region, absent when that is us-east-1; SUFFIX is 16 characters
 * AWS chooses at provisioning and changes when the set is re-provisioned, so a policy matches it
 * with 16 `?`, never `*`: a permission-set name may contain `_`, and `AWSReservedSSO_Admin_*` would
 * also match the role of a set named `Admin_Ops`. A `?` that matched a `/` would still name a role
 * on a path under `/aws-reserved/sso.amazonaws.com/`.
 *
 * Why an `ArnLike` on this path is safe to trust: `/aws-reserved/` is the path AWS keeps for roles
 * it creates and manages, and the roles Identity Center puts there are protected: IAM answers
 * "Cannot perform the operation on the protected role … this role is only modifiable by AWS" even
 * to the account's administrators (AWS re:Post,
 * https://repost.aws/knowledge-center/identity-center-aws-reserved-sso). Identity Center creates and
 * deletes them as sets are assigned from the management account (or the delegated administrator).
 * The us-east-1 exception to the path (no region in it) is why the path is built from the declared
 * home region: a hand-written trust that gets it wrong never matches.
 */

/** AWS's rule for a permission-set name (CreatePermissionSet `Name`): 1 to 32 of `\w+=,.@-`. */
export const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;

/** The length of the random suffix AWS appends to the role's name. */
export const SSO_ROLE_SUFFIX_LENGTH = 16;

/** The path of Identity Center's roles: the home region is part of it unless it is us-east-1. */
export function ssoRolePath(homeRegion: string): string {
  return homeRegion === 'us-east-1' ? '/aws-reserved/sso.amazonaws.com/' : `/aws-reserved/sso.amazonaws.com/${homeRegion}/`;
}

/** The `ArnLike` pattern for the role of permission set `name` in `account` (or `*`, every account). */
export function ssoRoleArnPattern(partition: string, account: string, homeRegion: string, name: string): string {
  return `arn:${partition}:iam::${account}:role${ssoRolePath(homeRegion)}AWSReservedSSO_${name}_${'?'.repeat(SSO_ROLE_SUFFIX_LENGTH)}`;
}

/** Why a permission-set name is not one AWS accepts, or undefined. */
export function permissionSetNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 32) return `it has ${name.length} characters, and AWS allows 32`;
  if (!PERMISSION_SET_NAME.test(name)) return 'AWS allows only letters, digits and `_+=,.@-`';
  return undefined;
}
