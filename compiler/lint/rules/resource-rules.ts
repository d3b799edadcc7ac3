/**
 * Rules on the resources of Allow statements: a resource that reaches every resource of its kind
 * without a reason (IAM5106, IAM5107 when the actions change things), a reasoned `*` where AWS
 * would take a narrower ARN (IAM5132), resources that are not ARNs (IAM5130), and dead grants
 * (IAM5123), an action on a resource it cannot act on. "Reaches every resource" is decided by
 * containment (wildcardReach), so `key/*`, `arn:aws:s3:::*` and `?*` count as `*` does.
 */
import { correctionNote, lookupAction, resourceTypeArnFormat, resourceTypesForArn, wildcardSuffices, type CatalogueAction } from '../../catalogue/catalogue.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Located } from '../../diagnostics/span.js';
import { arnShapeProblem, wildcardReach, type Reach } from '../../glob/wildcard-reach.js';
import { hasWildcard, type LintDocument } from '../document.js';
import { changesThings, expandAction, isServiceWide, qualifiedName } from '../action-facts.js';

export function wildcardResources(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    if (s.effect.value !== 'Allow') continue;
    const wide = firstReaching(s.resources ?? []);
    if (!wide) continue;
    const { at, reach } = wide;
    const actions = s.actions ?? [];
    // Actions AWS accepts only on `*`, or whose every resource type is optional, need no narrower
    // form: `*` is not a choice for them.
    const scopable = actions.flatMap((a): Scopable[] => (a.value === '*' ? [{ written: a.value, changes: true }] : expandAction(a.value).filter((x) => !wildcardSuffices(x)).map((x) => ({ written: qualifiedName(x), changes: changesThings(x), action: x }))));
    if (scopable.length === 0) continue;
    const narrower = reach.everything ? scopable.flatMap((x) => (x.action ? narrowerArns(x.action).map((arn) => ({ written: x.written, arn })) : [])) : [];
    if (s.reasoned) {
      // The reason covers reaching every resource the action can act on, not every resource AWS has.
      const first = narrower[0];
      if (first) {
        out.push(
          diagnostic('IAM5132', at.span, `\`${at.value}\` reaches every resource, though AWS scopes \`${first.written}\` to \`${first.arn}\``, {
            suggestion: `write the narrower ARN${narrower.length > 1 ? 's' : ''}: ${listArns(narrower.map((n) => n.arn))}`,
          }),
        );
      }
      continue;
    }
    const what = reach.everything ? 'every resource of the account' : reach.what;
    const scope = narrower.length > 0 ? `scope \`Resource\` to ${listArns(narrower.map((n) => n.arn))} or narrower` : undefined;
    const changing = scopable.filter((x) => x.changes);
    if (changing.length > 0) {
      const names = changing.length === 1 || actions.some((a) => isServiceWide(a.value)) ? `\`${changing[0]!.written}\`` : `\`${changing[0]!.written}\` and ${changing.length - 1} more`;
      out.push(diagnostic('IAM5107', at.span, `write actions such as ${names} on \`${at.value}\` can change ${what}`, { suggestion: scope ?? 'scope `Resource` to the ARNs the workload changes' }));
    } else {
      out.push(diagnostic('IAM5106', at.span, `\`Resource\` \`${at.value}\` grants the actions on ${what}`, { suggestion: scope ?? 'scope `Resource` to the ARNs the workload reads' }));
    }
  }
  return out;
}

interface Scopable {
  readonly written: string;
  readonly changes: boolean;
  readonly action?: CatalogueAction;
}

/** The first resource that reaches every resource of its kind, `*` preferred for the message. */
function firstReaching(resources: readonly Located<string>[]): { at: Located<string>; reach: Reach } | undefined {
  const found = resources.flatMap((at) => {
    const reach = wildcardReach(at.value);
    return reach ? [{ at, reach }] : [];
  });
  return found.find((f) => f.reach.everything) ?? found[0];
}

/**
 * The ARN forms AWS takes for an action instead of `*`: its required resource types (or, when
 * none is required, each it accepts), with the place left to fill in, e.g.
 * `arn:aws:ec2:REGION:ACCOUNT:vpc/*` for `ec2:CreateVpc`.
 */
export function narrowerArns(action: CatalogueAction): string[] {
  const required = action.resourceTypes.filter((t) => t.required);
  const types = required.length > 0 ? required : action.resourceTypes;
  const out: string[] = [];
  for (const t of types) {
    const format = resourceTypeArnFormat(action.service, t.name);
    if (format === undefined || !format.startsWith('arn:')) continue;
    const arn = format
      .replace(/\$\{Partition\}/g, 'aws')
      .replace(/\$\{Region\}/g, 'REGION')
      .replace(/\$\{Account\}/g, 'ACCOUNT')
      .replace(/\$\{[^}]*\}/g, '*');
    if (!out.includes(arn)) out.push(arn);
  }
  return out;
}

/** Longest list of ARNs a message spells out; the rest are counted. */
const MAX_ARNS = 3;

function listArns(arns: readonly string[]): string {
  const unique = [...new Set(arns)];
  const shown = unique.slice(0, MAX_ARNS).map((a) => `\`${a}\``).join(', ');
  return unique.length > MAX_ARNS ? `${shown} and ${unique.length - MAX_ARNS} more` : shown;
}

/**
 * A resource that is neither `*` nor a whole ARN matches nothing AWS has (`arn:aws:s3`,
 * `arn:aws:iam::123`): the statement is dead or the ARN was cut short. A `*` that runs over the
 * missing fields (`arn:aws:dynamodb:*`) is a glob, not a cut; the wildcard rules judge it.
 */
export function malformedResources(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    for (const r of [...(s.resources ?? []), ...(s.notResources ?? [])]) {
      const problem = arnShapeProblem(r.value);
      if (problem === undefined || wildcardReach(r.value) !== undefined) continue;
      out.push(diagnostic('IAM5130', r.span, `\`${r.value}\` is not an ARN: ${problem}`, { suggestion: 'write the whole ARN, e.g. `arn:aws:s3:::BUCKET/KEY`, or `*`' }));
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
        out.push(diagnostic('IAM5123', a.span, `\`${a.value}\` cannot act on \`${dead[0]!.value}\``, { detail: `it acts on ${types}${correctionNote(action)}` }));
      }
    }
  }
  return out;
}
