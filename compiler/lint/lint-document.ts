/**
 * Which rules read which kind of document. A boundary or SCP caps access rather than granting it,
 * so `s3:*` there is the point, not a mistake; a trust policy grants only `sts:` actions.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocumentKind, LintDocument } from './document.js';
import { actionWildcards, negatedAllows, serviceWideActions, unknownActions } from './rules/action-rules.js';
import { inapplicableConditionKeys } from './rules/condition-keys.js';
import { escalations } from './rules/escalation.js';
import { hiddenCharacters } from './rules/hidden-characters.js';
import { unscopedPassRole } from './rules/pass-role.js';
import { deadGrants, wildcardResources } from './rules/resource-rules.js';
import { trustRules } from './rules/trust-rules.js';

type Rule = (doc: LintDocument) => Diagnostic[];

/** Rules that repeat what `verify` already proves of compiled output (IAM4102–IAM4104). */
const CATALOGUE_RULES: ReadonlySet<Rule> = new Set([unknownActions, inapplicableConditionKeys, deadGrants]);

const RULES: Record<DocumentKind, readonly Rule[]> = {
  identity: [unknownActions, negatedAllows, serviceWideActions, actionWildcards, wildcardResources, unscopedPassRole, escalations, inapplicableConditionKeys, deadGrants],
  resource: [unknownActions, negatedAllows, serviceWideActions, actionWildcards, inapplicableConditionKeys],
  // Condition keys of web-identity issuers are not in the catalogue; the trust rules check them.
  trust: [unknownActions, negatedAllows, trustRules],
  boundary: [unknownActions, negatedAllows, inapplicableConditionKeys],
  scp: [unknownActions, negatedAllows, inapplicableConditionKeys],
};

export interface LintOptions {
  /** Skip the rules `verify` already applies to compiled output. */
  readonly compiled?: boolean;
}

/** Rules every kind of document gets. */
const EVERY_KIND: readonly Rule[] = [hiddenCharacters];

export function lintDocument(doc: LintDocument, options: LintOptions = {}): Diagnostic[] {
  return [...RULES[doc.kind], ...EVERY_KIND].filter((rule) => !(options.compiled && CATALOGUE_RULES.has(rule))).flatMap((rule) => rule(doc));
}
