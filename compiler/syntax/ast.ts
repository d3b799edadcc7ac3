/**
 * The abstract syntax shared by both front ends (`.iam` and `.iam.yaml`). After this point nothing
 * knows which syntax a file used. Every node has a `span`; leaves the user wrote are `Located`
 * so diagnostics can point at the exact word. Equality of programs ignores spans (`stripSpans`).
 *
 * The AST is what the user said, unchecked: names are not resolved, verbs are not looked up.
 * `resolve/` turns it into the intent IR and reports what does not make sense.
 */
import type { Located, Span } from '../diagnostics/span.js';

export type Word = Located<string>;

export interface SourceFile {
  readonly path: string;
  readonly declarations: readonly Declaration[];
}

export type Declaration =
  | AccountDecl
  | RegionDecl
  | RoleDecl
  | BoundaryDecl
  | GuardrailDecl
  | PermissionSetDecl
  | AnalyzerDecl
  | IdentityCenterDecl;

/** `account prod = 123456789012` */
export interface AccountDecl {
  readonly kind: 'account';
  readonly name: Word;
  /** As written; resolve checks it is 12 digits. */
  readonly id: Word;
  readonly span: Span;
}

/** `region eu-west-1` — the default region for ARNs built from names. */
export interface RegionDecl {
  readonly kind: 'region';
  readonly region: Word;
  readonly span: Span;
}

/** `identity-center region eu-west-1`: the Identity Center home region, in the path of the roles it creates. */
export interface IdentityCenterDecl {
  readonly kind: 'identity-center';
  readonly region: Word;
  readonly span: Span;
}

/** `role NAME for PRINCIPAL in ACCOUNT [bounded-by BOUNDARY] { … }` */
export interface RoleDecl {
  readonly kind: 'role';
  readonly name: Word;
  readonly principal: Principal;
  readonly account: Word;
  readonly boundary?: Word;
  readonly settings: readonly Setting[];
  readonly managedPolicies: readonly ManagedPolicyRef[];
  readonly grants: readonly GrantLike[];
  readonly span: Span;
}

export type Principal =
  | LambdaPrincipal
  | BareServicePrincipal
  | GithubPrincipal
  | AzureDevopsPrincipal
  | RolePrincipal
  | AccountPrincipal
  | ServicePrincipal
  | SsoPrincipal;

/** `lambda "processor-*"`: functions whose name matches the glob, in the role's account. */
export interface LambdaPrincipal {
  readonly kind: 'lambda';
  readonly function: Word;
  /** Required when the glob matches every function of the account (`"*"`). */
  readonly because?: Word;
  readonly span: Span;
}

/** `ec2`, `ecs-task`, `ecs-execution`: services whose role shape iamc knows. */
export interface BareServicePrincipal {
  readonly kind: 'ec2' | 'ecs-task' | 'ecs-execution';
  readonly span: Span;
}

export type GithubRefKind = 'branch' | 'environment' | 'tag' | 'pull-request';

/** One ref of a GitHub trust: `branch "main"`; `pull-request` takes no value. */
export interface GithubRef {
  readonly kind: GithubRefKind;
  readonly value?: Word;
  readonly span: Span;
}

/**
 * `github "org/repo" branch "main", environment "production"` — the refs of one repository,
 * meaning OR: any one of them may assume the role. Never empty.
 */
export interface GithubPrincipal {
  readonly kind: 'github';
  readonly repo: Word;
  readonly refs: readonly GithubRef[];
  readonly span: Span;
}

/** `azure-devops "org/project/a", "org/project/b" organization-id "GUID"` — connections of one organisation, meaning OR. */
export interface AzureDevopsPrincipal {
  readonly kind: 'azure-devops';
  readonly connections: readonly Word[];
  readonly organizationId: Word;
  readonly span: Span;
}

/** `role "app-role" in source [external-id "…"] [mfa]` */
export interface RolePrincipal {
  readonly kind: 'role';
  readonly role: Word;
  readonly account: Word;
  readonly externalId?: Word;
  readonly mfa?: Span;
  readonly span: Span;
}

/** `account partner [external-id "…"] [mfa] because "…"`: every principal of an account. */
export interface AccountPrincipal {
  readonly kind: 'account';
  readonly account: Word;
  readonly externalId?: Word;
  readonly mfa?: Span;
  readonly because?: Word;
  readonly span: Span;
}

/** `service "scheduler.amazonaws.com"` */
export interface ServicePrincipal {
  readonly kind: 'service';
  readonly host: Word;
  readonly span: Span;
}

/** `sso permission-set "Admin" in security`: the role Identity Center creates for that set in that account. */
export interface SsoPrincipal {
  readonly kind: 'sso';
  readonly permissionSet: Word;
  readonly account: Word;
  readonly span: Span;
}

export type SettingName = 'max-session' | 'path' | 'description';

/** `max-session 1h`, `path "/app/"`, `description "…"` */
export interface Setting {
  readonly kind: 'setting';
  readonly name: Located<SettingName>;
  readonly value: Word;
  readonly span: Span;
}

export type GrantLike = Grant | RawStatement;

/**
 * `VERB SERVICE RESOURCE-TYPE [TARGET(S)] [OPTION VALUE …] [in ACCOUNT] [to SERVICE] [when …] [because "…"]`.
 * `pass iam role "x" to ecs-tasks` is a grant whose pattern takes `to`; a targetless pattern
 * (`write xray traces`) has no targets; options are the clauses a pattern declares (`family "web"`).
 */
