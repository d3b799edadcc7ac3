/**
 * What a grant denotes, as cells: actions × resource globs under conditions (DESIGN §5). A pattern
 * grant has one cell per (part, target); a raw grant is one cell. Verification proves each emitted
 * (action, resource) pair lies in some cell whose conditions the statement keeps.
 */
import type { ConditionClause, IntentGrant } from '../ir/intent.js';

export interface Cell {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly ConditionClause[];
}

export function grantCells(grant: IntentGrant): Cell[] {
  if (grant.kind === 'raw') {
    return [{ actions: grant.actions, resources: grant.resources.map((r) => r.arn), conditions: grant.conditions }];
  }
  // `pass iam role … to SERVICE` means "only to that service": part of what the intent says.
  const passedTo: ConditionClause[] = grant.to !== undefined ? [{ operator: 'StringEquals', key: 'iam:PassedToService', values: [grant.to] }] : [];
  return grant.pattern.parts.flatMap((part) =>
    grant.targets.map((target) => ({
      actions: part.actions,
      resources: part.on(target),
      conditions: [...grant.conditions, ...(part.conditions?.(target) ?? []), ...passedTo],
    })),
  );
}
