/**
 * Our own policy evaluator, in the order AWS documents (policy evaluation logic): an explicit
 * Deny anywhere wins; every SCP level must allow; a resource policy may allow (alone only within
 * the resource's account); the identity policy allows; a permissions boundary and a session policy,
 * when present, must also allow; otherwise the request is implicitly denied.
 * Policy variables (`${aws:username}`) are not expanded: they are compared as written.
 */
import { globMatches, isLiteral } from '../glob/glob.js';
import { allConditionsMatch, splitArn, type Context } from './conditions.js';
import { normalizePolicy, type EvalStatement, type PolicyInput } from './normalize.js';

export interface EvalRequest {
  /** The caller's ARN (a role session's role ARN, a user ARN) or a service host. */
  readonly principal?: string;
  readonly action: string;
  readonly resource: string;
  /** The account that owns the resource; needed only to decide whether a resource policy suffices. */
  readonly resourceAccount?: string;
  readonly context?: Context;
}

export interface EvalPolicies {
  readonly identity: readonly PolicyInput[];
  /** One list per level of the organisation (root, OUs, account); every level must allow. */
  readonly scps?: readonly (readonly PolicyInput[])[];
  readonly resource?: PolicyInput;
  readonly boundary?: readonly PolicyInput[];
  readonly session?: PolicyInput;
}

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

export interface Evaluation {
  readonly decision: Decision;
  /** Which step decided: for an implicit deny, the policy kind that did not allow. */
  readonly decidedBy: 'deny' | 'scp' | 'resource' | 'identity' | 'boundary' | 'session' | 'nothing-allows';
  /** The statements that decided (the denying ones, or the allowing ones). */
  readonly statements: readonly EvalStatement[];
}

export function evaluate(policies: EvalPolicies, request: EvalRequest): Evaluation {
  const context = request.context ?? {};
  const identity = policies.identity.flatMap(normalizePolicy);
  const scpLevels = (policies.scps ?? []).map((level) => level.flatMap(normalizePolicy));
  const resource = policies.resource ? normalizePolicy(policies.resource) : undefined;
  const boundary = policies.boundary && policies.boundary.length > 0 ? policies.boundary.flatMap(normalizePolicy) : undefined;
  const session = policies.session ? normalizePolicy(policies.session) : undefined;

  const applies = (s: EvalStatement, needsPrincipal: boolean): boolean =>
    (!needsPrincipal || principalMatches(s, request.principal)) &&
    actionMatches(s, request.action) &&
    resourceMatches(s, request.resource, needsPrincipal) &&
    allConditionsMatch(s.conditions, context);
  const matching = (statements: readonly EvalStatement[], effect: 'Allow' | 'Deny', needsPrincipal = false): EvalStatement[] =>
    statements.filter((s) => s.effect === effect && applies(s, needsPrincipal));

  const denies = [
    ...matching(identity, 'Deny'),
    ...scpLevels.flatMap((level) => matching(level, 'Deny')),
    ...(resource ? matching(resource, 'Deny', true) : []),
    ...(boundary ? matching(boundary, 'Deny') : []),
    ...(session ? matching(session, 'Deny') : []),
  ];
  if (denies.length > 0) return { decision: 'ExplicitlyDenied', decidedBy: 'deny', statements: denies };

  for (const level of scpLevels) {
    if (matching(level, 'Allow').length === 0) return { decision: 'ImplicitlyDenied', decidedBy: 'scp', statements: [] };
  }

  const resourceAllows = resource ? matching(resource, 'Allow', true) : [];
  const sameAccount = request.resourceAccount === undefined || accountOf(request.principal) === request.resourceAccount;
  // Naming the caller's account (rather than the caller) delegates to its identity policies.
  const namesCaller = resourceAllows.some((s) => s.principal !== undefined && principalIn(s.principal, request.principal, false));
  if (namesCaller && sameAccount) {
    return { decision: 'Allowed', decidedBy: 'resource', statements: resourceAllows };
  }

  const identityAllows = matching(identity, 'Allow');
  if (identityAllows.length === 0) return { decision: 'ImplicitlyDenied', decidedBy: resourceAllows.length > 0 ? 'identity' : 'nothing-allows', statements: [] };
  if (boundary && matching(boundary, 'Allow').length === 0) return { decision: 'ImplicitlyDenied', decidedBy: 'boundary', statements: [] };
  if (session && matching(session, 'Allow').length === 0) return { decision: 'ImplicitlyDenied', decidedBy: 'session', statements: [] };
  return { decision: 'Allowed', decidedBy: 'identity', statements: identityAllows };
}