export interface Grant {
  readonly kind: 'grant';
  readonly verb: Word;
  readonly service: Word;
  readonly resourceType: Word;
  readonly targets: readonly Word[];
  /** True when the targets were written as a `[list]` (kept so the formatter can print them back). */
  readonly targetList: boolean;
  /** Option clauses in the order written (`family "web-task"`; YAML `family: web-task`). */
  readonly options?: readonly GrantOption[];
  /** `in ACCOUNT`: the targets are built in this declared account instead of the role's. */
  readonly account?: Word;
  readonly to?: Word;
  readonly conditions: readonly Condition[];
  readonly because?: Word;
  readonly span: Span;
}

/** `WORD VALUE` after a grant's targets; resolve checks the word against the pattern's options. */
export interface GrantOption {
  readonly name: Word;
  readonly value: Word;
  readonly span: Span;
}

/** The escape hatch: `allow "sqs:ListQueues" on "*" because "…"`, `deny [...] on [...]`. */
export interface RawStatement {
  readonly kind: 'raw';
  readonly effect: Located<'allow' | 'deny'>;
  readonly actions: readonly Word[];
  readonly actionList: boolean;
  readonly resources: readonly Word[];
  readonly resourceList: boolean;
  readonly conditions: readonly Condition[];
  readonly because?: Word;
  readonly span: Span;
}

export type Condition =
  | { readonly kind: 'vpc-endpoint' | 'source-ip' | 'org' | 'principal-org'; readonly value: Word; readonly span: Span }
  | { readonly kind: 'mfa' | 'without-mfa'; readonly span: Span }
  | { readonly kind: 'tag'; readonly key: Word; readonly value: Word; readonly span: Span };

/** `boundary NAME { allow services [s3, ec2]  delegate role-creation  allow/deny … }` */
export interface BoundaryDecl {
  readonly kind: 'boundary';
  readonly name: Word;
  readonly allowServices: readonly Word[];
  readonly delegateRoleCreation?: Span;
  readonly statements: readonly RawStatement[];
  readonly span: Span;
}

export type AttachTarget = { readonly kind: 'root' | 'ou' | 'account'; readonly id?: Word; readonly span: Span };

/** `guardrail NAME attach-to ou "ou-…" { deny leave-organization … exempt role "x" }` */
export interface GuardrailDecl {
  readonly kind: 'guardrail';
  readonly name: Word;
  readonly attachTo: readonly AttachTarget[];
  readonly rules: readonly GuardRule[];
  readonly exempt: readonly Word[];
  /** `exempt permission-set "Admin"`: the roles Identity Center creates for the set; absent when none. */
  readonly exemptPermissionSets?: readonly Word[];
  readonly span: Span;
}

export type GuardRule =
  /** `deny leave-organization`, `deny root-user`, `protect cloudtrail`: a stdlib guardrail. */
  | { readonly kind: 'deny' | 'protect'; readonly name: Word; readonly span: Span }
  /** `restrict regions [..] except [services]` */
  | { readonly kind: 'restrict-regions'; readonly regions: readonly Word[]; readonly except: readonly Word[]; readonly span: Span }
  | RawStatement;

/** `permission-set NAME session 2h { grants… assign group "id" to [accounts] }` */
export interface PermissionSetDecl {
  readonly kind: 'permission-set';
  readonly name: Word;
  readonly session?: Word;
  readonly description?: Word;
  readonly boundary?: Word;
  readonly managedPolicies: readonly ManagedPolicyRef[];
  readonly grants: readonly GrantLike[];
  readonly assignments: readonly Assignment[];
  readonly span: Span;
}

/**
 * `managed-policy "NAME-OR-ARN" [because "…"]` (an AWS managed policy, or any policy by ARN) or
 * `customer-managed "NAME" [path "/p/"] [because "…"]`: the policy as a word, with its reason if given.
 */
export type ManagedPolicyRef = Word & { readonly customer?: true; readonly path?: Word; readonly because?: Word };

export interface Assignment {
  readonly kind: 'group' | 'user';
  readonly principalId: Word;
  readonly accounts: readonly Word[];
  readonly span: Span;
}

/** `analyzer NAME scope organization { archive principal 111122223333 because "…"  alert }` */
export interface AnalyzerDecl {
  readonly kind: 'analyzer';
  readonly name: Word;
  readonly scope: Located<'organization' | 'account'>;
  readonly archives: readonly ArchiveRule[];
  readonly alert?: Span;
  readonly span: Span;
}

export interface ArchiveRule {
  readonly kind: 'principal';
  readonly value: Word;
  readonly because?: Word;
  readonly span: Span;
}

/**
 * Deep copy with every `span` removed, for syntax-independent equality. Flags written as a bare
 * word (`mfa`, `alert`, `delegate role-creation`) are span-valued; they become `true`.
 */
export function stripSpans<T>(node: T): unknown {
  if (Array.isArray(node)) return node.map((n) => stripSpans(n));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'span') continue;
      out[key] = isSpan(value) ? true : stripSpans(value);
    }
    return out;
  }
  return node;
}

function isSpan(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'endOffset' in (value as object) && 'file' in (value as object);
}
