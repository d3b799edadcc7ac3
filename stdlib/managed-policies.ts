/**
 * AWS managed policies that give administrator access, or the power to take it. Attaching one to
 * a permission set hands that to everyone assigned: a reason is required (`because`) and its
 * absence is IAM5161. A short list of the well-known ones, not a judgement of every AWS policy.
 */
export interface AdminEquivalentPolicy {
  readonly name: string;
  /** What the holder can do, for the finding's detail. */
  readonly reach: string;
}

export const ADMIN_EQUIVALENT_POLICIES: readonly AdminEquivalentPolicy[] = [
  { name: 'AdministratorAccess', reach: 'every action on every resource' },
  { name: 'AWSOrganizationsFullAccess', reach: 'the whole organisation: detaching guardrails, moving and removing accounts' },
  { name: 'AWSSSOMasterAccountAdministrator', reach: 'Identity Center: assigning any permission set, this one included, to anyone' },
  { name: 'AWSSSOMemberAccountAdministrator', reach: 'Identity Center: assigning any permission set, this one included, to anyone' },
  { name: 'IAMFullAccess', reach: 'every IAM action, so any permission can be granted to itself' },
  { name: 'PowerUserAccess', reach: 'every action outside IAM and Organizations: all data, and deleting every resource' },
];

/**
 * The admin-equivalent policy a managed-policy reference names, by the policy's name: an AWS
 * managed ARN, or a bare name or customer managed ARN (a customer policy called
 * `AdministratorAccess` reads the same to a reviewer, and is judged alike).
 */
export function adminEquivalent(policy: string): AdminEquivalentPolicy | undefined {
  const name = policy.startsWith('arn:') ? /^arn:[^:]+:iam::[^:]*:policy\/(?:.*\/)?([^/]+)$/.exec(policy)?.[1] : policy;
  return name === undefined ? undefined : ADMIN_EQUIVALENT_POLICIES.find((p) => p.name === name);
}
