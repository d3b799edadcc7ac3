/**
 * A short fingerprint of what a statement grants: effect, actions, resources and conditions, in a
 * canonical order (actions and condition keys lowercased, as IAM compares them). The manifest
 * records it beside a statement's `because`, so a reason travels with exactly the statement it was
 * given for: a statement widened by hand after compiling no longer matches, and loses the reason.
 */
import { createHash } from 'node:crypto';

export interface DigestableStatement {
  readonly effect: string;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly conditions: readonly { readonly operator: string; readonly key: string; readonly values: readonly string[] }[];
}

export function statementDigest(s: DigestableStatement): string {
  const sorted = (values: readonly string[] | undefined, lower = false) => (values === undefined ? null : [...new Set(values.map((v) => (lower ? v.toLowerCase() : v)))].sort());
  const conditions = s.conditions.map((c) => [c.operator, c.key.toLowerCase(), ...sorted(c.values)!].join('\u0000')).sort();
  const canonical = JSON.stringify([s.effect, sorted(s.actions, true), sorted(s.notActions, true), sorted(s.resources), sorted(s.notResources), conditions]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
