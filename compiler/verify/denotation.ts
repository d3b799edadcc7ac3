/**
 * What a grant denotes, as cells: actions × resource meanings under conditions (docs/verification.md). A
 * pattern grant has one cell per (part, target), its resources taken from the target's meaning
 * (ir/name-meaning.ts: class globs, segment-aware), never from the ARN lowering built; a raw grant
 * is one cell whose ARNs mean themselves. Verification proves each emitted (action, resource) pair
 * lies in the cells whose conditions the statement keeps.
 */
import { targetArn, type ConditionClause, type IntentGrant } from '../ir/intent.js';
import { activeMutant } from './mutants.js';

export interface Cell {
  readonly actions: readonly string[];
  /** Class globs (glob/name-glob.ts); plain IAM globs are a special case. */
  readonly resources: readonly string[];
  readonly conditions: readonly ConditionClause[];
}

export function grantCells(grant: IntentGrant): Cell[] {
  if (grant.kind === 'raw') {
    return [{ actions: grant.actions, resources: grant.resources.map((r) => r.meaning), conditions: grant.conditions }];
  }
  // `pass iam role … to SERVICE` means "only to that service": part of what the intent says.
  const passedTo: ConditionClause[] = grant.to !== undefined ? [{ operator: 'StringEquals', key: 'iam:PassedToService', values: [grant.to] }] : [];
  return grant.pattern.parts.flatMap((part) =>
    grant.targets.map((target) => {
      // `written` and the options come from the intent, as lowering's do: a condition a pattern
      // builds from them (a metrics namespace) is then one the emitted statement must keep.
      const meant = targetArn(grant, target, activeMutant() === 'flat-denotation' ? target.arn : target.meaning);
      return {
        actions: part.actions,
        resources: part.on(meant),
        conditions: [...grant.conditions, ...(part.conditions?.(meant) ?? []), ...passedTo],
      };
    }),
  );
}
