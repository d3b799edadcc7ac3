/**
 * What kind of policy a plain JSON file may be. IAM JSON does not say, and the rules differ: `s3:*`
 * is a mistake in a workload's identity policy but the point of a boundary. An inference must
 * never switch a rule off (adding a Deny, or naming a file `scp-…`, would otherwise hide `Allow *
 * on *`), so without `--policy-type` a document is linted as every kind its shape allows, and the
 * rules of all of them run:
 * - with a `Principal`: a trust policy when an action could be `sts:AssumeRole…`
 *   (`sts:AssumeRole`, `sts:Assume*`, `sts:*`, `*`), and a resource policy when an action could be
 *   anything but `sts:` (so `*` is both);
 * - without: an identity policy, a boundary or an SCP, whose rules are a subset of the identity
 *   policy's, so the identity rules run.
 * The file name plays no part.
 */
import { actionCovers } from './action-facts.js';
import type { DocumentKind, LintStatement } from './document.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];

export function possibleKinds(statements: readonly LintStatement[]): DocumentKind[] {
  const withPrincipal = statements.filter((s) => s.principal !== undefined);
  if (withPrincipal.length === 0) return ['identity'];
  const kinds: DocumentKind[] = [];
  const onlySts = (s: LintStatement) => s.actions !== undefined && s.actions.every((a) => /^sts:/i.test(a.value));
  if (withPrincipal.some((s) => assumesRole(s) || onlySts(s))) kinds.push('trust');
  // Only a role's trust policy grants `sts:` actions to a principal; anything else with one is a resource policy.
  if (withPrincipal.some((s) => !onlySts(s))) kinds.push('resource');
  // A document that mixes statements with and without a principal is neither; AWS rejects it, and
  // its principal-less statements are still judged as grants.
  if (withPrincipal.length < statements.length) kinds.push('identity');
  return kinds;
}

/** Could the statement's actions include assuming the role? `NotAction` could, unless it names them all. */
export function assumesRole(s: LintStatement): boolean {
  if (s.actions) return s.actions.some((a) => ASSUME_ACTIONS.some((name) => actionCovers(a.value, name)));
  return (s.notActions ?? []).length > 0 && !ASSUME_ACTIONS.every((name) => (s.notActions ?? []).some((a) => actionCovers(a.value, name)));
}
