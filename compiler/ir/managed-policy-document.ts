/**
 * An AWS managed policy's document as policy IR, so `explain`, `check` and the linter read it with
 * the same evaluator as iamc's own statements. Its statements have no origins: iamc did not write
 * them, and no grant stands behind them (they are outside the containment proof).
 */
import { awsManagedPolicyByArn } from '../catalogue/aws-managed-policies.js';
import type { ConditionClause } from './intent.js';
import type { PolicyDocument, Statement } from './policy.js';

/** The document of the AWS managed policy this ARN names; undefined for a customer policy, whose document iamc cannot see. */
export function managedPolicyDocument(arn: string): PolicyDocument | undefined {
  const policy = awsManagedPolicyByArn(arn);
  if (!policy) return undefined;
  const raw = [policy.document.Statement].flat() as readonly Record<string, unknown>[];
  return { statements: raw.map((s, i) => statementOf(s, `${policy.name}#${i + 1}`)) };
}

function statementOf(s: Record<string, unknown>, fallbackSid: string): Statement {
  const sid = typeof s['Sid'] === 'string' && s['Sid'] !== '' ? s['Sid'] : fallbackSid;
  return {
    sid,
    effect: s['Effect'] === 'Deny' ? 'Deny' : 'Allow',
    ...(s['Action'] !== undefined ? { actions: strings(s['Action']) } : {}),
    ...(s['NotAction'] !== undefined ? { notActions: strings(s['NotAction']) } : {}),
    ...(s['Resource'] !== undefined ? { resources: strings(s['Resource']) } : {}),
    ...(s['NotResource'] !== undefined ? { notResources: strings(s['NotResource']) } : {}),
    conditions: conditionsOf(s['Condition']),
    origins: [],
  };
}

function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined).map(String);
}

function conditionsOf(block: unknown): ConditionClause[] {
  if (typeof block !== 'object' || block === null) return [];
  const out: ConditionClause[] = [];
  for (const [operator, keys] of Object.entries(block as Record<string, unknown>)) {
    if (typeof keys !== 'object' || keys === null) continue;
    for (const [key, values] of Object.entries(keys as Record<string, unknown>)) out.push({ operator, key, values: strings(values) });
  }
  return out;
}
