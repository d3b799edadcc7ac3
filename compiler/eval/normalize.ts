/**
 * One statement shape for evaluation, whichever way a policy arrives: the policy IR, or IAM JSON
 * as AWS stores it (single values or arrays, `Condition` as operator → key → value(s)).
 */
import type { PolicyDocument, Statement } from '../ir/policy.js';
import type { ConditionClause } from '../ir/intent.js';

export interface EvalStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  /** `'*'`, or principal type → values. Absent in identity policies. */
  readonly principal?: '*' | Readonly<Record<string, readonly string[]>>;
  readonly notPrincipal?: '*' | Readonly<Record<string, readonly string[]>>;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly conditions: readonly ConditionClause[];
}

/** IAM JSON as read from a file; checked loosely, since evaluation must not throw on odd input. */
export type IamJsonPolicy = { readonly Version?: string; readonly Statement?: unknown };

export type PolicyInput = PolicyDocument | IamJsonPolicy;

export function normalizePolicy(policy: PolicyInput): EvalStatement[] {
  if ('statements' in policy && Array.isArray((policy as PolicyDocument).statements)) {
    return (policy as PolicyDocument).statements.map(fromIr);
  }
  const raw = (policy as IamJsonPolicy).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((s): s is Record<string, unknown> => s !== null && typeof s === 'object').map(fromJson);
}

function fromIr(s: Statement): EvalStatement {
  return {
    sid: s.sid,
    effect: s.effect,
    ...(s.principal ? { principal: { ...s.principal } as Record<string, readonly string[]> } : {}),
    ...(s.actions ? { actions: s.actions } : {}),
    ...(s.notActions ? { notActions: s.notActions } : {}),
    ...(s.resources ? { resources: s.resources } : {}),
    ...(s.notResources ? { notResources: s.notResources } : {}),
    conditions: s.conditions,
  };
}

function fromJson(s: Record<string, unknown>): EvalStatement {
  const conditions: ConditionClause[] = [];
  const block = s['Condition'];
  if (block !== null && typeof block === 'object') {
    for (const [operator, keys] of Object.entries(block as Record<string, unknown>)) {
      if (keys === null || typeof keys !== 'object') continue;
      for (const [key, values] of Object.entries(keys as Record<string, unknown>)) {
        conditions.push({ operator, key, values: strings(values) });
      }
    }
  }
  const principal = principalOf(s['Principal']);
  const notPrincipal = principalOf(s['NotPrincipal']);
  return {
    ...(typeof s['Sid'] === 'string' ? { sid: s['Sid'] } : {}),
    effect: s['Effect'] === 'Deny' ? 'Deny' : 'Allow',
    ...(principal ? { principal } : {}),
    ...(notPrincipal ? { notPrincipal } : {}),
    ...('Action' in s ? { actions: strings(s['Action']) } : {}),
    ...('NotAction' in s ? { notActions: strings(s['NotAction']) } : {}),
    ...('Resource' in s ? { resources: strings(s['Resource']) } : {}),
    ...('NotResource' in s ? { notResources: strings(s['NotResource']) } : {}),
    conditions,
  };
}

function principalOf(value: unknown): EvalStatement['principal'] {
  if (value === undefined) return undefined;
  if (value === '*') return '*';
  if (value === null || typeof value !== 'object') return {};
  const out: Record<string, readonly string[]> = {};
  for (const [kind, v] of Object.entries(value as Record<string, unknown>)) out[kind] = strings(v);
  return out;
}

/** IAM accepts a single value or a list; booleans and numbers are written as their text. */
function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}
