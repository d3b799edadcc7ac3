/**
 * The shape of a stdlib pattern: one per (service, verb, resource type). Patterns are data first;
 * the only code is how a target name becomes an ARN and which resources of a target each part
 * touches. Every action is exact (never a wildcard) and is checked against AWS's action catalogue
 * by `test/stdlib/catalogue.test.ts`.
 */
import type { ConditionClause } from '../compiler/ir/intent.js';

/** Where a target's ARN is built: the role's account, the region in force. */
export interface ArnContext {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The path of a role declared in the program (`/` when not declared), for role ARNs. */
  readonly rolePath: (name: string) => string;
}

/**
 * How a name written in this position reads (docs/language.md, "What a name means"): which
 * characters its `*` and `?` can stand for. The proof checks emitted ARNs against this meaning,
 * never against the ARN lowering builds.
 * - `flat`: the name is one string; `*` matches any run (the name's own characters).
 * - `segment`: `*` and `?` never stand for `/` (bucket and table names, role names).
 * - `segment-colon`: never for `:` (function and state machine names, before a qualifier).
 * - `path`: levels split by `/`; a wildcard stays in its level, a final `/*` means everything below.
 * - `objects`: `bucket/key`; the bucket is a segment, the key a flat string (S3 keys have no levels).
 * - `secret`: flat, plus the six characters Secrets Manager appends unless the name ends in `*`.
 * - `role`: a role name (a segment) on the path the program declares for it; `*` alone is every role.
 */
export type NameKind = 'flat' | 'segment' | 'segment-colon' | 'path' | 'objects' | 'secret' | 'role';

export interface NameMeaning {
  readonly kind: NameKind;
  /** The ARN with `{partition}`, `{region}`, `{account}`, `{path}` and `{name}` to fill in. */
  readonly template: string;
}

/**
 * How a grant's target is written:
 * - `name` (the default): a name (or ARN) that `build` turns into the ARN the parts act on;
 * - `none`: the pattern takes no target (`write xray traces`); every part is on `*` with its reason;
 * - `condition`: the written value is not a resource but a condition value (a metrics namespace):
 *   the parts are on `*` and narrow themselves with `conditions(target)` on `target.written`.
 */
export type TargetForm = 'name' | 'none' | 'condition';

export interface TargetShape {
  /** How the target is written; `name` when absent. */
  readonly form?: TargetForm;
  /** The catalogue's resource type the built ARN must match (e.g. `queue`, `object`). */
  readonly catalogueType: string;
  /** What a name looks like, for the docs: `queue name`, `bucket/prefix/*`. */
  readonly nameHint: string;
  /** False for global services (S3 buckets, IAM): no region in the ARN. */
  readonly regional: boolean;
  /** Builds the ARN (glob) from a name. Returns a message when the name cannot be valid. */
  readonly build: (name: string, ctx: ArnContext) => { arn: string } | { error: string };
  /** What a name in this position means, read independently of `build`. */
  readonly meaning: NameMeaning;
}

/** The ARN a grant names, split for the `on` functions below. */
export interface TargetArn {
  readonly arn: string;
  /** The target as written (a condition-form target's value); absent for a targetless pattern. */
  readonly written?: string;
  /** The grant's option values by option name (`family`, `configuration-set`), when written. */
  readonly options?: Readonly<Record<string, string>>;
}

/**
 * A clause a pattern takes after its targets, `WORD VALUE` (`deploy ecs service "c/web" family
 * "web-task"`, YAML `family: web-task`). Its value reaches `on` and `conditions` in
 * `target.options`; an absent option is absent there (the pattern decides its default).
 */
export interface PatternOption {
  /** What the value is, for help and docs: `task definition family`. */
  readonly hint: string;
  /** Returns a message when the value cannot be valid. */
  readonly check?: (value: string) => string | undefined;
  /**
   * `service`: the value names an AWS service by its prefix (`sqs`), which resolve checks against
   * AWS's action catalogue, so a typo is a did-you-mean rather than a condition that never matches.
   */
  readonly names?: 'service';
}

export interface PatternPart {
  /** Exact action names, `service:Action`, as the catalogue spells them. */
  readonly actions: readonly string[];
  /** The resources of the target these actions act on. `['*']` only for actions AWS accepts only on `*`. */
  readonly on: (target: TargetArn) => readonly string[];
  /** Conditions the pattern itself adds (e.g. `s3:prefix` on ListBucket). */
  readonly conditions?: (target: TargetArn) => readonly ConditionClause[];
  /** Why this part is there (shown by `iamc stdlib`), required for a part on `*`. */
  readonly why?: string;
}

export interface Pattern {
  /** `sqs.consume.queue` */
  readonly id: string;
  readonly service: string;
  readonly verb: string;
  /** The word users write: `queue`, `objects`, `bucket`, `table`. */
  readonly resourceType: string;
  /** One line for `iamc stdlib` and the generated reference. */
  readonly doc: string;
  readonly target: TargetShape;
  readonly parts: readonly PatternPart[];
  /** `pass iam role … to SERVICE` takes `to`; no other pattern does. */
  readonly takesTo?: boolean;
  /** The clauses this pattern takes after its targets, by their word (`family`). */
  readonly options?: Readonly<Record<string, PatternOption>>;
  /** How this differs from the AWS CDK grant for the same intent, and why. */
  readonly versusCdk?: string;
  /**
   * What a reader must know that the verb does not say (docs/stdlib.md, "Verbs"): a `write` whose
   * API itself deletes, a read that returns old secret values, what the pattern leaves out.
   */
  readonly note?: string;
}

/** A pattern's actions, flattened and sorted. */
export function patternActions(pattern: Pattern): string[] {
  return [...new Set(pattern.parts.flatMap((p) => p.actions))].sort();
}
