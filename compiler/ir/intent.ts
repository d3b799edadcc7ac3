/**
 * The intent IR: the program after `resolve`. Names are resolved to account ids and ARNs, stdlib
 * patterns are looked up, settings are checked and normalised. Every node keeps the span of the
 * declaration it came from. This is also the denotation the guarantee is stated against
 * (docs/verification.md): a role denotes, for each grant, the pattern's actions × its targets × its conditions.
 */
import type { Span } from '../diagnostics/span.js';
import type { Pattern, TargetArn } from '../../stdlib/pattern.js';

export interface AccountRef {
  readonly name: string;
  readonly id: string;
}

export interface IntentProgram {
  readonly accounts: readonly (AccountRef & { readonly span: Span })[];
  readonly region?: string;
  readonly roles: readonly IntentRole[];
  readonly boundaries: readonly IntentBoundary[];
  readonly guardrails: readonly IntentGuardrail[];
  readonly permissionSets: readonly IntentPermissionSet[];
  readonly analyzers: readonly IntentAnalyzer[];
}

/** A condition as IAM writes it: `{ operator: { key: values } }`. */
export interface ConditionClause {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

export interface IntentCondition extends ConditionClause {
  readonly span: Span;
}

export interface IntentRole {
  readonly name: string;
  readonly account: AccountRef;
  readonly principal: IntentPrincipal;
  readonly path: string;
  readonly description?: string;
  readonly maxSessionSeconds?: number;
  readonly boundary?: string;
  /** Attached as written; their documents are outside the containment proof. */
  readonly managedPolicies: readonly IntentManagedPolicy[];
  readonly grants: readonly IntentGrant[];
  readonly span: Span;
}

/**
 * A managed policy to attach: an AWS managed policy's ARN (`aws`), a customer policy's ARN, or
 * (in a permission set) a customer policy's name, with its path in front when it is not `/`.
 */
export interface IntentManagedPolicy {
  readonly policy: string;
  readonly aws?: true;
  /** As the user wrote it, for suggestions: `managed-policy "SecurityAudit"`. */
  readonly written: string;
  readonly because?: string;
  readonly span: Span;
}

export type IntentPrincipal = ServiceTrust | OidcTrust | AwsTrust;

/** A service assumes the role. Confused-deputy conditions where the service sets them. */
export interface ServiceTrust {
  readonly kind: 'service';
  /** What the user wrote: `lambda`, `ec2`, `ecs-task`, `ecs-execution`, `service`. */
  readonly form: 'lambda' | 'ec2' | 'ecs-task' | 'ecs-execution' | 'service';
  readonly service: string;
  readonly conditions: readonly ConditionClause[];
  /** EC2 roles are used through an instance profile of the same name. */
  readonly instanceProfile: boolean;
  /** For `lambda`: the function-name glob (its log group is `/aws/lambda/NAME`). */
  readonly functionGlob?: string;
  readonly span: Span;
}

export interface OidcProvider {
  readonly kind: 'github' | 'azure-devops';
  /** Issuer URL without scheme, as IAM names the provider (`token.actions.githubusercontent.com`). */
  readonly host: string;
  readonly url: string;
  readonly audience: string;
  readonly account: AccountRef;
  readonly arn: string;
}

/** A federated workload (GitHub Actions, Azure DevOps) assumes the role with a web identity token. */
export interface OidcTrust {
  readonly kind: 'oidc';
  readonly provider: OidcProvider;
  /** The exact `sub` values, any one of which may assume the role; distinct, in the order written. */
  readonly subjects: readonly string[];
  readonly span: Span;
}

/** A principal in an AWS account (a named role, or with a reason the whole account). */
export interface AwsTrust {
  readonly kind: 'aws';
  readonly arn: string;
  readonly account: AccountRef;
  readonly externalId?: string;
  readonly mfa: boolean;
  readonly because?: string;
  /**
   * `sso permission-set "NAME" in ACCOUNT`: `arn` is the account, narrowed by `ArnLike
   * aws:PrincipalArn` to the role Identity Center creates for that set (stdlib/identity-center-roles.ts).
   */
  readonly permissionSet?: { readonly name: string; readonly principalArn: string };
  readonly span: Span;
}

export interface IntentTarget {
  /** The ARN (glob) the grant names. */
  readonly arn: string;
  /**
   * What the target means, as a class glob (glob/name-glob.ts): read from the name and its position
   * (ir/name-meaning.ts), never from `arn`. An ARN written as such means itself.
   */
  readonly meaning: string;
  /** What the user wrote (a name or an ARN). */
  readonly written: string;
  readonly span: Span;
}

export type IntentGrant = PatternGrant | RawGrant;

/** A grant through a stdlib pattern. */
export interface PatternGrant {
  readonly kind: 'pattern';
  readonly pattern: Pattern;
  readonly targets: readonly IntentTarget[];
  /** `to SERVICE` of `pass iam role`, as the service principal host. */
  readonly to?: string;
  /** The pattern options written (`family` → `web-task`), each checked against the pattern. */
  readonly options?: Readonly<Record<string, string>>;
  /** `in ACCOUNT`: the account the targets were built in, when the grant names one. */
  readonly account?: AccountRef;
  readonly conditions: readonly IntentCondition[];
  readonly because?: string;
  readonly span: Span;
}

/**
 * What a pattern's `on` and `conditions` are given for one target: `arn` (the built ARN for
 * lowering, the meaning for the proof), the value as written for a condition-form target (absent
 * for a targetless pattern) and the grant's options. Lowering and the denotation both build it
 * here, so the proof sees the same `written` and `options` lowering used.
 */
export function targetArn(grant: PatternGrant, target: IntentTarget, arn: string): TargetArn {
  const written = grant.pattern.target.form === 'none' ? undefined : target.written;
  return { arn, ...(written !== undefined ? { written } : {}), ...(grant.options !== undefined ? { options: grant.options } : {}) };
}

/** The escape hatch: exact actions on exact resources. */
export interface RawGrant {
  readonly kind: 'raw';
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly resources: readonly IntentTarget[];
  readonly conditions: readonly IntentCondition[];
  readonly because?: string;
  readonly span: Span;
}

export interface IntentBoundary {
  readonly name: string;
  readonly allowServices: readonly string[];
  readonly delegateRoleCreation: boolean;
  readonly statements: readonly RawGrant[];
  /** Accounts whose roles use this boundary: the policy is created in each. */
  readonly accounts: readonly AccountRef[];
  readonly span: Span;
}

export interface IntentGuardrail {
  readonly name: string;
  readonly attachTo: readonly { readonly kind: 'root' | 'ou' | 'account'; readonly id: string; readonly span: Span }[];
  readonly rules: readonly IntentGuardRule[];
  /** Role names (exact, on the path `/`) that no statement of this guardrail applies to. */
  readonly exemptRoles: readonly string[];
  /**
   * `exempt permission-set "Admin"`: the `aws:PrincipalArn` pattern of the role Identity Center
   * creates for each set, in every account (stdlib/identity-center-roles.ts), sorted by name.
   */
  readonly exemptPermissionSets: readonly { readonly name: string; readonly principalArn: string }[];
  readonly span: Span;
}

export type IntentGuardRule =
  | { readonly kind: 'stdlib'; readonly id: string; readonly span: Span }
  | { readonly kind: 'restrict-regions'; readonly regions: readonly string[]; readonly exceptServices: readonly string[]; readonly span: Span }
  | RawGrant;

export interface IntentPermissionSet {
  readonly name: string;
  readonly sessionSeconds: number;
  readonly description?: string;
  readonly boundary?: string;
  /** As written: an AWS managed policy ARN, a customer managed policy name, or its ARN. */
  readonly managedPolicies: readonly IntentManagedPolicy[];
  readonly grants: readonly IntentGrant[];
  readonly assignments: readonly {
    readonly principalType: 'GROUP' | 'USER';
    readonly principalId: string;
    readonly accounts: readonly AccountRef[];
    readonly span: Span;
  }[];
  readonly span: Span;
}

export interface IntentAnalyzer {
  readonly name: string;
  readonly type: 'ORGANIZATION' | 'ACCOUNT';
  readonly archivePrincipals: readonly { readonly value: string; readonly because?: string; readonly span: Span }[];
  readonly alert: boolean;
  readonly span: Span;
}