/** Convenience for tests and `explain`: is the request allowed? */
export function isAllowed(policies: EvalPolicies, request: EvalRequest): boolean {
  return evaluate(policies, request).decision === 'Allowed';
}

function actionMatches(s: EvalStatement, action: string): boolean {
  // Action names are case-insensitive in IAM.
  const hit = (patterns: readonly string[]): boolean => patterns.some((p) => globMatches(p, action, { caseInsensitive: true }));
  if (s.actions) return hit(s.actions);
  if (s.notActions) return !hit(s.notActions);
  return false;
}

/** A resource policy (a trust policy too) may omit `Resource`: it is about the resource it is on. */
function resourceMatches(s: EvalStatement, resource: string, onTheResource: boolean): boolean {
  const hit = (patterns: readonly string[]): boolean => patterns.some((p) => resourcePatternMatches(p, resource));
  if (s.resources) return hit(s.resources);
  if (s.notResources) return !hit(s.notResources);
  return onTheResource;
}

/**
 * An ARN pattern matches segment by segment, so `*` in the region never runs into the account.
 * A pattern with fewer than six segments and a wildcard stands for its missing trailing segments
 * as `*`; without a wildcard it is no ARN at all and names nothing. The partition, service, region
 * and account compare without case (AWS normalises them); the resource part compares exactly, and
 * its resource-type word (up to the first `/` or `:`, e.g. `parameter/`) is literal: AWS does not
 * allow wildcards there, so a `*` before the first `/` is taken as itself.
 */
export function resourcePatternMatches(pattern: string, resource: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.startsWith('arn:')) return globMatches(pattern, resource);
  const r = splitArn(resource);
  if (r === undefined) return globMatches(pattern, resource);
  const parts = pattern.split(':');
  if (parts.length < 6 && isLiteral(pattern)) return false;
  while (parts.length < 6) parts.push('*');
  const p = [...parts.slice(0, 5), parts.slice(5).join(':')];
  for (let i = 0; i < 5; i++) {
    if (!globMatches(p[i]!, r[i]!, { caseInsensitive: true })) return false;
  }
  const [policyType, policyRest] = resourceTypeWord(p, p[5]!);
  if (!r[5]!.startsWith(policyType)) return false;
  return globMatches(policyRest, r[5]!.slice(policyType.length));
}

/** Splits a resource part into its resource-type word (with its separator) and the rest. */
function resourceTypeWord(segments: readonly string[], resourcePart: string): [string, string] {
  // S3 bucket and object ARNs have no resource-type word: `arn:aws:s3:::bucket/key`.
  if (segments[2]?.toLowerCase() === 's3' && segments[3] === '' && segments[4] === '') return ['', resourcePart];
  const cut = [resourcePart.indexOf('/'), resourcePart.indexOf(':')].filter((i) => i >= 0);
  if (cut.length === 0) return ['', resourcePart];
  const at = Math.min(...cut) + 1;
  return [resourcePart.slice(0, at), resourcePart.slice(at)];
}

function principalMatches(s: EvalStatement, principal: string | undefined): boolean {
  if (s.principal === undefined && s.notPrincipal === undefined) return true;
  if (s.principal !== undefined) return principalIn(s.principal, principal);
  return !principalIn(s.notPrincipal!, principal);
}

function principalIn(block: '*' | Readonly<Record<string, readonly string[]>>, principal: string | undefined, accountCounts = true): boolean {
  if (block === '*') return true;
  if (principal === undefined) return false;
  const account = accountOf(principal);
  for (const [kind, values] of Object.entries(block)) {
    for (const v of values) {
      if (v === '*') return true;
      if (v === principal) return true;
      // An account (`123456789012` or `arn:…:root`) stands for every principal in it.
      if (accountCounts && kind === 'AWS' && account !== undefined && (v === account || v === `arn:aws:iam::${account}:root`)) return true;
    }
  }
  return false;
}

function accountOf(principal: string | undefined): string | undefined {
  if (principal === undefined) return undefined;
  return splitArn(principal)?.[4] || undefined;
}
