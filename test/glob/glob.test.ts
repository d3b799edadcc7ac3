import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globContains } from '../../compiler/glob/glob-contains.js';
import { globMatches } from '../../compiler/glob/glob.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 300);

/** Every string over `alphabet` of length 0..max, for brute force. */
function allStrings(alphabet: string, max: number): string[] {
  const out = [''];
  let layer = [''];
  for (let n = 1; n <= max; n++) {
    layer = layer.flatMap((s) => [...alphabet].map((c) => s + c));
    for (const s of layer) out.push(s);
  }
  return out;
}

/** A reference matcher written differently from `globMatches`: via a regular expression. */
function regexMatches(pattern: string, text: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's').test(text);
}

/** A member of L(pattern): each `*` and `?` replaced by drawn characters. */
function memberOf(pattern: string, fill: string[]): string {
  let k = 0;
  const next = (): string => fill[k++ % fill.length] ?? '';
  return [...pattern].map((c) => (c === '*' ? next() + next() : c === '?' ? next().slice(0, 1) || 'a' : c)).join('');
}

const smallPattern = fc.stringMatching(/^[ab*?]{0,4}$/);
const arnish = fc.stringMatching(/^[a-c:/*?-]{0,10}$/);

describe('globMatches', () => {
  it.each([
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b.txt', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket', false],
    ['app/prod/db-??????', 'app/prod/db-AbC123', true],
    ['app/prod/db-??????', 'app/prod/db-AbC1234', false],
    ['orders-*', 'Orders-1', false],
    ['*', '', true],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'aXbYbZ', false],
  ])('%s matches %s: %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  it('compares actions case-insensitively when asked', () => {
    expect(globMatches('sqs:ReceiveMessage', 'SQS:receivemessage', { caseInsensitive: true })).toBe(true);
    expect(globMatches('sqs:ReceiveMessage', 'SQS:receivemessage')).toBe(false);
  });

  it('agrees with a regular-expression matcher', () => {
    fc.assert(
      fc.property(arnish, fc.stringMatching(/^[a-c:/*?-]{0,12}$/), (pattern, text) => {
        expect(globMatches(pattern, text)).toBe(regexMatches(pattern, text));
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('globContains', () => {
  it.each([
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/reports/*', true],
    ['arn:aws:s3:::bucket/reports/*', 'arn:aws:s3:::bucket/*', false],
    ['app/prod/*', 'app/prod/db-??????', true],
    ['app/prod/db-??????', 'app/prod/db-*', false],
    ['a*', 'a?*', true],
    ['a?*', 'a*', false],
    ['*a*', '*a*a*', true],
    ['?*', '*?', true],
    ['*', 'anything*?', true],
    ['orders-*', 'orders-*', true],
    ['orders-*', 'Orders-*', false],
  ])('%s ⊇ %s: %s', (outer, inner, expected) => {
    const result = globContains(outer, inner);
    expect(result.contains).toBe(expected);
    if (!result.contains) {
      expect(globMatches(inner, result.counterexample)).toBe(true);
      expect(globMatches(outer, result.counterexample)).toBe(false);
    }
  });

  it('gives the shortest-path counterexample that reads naturally', () => {
    expect(globContains('arn:aws:sqs:eu-west-1:123456789012:orders-*', 'arn:aws:sqs:eu-west-1:123456789012:*')).toEqual({
      contains: false,
      counterexample: 'arn:aws:sqs:eu-west-1:123456789012:',
    });
  });

  it('treats actions case-insensitively when asked', () => {
    expect(globContains('sqs:Receive*', 'SQS:receivemessage', { caseInsensitive: true }).contains).toBe(true);
    expect(globContains('sqs:Receive*', 'SQS:receivemessage').contains).toBe(false);
  });

  it('contains ⇒ sampled members of inner match outer; not ⇒ the counterexample separates them', () => {
    fc.assert(
      fc.property(arnish, arnish, fc.array(fc.stringMatching(/^[a-d:/-]{0,3}$/), { minLength: 1, maxLength: 6 }), (outer, inner, fill) => {
        const result = globContains(outer, inner);
        if (result.contains) {
          expect(globMatches(outer, memberOf(inner, fill))).toBe(true);
        } else {
          expect(globMatches(inner, result.counterexample)).toBe(true);
          expect(globMatches(outer, result.counterexample)).toBe(false);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('agrees with brute force over a small alphabet', () => {
    fc.assert(
      fc.property(smallPattern, smallPattern, (outer, inner) => {
        // Strings over {a,b,c} up to |outer|+|inner|+1 include a shortest counterexample when there is one:
        // `c` stands for every character neither pattern names.
        const strings = allStrings('abc', outer.length + inner.length + 1);
        const brute = strings.every((s) => !regexMatches(inner, s) || regexMatches(outer, s));
        expect(globContains(outer, inner).contains).toBe(brute);
      }),
      { numRuns: RUNS },
    );
  });
});
