/**
 * A condition key that does not apply to an action is absent from every request for it (IAM5119):
 * a positive test never matches, a negated one always does. The seed's boundary denies
 * `iam:PassRole` "unless `iam:PermissionsBoundary` is …", a key PassRole never carries, so the deny
 * hits every PassRole whatever the boundary.
 */
import { conditionKeyApplies, lookupAction } from '../../catalogue/catalogue.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasWildcard, type LintDocument } from '../document.js';

export function inapplicableConditionKeys(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    // Globs mix actions that carry a key with ones that do not; only literal actions are judged.
    const actions = (s.actions ?? []).filter((a) => !hasWildcard(a.value)).map((a) => lookupAction(a.value)).filter((a) => a !== undefined);
    if (actions.length === 0) continue;
    for (const c of s.conditions) {
      const misses = actions.filter((a) => !conditionKeyApplies(a, c.key.value));
      if (misses.length === 0) continue;
      const names = misses.map((a) => `\`${a.service}:${a.name}\``).join(', ');
      const negated = /not/i.test(c.operator.value) && !/^Null$/i.test(c.operator.value);
      out.push(
        diagnostic('IAM5119', c.key.span, `condition key \`${c.key.value}\` does not apply to ${names}`, {
          detail: negated ? `the key is absent from those requests, so \`${c.operator.value}\` is always true for them` : `the key is absent from those requests, so \`${c.operator.value}\` never matches them`,
          suggestion: misses.length < actions.length ? 'move those actions to a statement of their own without this condition' : 'use a key the action supports (the Service Authorization Reference lists them)',
        }),
      );
    }
  }
  return out;
}
