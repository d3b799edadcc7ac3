/**
 * The engine behind the names proof: L(inner) ∩ L(universe) ⊆ ⋃ L(meaning), checked against brute
 * force on small alphabets, and its work bounded on long adversarial globs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatToken } from '../../compiler/catalogue/arn-format.js';
import { expandActionGlob } from '../../compiler/catalogue/catalogue.js';
import { ANY_BUT_SLASH, ONE_BUT_SLASH, classTokens } from '../../compiler/glob/name-glob.js';
import { globContains, CONTAINMENT_BUDGET } from '../../compiler/glob/glob-contains.js';
import { classMatches, includedInMeaning, STATE_BUDGET, work } from '../../compiler/glob/meaning-contains.js';
import { compileText } from '../helpers/compile.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120);

/** `p` + one variable that never holds `/` + `/` + one variable that holds anything: like `bucket/key`. */
const OBJECT_LIKE: FormatToken[] = [
  { kind: 'lit', char: 'p' },
  { kind: 'var', excluded: new Set(['/']) },
  { kind: 'lit', char: '/' },
  { kind: 'var', excluded: new Set() },
];

function* strings(alphabet: string, max: number): Generator<string> {
  let layer = [''];
  yield '';
  for (let n = 1; n <= max; n++) {
    layer = layer.flatMap((s) => [...alphabet].map((c) => s + c));
    yield* layer;
  }
}

/** Reference: a regular expression per glob (a second implementation, not the engine's automata). */
function reference(glob: string): RegExp {
  const body = [...glob]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c === ANY_BUT_SLASH ? '[^/]*' : c === ONE_BUT_SLASH ? '[^/]' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}
const inObjectLike = /^p[^/]+\/.+$/s;

const globArb = (chars: string[]) => fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 5 }).map((xs) => xs.join(''));

describe('includedInMeaning', () => {
  it('agrees with brute force on small globs, classes and a universe', () => {
    fc.assert(
      fc.property(globArb(['p', 'a', '/', '*', '?']), fc.array(globArb(['p', 'a', '/', '*', '?', ANY_BUT_SLASH, ONE_BUT_SLASH]), { minLength: 1, maxLength: 2 }), (inner, outers) => {
        const result = includedInMeaning(inner, [OBJECT_LIKE], outers);
        const innerRe = reference(inner);
        const outerRes = outers.map(reference);
        const escapes = [...strings('pa/b', 6)].find((s) => innerRe.test(s) && inObjectLike.test(s) && !outerRes.some((r) => r.test(s)));
        if (result.contains === true) expect(escapes, `${inner} ⊆ ${outers.join(' | ')}`).toBeUndefined();
        else if (result.contains === false) {
          const c = result.counterexample;
          expect(innerRe.test(c) && inObjectLike.test(c) && !outerRes.some((r) => r.test(c)), `${inner} vs ${outers.join(' | ')}: ${c}`).toBe(true);
        }
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('reads a class glob as its meaning', () => {
    expect(classMatches(classTokens(`tenant-${ANY_BUT_SLASH}/public/*`), 'tenant-a/public/x')).toBe(true);
    expect(classMatches(classTokens(`tenant-${ANY_BUT_SLASH}/public/*`), 'tenant-a/private/public/x')).toBe(false);
  });
});

describe('bounded work on adversarial globs', () => {
  const adversarial = fc.array(fc.constantFrom('*', '?', 'a', '/', ':'), { minLength: 150, maxLength: 200 }).map((xs) => xs.join(''));

  it('the names proof explores at most its budget of states on 200-character globs', () => {
    fc.assert(
      fc.property(adversarial, adversarial, (inner, outer) => {
        const result = includedInMeaning(inner, [OBJECT_LIKE], [outer]);
        expect(work.states).toBeLessThanOrEqual(STATE_BUDGET);
        if (result.contains === 'unknown') expect(result.states).toBe(STATE_BUDGET);
      }),
      { numRuns: Math.max(10, RUNS / 6) },
    );
  });

  it('glob inclusion gives up after its budget instead of running for minutes (`*a` and sixteen `?`)', () => {
    const outer = `*a${'?'.repeat(40)}`;
    const result = globContains(outer, `*${'?'.repeat(45)}`);
    expect(result.contains).toBe(false);
    if (!result.contains) expect(result.undecided ?? false).toBe(true);
    expect(CONTAINMENT_BUDGET).toBeGreaterThan(1000);
  });

  it('a queue glob of many `?` after `*a` compiles or is refused as too intricate, never hangs', () => {
    const result = compileText({ 'a.iam': `account prod = 123456789012\nregion eu-west-1\nrole app for ec2 in prod {\n  consume sqs queue "*a${'?'.repeat(16)}" because "fuzz"\n}\n` });
    const codes = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes.every((c) => c === 'IAM2131' || c === 'IAM4105'), codes.join(',')).toBe(true);
  });

  it('expands an action glob that backtracks a regular expression (`s3:*?*?…q`) at once', () => {
    expect(expandActionGlob(`s3:${'*?'.repeat(30)}q`)).toEqual([]);
  });
});
