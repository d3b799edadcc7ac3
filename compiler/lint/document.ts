/**
 * What the lint rules read: a policy document whose every value carries the place it was written.
 * Plain policy JSON fills it with the exact JSON value's span; a compiled program fills it with the
 * spans of the grants each statement came from. The rules never ask which.
 */
import type { Located, Span } from '../diagnostics/span.js';

/**
 * `identity`: attached to a role, user or permission set (grants).
 * `trust`: a role's trust policy (who may assume it).
 * `resource`: a resource policy (a bucket or queue policy).
 * `boundary`: a permissions boundary (a cap, not a grant).
 * `scp`: a service control policy (a cap on an account).
 */
export type DocumentKind = 'identity' | 'trust' | 'resource' | 'boundary' | 'scp';

export interface LintCondition {
  /** As written, with any `ForAllValues:`/`ForAnyValue:` prefix and `IfExists` suffix. */
  readonly operator: Located<string>;
  readonly key: Located<string>;
  readonly values: readonly Located<string>[];
}

export interface LintPrincipal {
  /** `Principal: "*"`. */
  readonly everyone?: Span;
  readonly aws: readonly Located<string>[];
  readonly service: readonly Located<string>[];
  readonly federated: readonly Located<string>[];
  readonly span: Span;
}

export interface LintStatement {
  readonly effect: Located<'Allow' | 'Deny'>;
  readonly sid?: string;
  readonly principal?: LintPrincipal;
  readonly actions?: readonly Located<string>[];
  readonly notActions?: readonly Located<string>[];
  readonly resources?: readonly Located<string>[];
  readonly notResources?: readonly Located<string>[];
  readonly conditions: readonly LintCondition[];
  /**
   * True when every grant the statement came from says why it widens (`because`); for JSON, only
   * iamc's own output, whose manifest carries the reasons by statement `Sid`.
   */
  readonly reasoned?: boolean;
  /** The whole statement; findings about the statement as a whole point here. */
  readonly span: Span;
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['identity', 'resource', 'trust', 'scp', 'boundary'];

export interface LintDocument {
  /**
   * What the document is; for plain JSON whose type was not stated, every kind it could be, and
   * the rules of each of them run (an inference may add rules, never remove one).
   */
  readonly kind: DocumentKind | readonly DocumentKind[];
  /** How to name the document in messages: a file path or `role \`x\``. */
  readonly name: string;
  readonly statements: readonly LintStatement[];
  readonly span: Span;
}

/** The operator without its set prefix and `IfExists` suffix, lowercased: `stringlike`. */
export function baseOperator(operator: string): string {
  return operator
    .replace(/^(ForAllValues|ForAnyValue):/i, '')
    .replace(/IfExists$/i, '')
    .toLowerCase();
}

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}
