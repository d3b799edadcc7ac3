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

export interface TargetShape {
  /** The catalogue's resource type the built ARN must match (e.g. `queue`, `object`). */
  readonly catalogueType: string;
  /** What a name looks like, for the docs: `queue name`, `bucket/prefix/*`. */
  readonly nameHint: string;
  /** False for global services (S3 buckets, IAM): no region in the ARN. */
  readonly regional: boolean;
  /** Builds the ARN (glob) from a name. Returns a message when the name cannot be valid. */
  readonly build: (name: string, ctx: ArnContext) => { arn: string } | { error: string };
}

/** The ARN a grant names, split for the `on` functions below. */
export interface TargetArn {
  readonly arn: string;
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
  /** How this differs from the AWS CDK grant for the same intent, and why. */
  readonly versusCdk?: string;
}

/** A pattern's actions, flattened and sorted. */
export function patternActions(pattern: Pattern): string[] {
  return [...new Set(pattern.parts.flatMap((p) => p.actions))].sort();
}
