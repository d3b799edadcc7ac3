/**
 * The one canonical rendering of a policy document as IAM JSON. Key order is fixed (Version,
 * Statement; Sid, Effect, Principal, Action/NotAction, Resource/NotResource, Condition), condition
 * operators and keys are sorted, and single values are written as strings the way AWS prints them.
 */
import type { PolicyDocument, PrincipalBlock, Statement } from './policy.js';

export const POLICY_VERSION = '2012-10-17';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function policyObject(doc: PolicyDocument): { [key: string]: JsonValue } {
  return { Version: POLICY_VERSION, Statement: doc.statements.map(statementObject) };
}

/** Pretty JSON with a final newline: what iamc writes to disk. */
export function policyJson(doc: PolicyDocument): string {
  return `${JSON.stringify(policyObject(doc), null, 2)}\n`;
}

/** Size as the IAM quotas count it: no whitespace outside strings. */
export function policyChars(doc: PolicyDocument): number {
  return JSON.stringify(policyObject(doc)).length;
}

function statementObject(s: Statement): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  if (s.sid) out['Sid'] = s.sid;
  out['Effect'] = s.effect;
  if (s.principal) out['Principal'] = principalObject(s.principal);
  if (s.actions) out['Action'] = [...s.actions];
  if (s.notActions) out['NotAction'] = [...s.notActions];
  if (s.resources) out['Resource'] = [...s.resources];
  if (s.notResources) out['NotResource'] = [...s.notResources];
  if (s.conditions.length > 0) {
    const byOperator = new Map<string, Map<string, string[]>>();
    for (const c of s.conditions) {
      let keys = byOperator.get(c.operator);
      if (!keys) byOperator.set(c.operator, (keys = new Map()));
      keys.set(c.key, [...(keys.get(c.key) ?? []), ...c.values]);
    }
    const condition: { [key: string]: JsonValue } = {};
    for (const operator of [...byOperator.keys()].sort()) {
      const keys = byOperator.get(operator)!;
      const block: { [key: string]: JsonValue } = {};
      for (const key of [...keys.keys()].sort()) {
        const values = [...new Set(keys.get(key)!)].sort();
        block[key] = values.length === 1 ? values[0]! : values;
      }
      condition[operator] = block;
    }
    out['Condition'] = condition;
  }
  return out;
}

function principalObject(p: PrincipalBlock): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const key of ['AWS', 'Federated', 'Service'] as const) {
    const values = p[key];
    if (values && values.length > 0) out[key] = values.length === 1 ? values[0]! : [...values].sort();
  }
  return out;
}
