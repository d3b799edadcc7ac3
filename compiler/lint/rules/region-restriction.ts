/**
 * A region restriction must let the global services through (IAM5160): their one endpoint is in
 * us-east-1 (a few in us-west-2), so `restrict regions ["eu-west-1"]` without `except [iam, sts,
 * …]` denies IAM, STS's global endpoint, Organizations, Route 53, CloudFront and Support in every
 * account it reaches, including the calls that would undo it.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { IntentProgram } from '../../ir/intent.js';
import { blockedGlobalServices, globalServiceHome } from '../../../stdlib/guardrails.js';

export function regionRestrictionBlocksGlobalServices(intent: IntentProgram): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const g of intent.guardrails) {
    for (const rule of g.rules) {
      if (rule.kind !== 'restrict-regions') continue;
      const blocked = blockedGlobalServices(rule.regions, rule.exceptServices);
      if (blocked.length === 0) continue;
      const homes = [...new Set(blocked.map(globalServiceHome))].sort();
      out.push(
        diagnostic('IAM5160', rule.span, `guardrail \`${g.name}\` restricts regions without letting global services through: ${blocked.map((s) => `\`${s}\``).join(', ')}`, {
          detail: `these services have one endpoint, in ${homes.map((h) => `\`${h}\``).join(' and ')}, which the restriction denies, so they fail in every account it reaches`,
          suggestion: `add them to \`except [${[...rule.exceptServices, ...blocked].join(', ')}]\`, or allow ${homes.map((h) => `\`${h}\``).join(' and ')}`,
        }),
      );
    }
  }
  return out;
}
