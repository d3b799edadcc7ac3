/**
 * One canonical order for condition clauses: by operator, then key, then values, each clause's
 * values sorted. Lowering, merging and `diff` all compare or print conditions through it, so two
 * statements that say the same thing are recognised as the same everywhere.
 */
import type { ConditionClause } from './intent.js';

export function canonicalConditions(clauses: readonly ConditionClause[]): ConditionClause[] {
  return clauses
    .map((c) => ({ operator: c.operator, key: c.key, values: [...c.values].sort() }))
    .sort((a, b) => compare(a.operator, b.operator) || compare(a.key, b.key) || compare(a.values.join('\u0000'), b.values.join('\u0000')));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
