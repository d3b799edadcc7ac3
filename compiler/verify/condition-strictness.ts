/**
 * "At least as strict": a statement keeps a condition the intent states when it has the same
 * operator and key, and its values admit no more than the intent's. For positive operators fewer
 * values admit less; for negated ones (`StringNotEquals`, `NotIpAddress`) more values exclude more.
 */
import { parseOperator } from '../eval/conditions.js';
import { cidrContains } from '../eval/ip.js';
import type { ConditionClause } from '../ir/intent.js';
import { globContains } from '../glob/glob-contains.js';

const NEGATED = new Set(['stringnotequals', 'stringnotequalsignorecase', 'stringnotlike', 'arnnotequals', 'arnnotlike', 'notipaddress', 'numericnotequals', 'datenotequals']);
const GLOBBING = new Set(['stringlike', 'arnlike', 'arnequals']);

export function keepsCondition(statement: readonly ConditionClause[], wanted: ConditionClause): boolean {
  return statement.some(
    (c) => c.operator.toLowerCase() === wanted.operator.toLowerCase() && c.key.toLowerCase() === wanted.key.toLowerCase() && valuesAtLeastAsStrict(c, wanted),
  );
}

function valuesAtLeastAsStrict(have: ConditionClause, wanted: ConditionClause): boolean {
  const base = parseOperator(wanted.operator).base.toLowerCase();
  if (base === 'null') return sameSet(have.values, wanted.values);
  if (NEGATED.has(base)) {
    // Every value the intent excludes is still excluded.
    return wanted.values.every((w) => have.values.includes(w));
  }
  return have.values.length > 0 && have.values.every((h) => wanted.values.some((w) => admitsNoMore(base, w, h)));
}

/** Does every context value the statement's `h` admits also satisfy the intent's `w`? */
function admitsNoMore(base: string, w: string, h: string): boolean {
  if (w === h) return true;
  if (GLOBBING.has(base)) return globContains(w, h).contains;
  if (base === 'stringequalsignorecase' || base === 'bool') return w.toLowerCase() === h.toLowerCase();
  if (base === 'ipaddress') {
    // A range lies inside another when its network address does and it is no wider.
    const [addr, bits] = h.split('/');
    const [, wBits] = w.split('/');
    if (addr === undefined || !cidrContains(w, addr)) return false;
    if (bits === undefined) return true;
    return wBits !== undefined && Number(bits) >= Number(wBits);
  }
  return false;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((v) => v.toLowerCase()));
  const y = new Set(b.map((v) => v.toLowerCase()));
  return x.size === y.size && [...x].every((v) => y.has(v));
}
