/**
 * Rules on the resources of Allow statements: `*` without a reason (IAM5106, IAM5107 when the
 * actions change things) and dead grants (IAM5123), an action on a resource it cannot act on.
 */
import { lookupAction, resourceTypesForArn } from '../../catalogue/catalogue.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasWildcard, type LintDocument } from '../document.js';
import { changesThings, expandAction, isServiceWide, qualifiedName } from '../action-facts.js';

export function wildcardResources(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    if (s.effect.value !== 'Allow' || s.reasoned) continue;
    const star = (s.resources ?? []).find((r) => r.value === '*');
    if (!star) continue;
    const actions = s.actions ?? [];
    // Actions AWS accepts only on `*` have no narrower form: `*` is not a choice for them.
    const scopable = actions.flatMap((a) => (a.value === '*' ? [{ written: a.value, changes: true }] : expandAction(a.value).filter((x) => !x.wildcardOnly).map((x) => ({ written: qualifiedName(x), changes: changesThings(x) }))));
    if (scopable.length === 0) continue;
    const changing = scopable.filter((x) => x.changes);
    if (changing.length > 0) {
      const names = changing.length === 1 || actions.some((a) => isServiceWide(a.value)) ? `\`${changing[0]!.written}\`` : `\`${changing[0]!.written}\` and ${changing.length - 1} more`;
      out.push(diagnostic('IAM5107', star.span, `write actions such as ${names} on \`*\` can change every resource of the account`, { suggestion: 'scope `Resource` to the ARNs the workload changes' }));
    } else {
      out.push(diagnostic('IAM5106', star.span, '`Resource` `*` grants the actions on every resource of the account', { suggestion: 'scope `Resource` to the ARNs the workload reads' }));
    }
  }
  return out;
}

export function deadGrants(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    if (s.effect.value !== 'Allow') continue;
    const resources = (s.resources ?? []).filter((r) => r.value !== '*');
    if (resources.length === 0) continue;
    for (const a of s.actions ?? []) {
      // A glob's members need not all fit the resource: only literal actions are judged.
      if (hasWildcard(a.value)) continue;
      const action = lookupAction(a.value);
      if (!action) continue;
      if (action.wildcardOnly) {
        out.push(diagnostic('IAM5123', a.span, `\`${a.value}\` accepts only \`*\`, so it never applies to \`${resources[0]!.value}\``, { suggestion: `move \`${a.value}\` to a statement of its own on \`*\`` }));
        continue;
      }
      const dead = resources.filter((r) => resourceTypesForArn(action, r.value).length === 0);
      // Only when no listed resource fits: the statement may name several kinds on purpose.
      if (dead.length === resources.length) {
        const types = action.resourceTypes.map((t) => `\`${t.name}\``).join(', ');
        out.push(diagnostic('IAM5123', a.span, `\`${a.value}\` cannot act on \`${dead[0]!.value}\``, { detail: `it acts on ${types}` }));
      }
    }
  }
  return out;
}
