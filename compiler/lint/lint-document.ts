/**
 * Which rules read which kind of document. A boundary or SCP caps access rather than granting it,
 * so `s3:*` there is the point, not a mistake; a trust policy grants only `sts:` actions.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocumentKind, LintDocument } from './document.js';
import { actionWildcards, negatedAllows, serviceWideActions, unknownActions } from './rules/action-rules.js';
import { inapplicableConditionKeys } from './rules/condition-keys.js';
import { boundaryEscalations } from './rules/boundary-escalation.js';
import { escalations } from './rules/escalation.js';
import { hiddenCharacters } from './rules/hidden-characters.js';
import { unscopedPassRole } from './rules/pass-role.js';
import { deadGrants, malformedResources, wildcardResources } from './rules/resource-rules.js';
import { publicResources } from './rules/public-resource.js';
import { trustRules } from './rules/trust-rules.js';

type Rule = (doc: LintDocument) => Diagnostic[];

/** Rules that repeat what `verify` already proves of compiled output (IAM4102–IAM4104). */
const CATALOGUE_RULES: ReadonlySet<Rule> = new Set([unknownActions, inapplicableConditionKeys, deadGrants]);

const RULES: Record<DocumentKind, readonly Rule[]> = {
  identity: [unknownActions, malformedResources, negatedAllows, serviceWideActions, actionWildcards, wildcardResources, unscopedPassRole, escalations, inapplicableConditionKeys, deadGrants],
  resource: [unknownActions, malformedResources, negatedAllows, serviceWideActions, actionWildcards, publicResources, inapplicableConditionKeys],
  // Condition keys of web-identity issuers are not in the catalogue; the trust rules check them.
  trust: [unknownActions, negatedAllows, trustRules],
  boundary: [unknownActions, malformedResources, negatedAllows, boundaryEscalations, inapplicableConditionKeys],
  scp: [unknownActions, malformedResources, negatedAllows, inapplicableConditionKeys],
};

const ALL_RULES: readonly Rule[] = [unknownActions, malformedResources, negatedAllows, serviceWideActions, actionWildcards, wildcardResources, unscopedPassRole, escalations, boundaryEscalations, trustRules, publicResources, inapplicableConditionKeys, deadGrants];

export interface LintOptions {
  /** Skip the rules `verify` already applies to compiled output. */
  readonly compiled?: boolean;
}

/** Rules every kind of document gets. */
const EVERY_KIND: readonly Rule[] = [hiddenCharacters];

export function lintDocument(doc: LintDocument, options: LintOptions = {}): Diagnostic[] {
  const kinds: readonly DocumentKind[] = typeof doc.kind === 'string' ? [doc.kind] : doc.kind;
  // The union of the kinds' rules, each once, in a fixed order; then the rules for every kind.
  const rules = [...ALL_RULES.filter((rule) => kinds.some((k) => RULES[k].includes(rule))), ...EVERY_KIND];
  return rules.filter((rule) => !(options.compiled && CATALOGUE_RULES.has(rule))).flatMap((rule) => rule(doc));
}
