/**
 * Every keyword of the `.iam` language, in one list. The lexer's tokens, the editor grammar
 * (editors/iam.tmLanguage.json) and the did-you-mean suggestions are all derived from it.
 *
 * Keywords are soft: each keyword token also belongs to the `Name` category, so a role may be
 * called `read`, `role` or `account` and an account `root`. Verbs, services and resource types
 * are not keywords at all; `resolve` checks them against the stdlib.
 */
export const DECLARATION_KEYWORDS = ['account', 'region', 'role', 'boundary', 'guardrail', 'permission-set', 'analyzer', 'identity-center'] as const;

export const KEYWORDS = [
  ...DECLARATION_KEYWORDS,
  // role header and principals
  'for', 'in', 'bounded-by',
  'lambda', 'ec2', 'ecs-task', 'ecs-execution', 'github', 'branch', 'environment', 'tag', 'pull-request',
  'azure-devops', 'organization-id', 'external-id', 'mfa', 'service', 'sso',
  // settings
  'max-session', 'path', 'description',
  // grants, conditions and the escape hatch
  'to', 'when', 'and', 'because', 'vpc-endpoint', 'source-ip', 'org', 'principal-org', 'without', 'allow', 'deny', 'on',
  // boundaries
  'services', 'delegate', 'role-creation',
  // guardrails
  'attach-to', 'root', 'ou', 'protect', 'restrict', 'regions', 'except', 'exempt',
  // permission sets
  'session', 'managed-policy', 'customer-managed', 'assign', 'group', 'user',
  // analyzers
  'scope', 'organization', 'archive', 'principal', 'alert',
] as const;

export type Keyword = (typeof KEYWORDS)[number];

/** `max-session` → `MaxSession`: the token name chevrotain shows in CST keys. */
export function keywordTokenName(keyword: string): string {
  return keyword
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
