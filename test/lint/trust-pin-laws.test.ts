/**
 * Law for the trust pins, against iamc's evaluator (itself checked against iam-simulate): when the
 * linter finds no error in a GitHub OIDC trust, no token from another repository, for another
 * audience, or missing a claim can assume the role. Conditions are generated from operators and
 * values that look like pins and are not (`Null`, negations, `IfExists`, `ForAllValues:`, wildcards,
 * empty values), so a check that only looks for the key fails this law.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../compiler/eval/evaluate.js';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';

// At least 100: the law is cheap, and it needs enough runs to reach trusts the linter accepts.
const RUNS = Math.max(100, Number(process.env['IAMC_PROPERTY_RUNS'] ?? 300));
const ACCOUNT = '123456789012';
const HOST = 'token.actions.githubusercontent.com';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${HOST}`;
const OPERATORS = ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike', 'Null', 'StringEqualsIfExists', 'StringLikeIfExists', 'ForAllValues:StringEquals', 'ForAllValues:StringLike', 'ForAnyValue:StringLike'];
const AUD_VALUES = ['sts.amazonaws.com', '*', '', 'sts.*', 'false', 'true'];
const SUB_VALUES = ['repo:acme/app:ref:refs/heads/main', 'repo:acme/app:*', 'repo:acme/*', '*', '', 'false', 'true', 'repo:*/app:ref:refs/heads/main'];

/** Up to two clauses on one key; half the time after a true pin, so trusts the linter accepts are common. */
const clausesArb = (values: readonly string[]) =>
  fc
    .tuple(
      fc.boolean(),
      fc.uniqueArray(fc.record({ operator: fc.constantFrom(...OPERATORS), values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }) }), { maxLength: 2, selector: (c) => c.operator }),
    )
    .map(([pinned, clauses]) => {
      const all = pinned ? [{ operator: 'StringEquals', values: [values[0]!] }, ...clauses] : clauses;
      return all.filter((c, i) => all.findIndex((d) => d.operator === c.operator) === i);
    });

/** Tokens nobody meant to admit: another repository, another audience, a missing claim. */
const ATTACKS: Record<string, string>[] = [
  { [`${HOST}:aud`]: 'sts.amazonaws.com', [`${HOST}:sub`]: 'repo:evil/app:ref:refs/heads/main' },
  { [`${HOST}:aud`]: 'other-audience', [`${HOST}:sub`]: 'repo:acme/app:ref:refs/heads/main' },
  { [`${HOST}:aud`]: 'sts.amazonaws.com' },
  { [`${HOST}:sub`]: 'repo:acme/app:ref:refs/heads/main' },
];

describe('trust pin laws', () => {
  it('property: no error from the linter ⇒ no token from another repository or audience, or missing a claim, can assume the role', () => {
    let clean = 0;
    fc.assert(
      fc.property(clausesArb(AUD_VALUES), clausesArb(SUB_VALUES), (aud, sub) => {
        const condition: Record<string, Record<string, string[]>> = {};
        for (const [key, clauses] of [[`${HOST}:aud`, aud], [`${HOST}:sub`, sub]] as const) {
          for (const c of clauses) condition[c.operator] = { ...(condition[c.operator] ?? {}), [key]: c.values };
        }
        const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}) }] };
        const errors = lintPolicyFile('trust.json', JSON.stringify(trust, null, 2)).filter((d) => d.severity === 'error');
        if (errors.length > 0) return;
        clean++;
        for (const context of ATTACKS) {
          const decision = evaluate({ identity: [], resource: trust }, { principal: PROVIDER, action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${ACCOUNT}:role/deploy`, context }).decision;
          expect(decision, `${JSON.stringify(condition)} admits ${JSON.stringify(context)}`).not.toBe('Allowed');
        }
      }),
      { numRuns: RUNS },
    );
    // The generator must reach trusts the linter accepts, or the law says nothing.
    expect(clean).toBeGreaterThan(0);
  });
});
