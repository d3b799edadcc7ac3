/**
 * Does a condition pin its key to values the author named? A key being present in a condition
 * proves nothing: `StringLike aws:PrincipalArn "*"`, `Null sub false`, `StringNotEquals aud …`,
 * `ForAllValues:…` (true when the key is absent) and `…IfExists` (likewise) all admit requests the
 * author never named. A pin is a positive equality or like test on the key, not `ForAllValues:`,
 * not `IfExists`, with at least one value, every value non-empty, and no wildcard in the part of
 * the value that names the owner (an account, an organisation, a repository).
 */
import { activeMutant } from '../../verify/mutants.js';
import { baseOperator, hasWildcard, type LintCondition, type LintStatement } from '../document.js';

const POSITIVE = new Set(['stringequals', 'stringequalsignorecase', 'arnequals', 'stringlike', 'arnlike']);
// IAM reads `*` and `?` in `ArnEquals` as it does in `ArnLike`: both match each ARN field as a glob.
const LIKE = new Set(['stringlike', 'arnlike', 'arnequals']);

/** The part of a value that must be written out for it to pin anything, per key (lowercase). */
const OWNER_PART: Record<string, (value: string) => string | undefined> = {
  'aws:principalarn': arnOwner,
  'aws:sourcearn': arnOwner,
  // Organisation paths: `o-abc/r-1234/ou-…/*` is pinned by its organisation.
  'aws:principalorgpaths': (v) => v.split('/')[0],
  'aws:sourceorgpaths': (v) => v.split('/')[0],
  'aws:resourceorgpaths': (v) => v.split('/')[0],
};

/** Does the condition pin its key? `owner` overrides how much of a like-pattern must be literal. */
export function pins(c: LintCondition, owner?: (value: string) => string | undefined): boolean {
  // The mutation check's `presence-only-pin`: a condition on the key counts, whatever it says.
  if (activeMutant() === 'presence-only-pin') return true;
  if (/^ForAllValues:/i.test(c.operator.value) || /IfExists$/i.test(c.operator.value)) return false;
  const base = baseOperator(c.operator.value);
  if (!POSITIVE.has(base) || c.values.length === 0) return false;
  const part = owner ?? OWNER_PART[c.key.value.toLowerCase()] ?? ((v: string) => v);
  return c.values.every((v) => {
    if (v.value.trim() === '') return false;
    if (!LIKE.has(base) || (base === 'arnequals' && activeMutant() === 'arn-equals-exact')) return true;
    const literal = part(v.value);
    return literal !== undefined && literal !== '' && !hasWildcard(literal);
  });
}

/** Is one of `keys` (lowercase) pinned by a condition of the statement? */
export function pinnedBy(s: LintStatement, keys: readonly string[]): boolean {
  return s.conditions.some((c) => keys.includes(c.key.value.toLowerCase()) && pins(c));
}

/**
 * An ARN pattern is pinned by its account; an ARN with no account (an S3 bucket) by its resource.
 * `*` or a truncated ARN has neither.
 */
function arnOwner(value: string): string | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return parts[4] !== '' ? parts[4] : parts.slice(5).join(':').split('/')[0];
}
