/**
 * Rules on the actions a statement names: unknown actions (IAM5124), action globs (IAM5104),
 * service-wide actions (IAM5105), and `NotAction`/`NotResource` in an Allow (IAM5120).
 */
import { actionsOfService, expandActionGlob, lookupAction } from '../../catalogue/catalogue.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { hasWildcard, type LintDocument } from '../document.js';
import { isServiceWide } from '../action-facts.js';

/** Longest expansion shown in a help line; longer ones are counted, not listed. */
const MAX_LISTED = 12;

export function unknownActions(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    for (const a of [...(s.actions ?? []), ...(s.notActions ?? [])]) {
      if (a.value === '*') continue;
      if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(a.value)) {
        out.push(diagnostic('IAM5124', a.span, `\`${a.value}\` is not an action: actions are written \`service:Action\``));
      } else if (hasWildcard(a.value)) {
        if (expandActionGlob(a.value).length === 0) out.push(diagnostic('IAM5124', a.span, `\`${a.value}\` matches no action in AWS's catalogue`));
      } else if (lookupAction(a.value) === undefined) {
        const service = a.value.split(':')[0]!;
        const suggestion = didYouMean(a.value, actionsOfService(service).map((x) => `${x.service}:${x.name}`));
        out.push(diagnostic('IAM5124', a.span, `\`${a.value}\` is not in AWS's action catalogue`, suggestion ? { suggestion } : {}));
      }
    }
  }
  return out;
}

/** Globs in an Allow widen the grant as AWS adds actions; in a Deny they widen the deny, which is safe. */
export function actionWildcards(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    if (s.effect.value !== 'Allow') continue;
    for (const a of s.actions ?? []) {
      if (!hasWildcard(a.value) || isServiceWide(a.value)) continue;
      const expanded = expandActionGlob(a.value);
      if (expanded.length === 0) continue; // IAM5124 says so
      const listed = expanded.length <= MAX_LISTED ? expanded.map((x) => `\`${x}\``).join(', ') : `the ${expanded.length} actions it matches today`;
      out.push(
        diagnostic('IAM5104', a.span, `\`${a.value}\` grants every matching action AWS adds later`, {
          suggestion: `list the actions the workload calls; today it means ${listed}`,
        }),
      );
    }
  }
  return out;
}

export function serviceWideActions(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    if (s.effect.value !== 'Allow') continue;
    for (const a of s.actions ?? []) {
      if (!isServiceWide(a.value)) continue;
      const what = a.value === '*' ? 'every action of every service' : `every \`${a.value.split(':')[0]}\` action`;
      out.push(diagnostic('IAM5105', a.span, `\`${a.value}\` grants ${what}, including those AWS adds later`, { suggestion: 'name the actions the workload calls' }));
    }
  }
  return out;
}

export function negatedAllows(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    if (s.effect.value !== 'Allow') continue;
    const first = (s.notActions ?? [])[0];
    if (first) out.push(diagnostic('IAM5120', first.span, '`NotAction` in an Allow grants every action except those listed', { suggestion: 'list the allowed actions in `Action`, or make this a Deny' }));
    const firstResource = (s.notResources ?? [])[0];
    if (firstResource) out.push(diagnostic('IAM5120', firstResource.span, '`NotResource` in an Allow grants every resource except those listed', { suggestion: 'list the allowed resources in `Resource`, or make this a Deny' }));
  }
  return out;
}
