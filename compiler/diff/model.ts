/**
 * The access model `iamc diff` compares: every construct that grants, caps or watches access,
 * reduced to what decides access and nothing else (no Sids, no statement order, no file layout).
 * Both a compiled program and a folder of compiled output are read into it, so either side of a
 * diff may be either. A value a compiled folder does not record is `Unknown`, never guessed.
 */
import type { ConditionClause } from '../ir/intent.js';

/** Where something was written: a file position of the intents (column when known). */
export interface Where {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/** A value the input does not record (an older manifest without Terraform output beside it). */
export interface Unknown {
  readonly unknown: string;
}

export type MaybeKnown<T> = T | Unknown;

export function isUnknown<T>(value: MaybeKnown<T>): value is Unknown {
  return typeof value === 'object' && value !== null && 'unknown' in value;
}

/**
 * One (effect, action, target, conditions) a document states. For identity policies, boundaries
 * and SCPs the target is a resource glob; for trust it is a principal (`AWS arn:…`). `NotAction`
 * and `NotResource` are kept as `not X`, compared only for equality.
 */
export interface Grant {
  readonly effect: 'Allow' | 'Deny';
  readonly action: string;
  readonly target: string;
  readonly conditions: readonly ConditionClause[];
  readonly origins: readonly Where[];
}

/** AWS's default when a role sets no maximum session: one hour. */
export const DEFAULT_MAX_SESSION_SECONDS = 3600;

export interface RoleModel {
  readonly name: string;
  readonly account: { readonly id: string; readonly name?: string };
  readonly path: string;
  readonly trust: readonly Grant[];
  /** The identity policy: inline and split documents together, as one set of grants. */
  readonly access: readonly Grant[];
  /** Managed policies attached besides iamc's own (ARNs). */
  readonly managedPolicies: MaybeKnown<readonly string[]>;
  readonly boundary: string | undefined;
  readonly maxSessionSeconds: MaybeKnown<number>;
  readonly source?: Where;
}

export interface AssignmentModel {
  readonly principalType: string;
  readonly principalId: string;
  readonly account: string;
}

export interface PermissionSetModel {
  readonly name: string;
  readonly access: readonly Grant[];
  /** AWS managed policies by ARN, customer managed ones as `PATH` + `NAME` (`/team/reader`). */
  readonly managedPolicies: MaybeKnown<readonly string[]>;
  readonly boundary: MaybeKnown<string | undefined>;
  readonly sessionSeconds: number;
  readonly assignments: readonly AssignmentModel[];
  readonly source?: Where;
}

export interface GuardrailModel {
  readonly name: string;
  /** Statements without the exemption every one of them carries (that is in `exemptions`). */
  readonly statements: readonly Grant[];
  /** Principal ARN globs that every statement exempts (`ArnNotLike aws:PrincipalArn`). */
  readonly exemptions: readonly string[];
  readonly targets: readonly { readonly kind: string; readonly id: string }[];
  readonly source?: Where;
}

export interface BoundaryModel {
  readonly name: string;
  readonly accounts: readonly string[];
  readonly access: readonly Grant[];
  readonly source?: Where;
}

export interface ArchiveRuleModel {
  readonly name: string;
  readonly principal: MaybeKnown<string>;
}

export interface AnalyzerModel {
  readonly name: string;
  readonly type: string;
  readonly alert: boolean;
  readonly archiveRules: readonly ArchiveRuleModel[];
  readonly source?: Where;
}

export interface AccessModel {
  readonly roles: readonly RoleModel[];
  readonly permissionSets: readonly PermissionSetModel[];
  readonly guardrails: readonly GuardrailModel[];
  readonly boundaries: readonly BoundaryModel[];
  readonly analyzers: readonly AnalyzerModel[];
}

/** Roles are keyed by account and name: the same name in two accounts is two roles. */
export function roleKey(role: Pick<RoleModel, 'name' | 'account'>): string {
  return `${role.account.id}\u0000${role.name}`;
}
