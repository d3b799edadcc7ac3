/**
 * A policy statement as stdlib data (guardrails, boundary protections), before lowering gives it
 * origins and merges it. Exactly one of `actions` and `notActions` is set.
 */
import type { ConditionClause } from '../compiler/ir/intent.js';

export interface StdlibStatement {
  /** A stable Sid, PascalCase, unique within its guardrail or boundary. */
  readonly sid: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly ConditionClause[];
}
