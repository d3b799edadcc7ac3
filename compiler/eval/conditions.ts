/**
 * Condition operators as AWS documents them. A condition block matches when every (operator, key)
 * matches; one (operator, key) matches when any of its values does. A missing key fails a positive
 * operator and passes a negated one (`StringNotEquals`, `ArnNotLike`, `NotIpAddress`); `…IfExists`
 * passes on a missing key; `ForAllValues:` passes on a missing key, `ForAnyValue:` fails.
 */
import type { ConditionClause } from '../ir/intent.js';
import { globMatches } from '../glob/glob.js';
import { cidrContains } from './ip.js';

export type Context = Readonly<Record<string, string | readonly string[]>>;

interface BaseOperator {
  /** Does one context value satisfy one policy value (before negation)? */
  readonly test: (contextValue: string, policyValue: string) => boolean;
  readonly negated: boolean;
}

const arnLike = (ctx: string, policy: string): boolean => {
  // ARNs compare segment by segment: a wildcard never runs across the first five colons.
  const c = splitArn(ctx);
  const p = splitArn(policy);
  if (c === undefined || p === undefined) return globMatches(policy, ctx);
  return p.every((seg, i) => globMatches(seg, c[i]!));
};

const number = (s: string): number => (/^\s*-?\d+(\.\d+)?\s*$/.test(s) ? Number(s) : NaN);
const date = (s: string): number => (/^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s));

const BASE: Readonly<Record<string, BaseOperator>> = {
  stringequals: { test: (c, p) => c === p, negated: false },
  stringnotequals: { test: (c, p) => c === p, negated: true },
  stringequalsignorecase: { test: (c, p) => c.toLowerCase() === p.toLowerCase(), negated: false },
  stringnotequalsignorecase: { test: (c, p) => c.toLowerCase() === p.toLowerCase(), negated: true },
  stringlike: { test: (c, p) => globMatches(p, c), negated: false },
  stringnotlike: { test: (c, p) => globMatches(p, c), negated: true },
  arnlike: { test: arnLike, negated: false },
  arnequals: { test: arnLike, negated: false },
  arnnotlike: { test: arnLike, negated: true },
  arnnotequals: { test: arnLike, negated: true },
  bool: { test: (c, p) => c.toLowerCase() === p.toLowerCase(), negated: false },
  ipaddress: { test: (c, p) => cidrContains(p, c), negated: false },
  notipaddress: { test: (c, p) => cidrContains(p, c), negated: true },
  numericequals: { test: (c, p) => number(c) === number(p), negated: false },
  numericnotequals: { test: (c, p) => number(c) === number(p), negated: true },
  numericlessthan: { test: (c, p) => number(c) < number(p), negated: false },
  numericlessthanequals: { test: (c, p) => number(c) <= number(p), negated: false },
  numericgreaterthan: { test: (c, p) => number(c) > number(p), negated: false },
  numericgreaterthanequals: { test: (c, p) => number(c) >= number(p), negated: false },
  dateequals: { test: (c, p) => date(c) === date(p), negated: false },
  datenotequals: { test: (c, p) => date(c) === date(p), negated: true },
  datelessthan: { test: (c, p) => date(c) < date(p), negated: false },
  datelessthanequals: { test: (c, p) => date(c) <= date(p), negated: false },
  dategreaterthan: { test: (c, p) => date(c) > date(p), negated: false },
  dategreaterthanequals: { test: (c, p) => date(c) >= date(p), negated: false },
};

export interface ParsedOperator {
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  readonly base: string;
  readonly ifExists: boolean;
}

export function parseOperator(operator: string): ParsedOperator {
  let rest = operator;
  let set: ParsedOperator['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') set = 'ForAnyValue';
    else if (prefix === 'forallvalues') set = 'ForAllValues';
    rest = rest.slice(colon + 1);
  }
  const ifExists = /ifexists$/i.test(rest) && rest.toLowerCase() !== 'ifexists';
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  return { ...(set ? { set } : {}), base, ifExists };
}

/** Context keys are case-insensitive in IAM; the lookup honours that. */
export function contextValues(context: Context, key: string): readonly string[] | undefined {
  const direct = context[key];
  const value = direct ?? Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? [value] : value;
}

export function conditionMatches(clause: ConditionClause, context: Context): boolean {
  const op = parseOperator(clause.operator);
  const values = contextValues(context, clause.key);
  if (op.base.toLowerCase() === 'null') {
    // `Null: true` asks that the key be absent, `false` that it be present.
    const wantAbsent = clause.values.some((v) => v.toLowerCase() === 'true');
    const wantPresent = clause.values.some((v) => v.toLowerCase() === 'false');
    return values === undefined ? wantAbsent : wantPresent;
  }
  const base = BASE[op.base.toLowerCase()];
  // An operator we do not know never matches: an Allow stays closed, never opened by accident.
  if (base === undefined) return false;
  const satisfied = (contextValue: string): boolean => {
    const hit = clause.values.some((p) => base.test(contextValue, p));
    return base.negated ? !hit : hit;
  };
  if (op.set === 'ForAllValues') return values === undefined || values.every(satisfied);
  if (op.set === 'ForAnyValue') return values !== undefined && values.some(satisfied);
  if (values === undefined) return op.ifExists || base.negated;
  return base.negated ? values.every(satisfied) : values.some(satisfied);
}

export function allConditionsMatch(clauses: readonly ConditionClause[], context: Context): boolean {
  return clauses.every((c) => conditionMatches(c, context));
}

/** `arn:partition:service:region:account:resource`, the resource keeping its own colons. */
export function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}
