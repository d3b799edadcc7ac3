/**
 * Every emitted action exists in AWS's catalogue, every resource matches a type the action accepts
 * (or is `*`), and every condition key applies to the action or is global. Anything else would be
 * a statement that never works — or, for a condition, one that never matches.
 */
import { actionsOfService, conditionKeyApplies, correctionNote, expandActionGlob, lookupAction, resourceTypesForArn } from '../catalogue/catalogue.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Span } from '../diagnostics/span.js';
import type { Statement } from '../ir/policy.js';
import { isLiteral } from '../glob/glob.js';

export function checkCatalogue(owner: string, s: Statement, ownerSpan: Span): Diagnostic[] {
  const out: Diagnostic[] = [];
  const span = s.origins[0] ?? ownerSpan;
  const related = s.origins.slice(1).map((o) => ({ message: `statement \`${s.sid}\` also came from this grant`, span: o }));
  const where = `in statement \`${s.sid}\` of ${owner}`;
  // One finding per condition key, listing the actions it does not apply to.
  const keyMisses = new Map<string, string[]>();
  for (const name of [...(s.actions ?? []), ...(s.notActions ?? [])]) {
    if (name === '*') continue;
    if (!isLiteral(name)) {
      if (expandActionGlob(name).length === 0) out.push(diagnostic('IAM4102', span, `\`${name}\` ${where} matches no action in AWS's catalogue`, { related }));
      continue;
    }
    const action = lookupAction(name);
    if (action === undefined) {
      const service = name.split(':')[0] ?? '';
      const suggestion = didYouMean(name, actionsOfService(service).map((a) => `${a.service}:${a.name}`));
      out.push(diagnostic('IAM4102', span, `\`${name}\` ${where} is not in AWS's action catalogue`, { ...(suggestion ? { suggestion } : {}), related }));
      continue;
    }
    for (const resource of s.resources ?? []) {
      if (resource === '*') continue;
      if (action.wildcardOnly) {
        out.push(diagnostic('IAM4103', span, `\`${name}\` ${where} accepts only \`*\`, not \`${resource}\``, { related }));
      } else if (resourceTypesForArn(action, resource).length === 0) {
        const types = action.resourceTypes.map((t) => `\`${t.name}\``).join(', ');
        out.push(diagnostic('IAM4103', span, `\`${name}\` ${where} cannot act on \`${resource}\``, { detail: `it accepts ${types}${correctionNote(action)}`, related }));
      }
    }
    for (const c of s.conditions) {
      if (!conditionKeyApplies(action, c.key)) keyMisses.set(c.key, [...(keyMisses.get(c.key) ?? []), name]);
    }
  }
  for (const [key, actions] of keyMisses) {
    const list = [...new Set(actions)].map((a) => `\`${a}\``).join(', ');
    out.push(diagnostic('IAM4104', span, `condition key \`${key}\` ${where} does not apply to ${list}`, { detail: 'the condition never matches those actions', related }));
  }
  return out;
}
