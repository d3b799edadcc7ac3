/**
 * The IAM glob language: `*` matches any run of characters (possibly empty), `?` exactly one
 * character, everything else itself. ARNs and condition values compare case-sensitively; action
 * names do not, so callers ask for `caseInsensitive` there.
 */
export interface GlobOptions {
  readonly caseInsensitive?: boolean;
}

/** One element of a pattern: a literal character, `?` (one character) or `*` (any run). */
export type GlobToken = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'one' } | { readonly kind: 'any' };

/** Splits a pattern into tokens; adjacent `*` collapse, since `**` means the same as `*`. */
export function tokenize(pattern: string, options: GlobOptions = {}): GlobToken[] {
  const text = options.caseInsensitive ? pattern.toLowerCase() : pattern;
  const tokens: GlobToken[] = [];
  for (const char of text) {
    if (char === '*') {
      if (tokens.at(-1)?.kind !== 'any') tokens.push({ kind: 'any' });
    } else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/**
 * The positions reachable from `positions` by letting each `*` (any token of kind `any`, plain or
 * class-restricted) match nothing: the epsilon closure every subset walk over a glob needs.
 */
export function closeOverStars(tokens: readonly ({ readonly kind: string } | undefined)[], positions: Iterable<number>): number[] {
  const seen = new Set<number>();
  const stack = [...positions];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    if (tokens[p]?.kind === 'any') stack.push(p + 1);
  }
  return [...seen].sort((a, b) => a - b);
}

/** True when the pattern has no `*` or `?`, i.e. it denotes exactly one string. */
export function isLiteral(pattern: string): boolean {
  return !pattern.includes('*') && !pattern.includes('?');
}

/**
 * Does `text` (taken literally, `*` and `?` included) match `pattern`? Greedy matching with a
 * single backtrack point for the last `*`, which is linear for the patterns IAM allows in practice
 * and never exponential.
 */
export function globMatches(pattern: string, text: string, options: GlobOptions = {}): boolean {
  // Most patterns in a policy are literal; comparing them needs no matcher at all.
  if (isLiteral(pattern)) return options.caseInsensitive ? pattern.toLowerCase() === text.toLowerCase() : pattern === text;
  const p = [...(options.caseInsensitive ? pattern.toLowerCase() : pattern)];
  const t = [...(options.caseInsensitive ? text.toLowerCase() : text)];
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const pc = p[pi];
    if (pc === '*') {
      starP = pi++;
      starT = ti;
    } else if (pc !== undefined && (pc === '?' || pc === t[ti])) {
      pi++;
      ti++;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
