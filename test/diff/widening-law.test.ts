/**
 * The law behind `widens: false`: when no change between two sets of grants is marked as one
 * that may widen access, every request HEAD allows, BASE allowed too. Checked on generated grants
 * (Allow and Deny, action and resource globs, `not [ … ]` lists, positive and negated conditions)
 * against a small evaluator written here, independently of the containment code diff uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffGrants } from '../../compiler/diff/grants.js';
import type { Grant } from '../../compiler/diff/model.js';

// Cheap cases (no compile, no simulator): many of them, so rare edits such as one more
// exception in a Deny's `NotAction` list are drawn.
const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120) * 8;

const KEY = 'aws:PrincipalTag/team';
const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:Get*', 's3:*', 'sqs:SendMessage'];
const RESOURCES = ['arn:aws:s3:::a/x', 'arn:aws:s3:::a/*', 'arn:aws:s3:::*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::a/?'];
const OPERATORS = ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike'];
const VALUES = ['a', 'b', 'a*', 'ab'];

const REQUEST_ACTIONS = ['s3:GetObject', 's3:putobject', 's3:GetBucketTagging', 'sqs:SendMessage', 'sqs:DeleteQueue'];
const REQUEST_RESOURCES = ['arn:aws:s3:::a/x', 'arn:aws:s3:::a/y/z', 'arn:aws:s3:::b/k', 'arn:aws:s3:::a/xy', 'arn:aws:s3:::c'];
const REQUEST_TEAMS = [undefined, 'a', 'b', 'ab', 'a*'];

/** `*` any run, `?` one character; written here so the law does not lean on the code it checks. */
function globMatch(pattern: string, text: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (p: number, t: number): boolean => {
    const key = `${p},${t}`;
    if (memo.has(key)) return memo.get(key)!;
    let result: boolean;
    if (p === pattern.length) result = t === text.length;
    else if (pattern[p] === '*') result = go(p + 1, t) || (t < text.length && go(p, t + 1));
    else result = t < text.length && (pattern[p] === '?' || pattern[p] === text[t]) && go(p + 1, t + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

function notList(values: readonly string[]): string {
  return `not [${[...new Set(values)].sort().join(', ')}]`;
}

function matchesList(target: string, value: string, fold: boolean): boolean {
  const members = /^not \[(.*)\]$/.exec(target);
  const norm = (s: string) => (fold ? s.toLowerCase() : s);
  if (members) return !(members[1] === '' ? [] : members[1]!.split(', ')).some((m) => globMatch(norm(m), norm(value)));
  return globMatch(norm(target), norm(value));
}

function conditionHolds(c: Grant['conditions'][number], team: string | undefined): boolean {
  const negated = c.operator.includes('Not');
  if (team === undefined) return negated;
  const like = c.operator.endsWith('Like');
  const any = c.values.some((v) => (like ? globMatch(v, team) : v === team));
  return negated ? !any : any;
}

function matches(g: Grant, action: string, resource: string, team: string | undefined): boolean {
  return matchesList(g.action, action, true) && matchesList(g.target, resource, false) && g.conditions.every((c) => conditionHolds(c, team));
}

function allowed(grants: readonly Grant[], action: string, resource: string, team: string | undefined): boolean {
  return grants.some((g) => g.effect === 'Allow' && matches(g, action, resource, team)) && !grants.some((g) => g.effect === 'Deny' && matches(g, action, resource, team));
}

const condition = fc.record({
  operator: fc.constantFrom(...OPERATORS),
  key: fc.constant(KEY),
  values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }).map((v) => v.sort()),
});

const grant: fc.Arbitrary<Grant> = fc.record({
  effect: fc.constantFrom('Allow' as const, 'Deny' as const),
  action: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ACTIONS) }, { weight: 2, arbitrary: fc.subarray(ACTIONS.map((a) => a.toLowerCase()), { minLength: 1 }).map(notList) }),
  target: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...RESOURCES) }, { weight: 2, arbitrary: fc.subarray(RESOURCES, { minLength: 1 }).map(notList) }),
  // One clause per operator, as a policy's Condition block holds it.
  conditions: fc.uniqueArray(condition, { maxLength: 2, selector: (c) => c.operator }),
  origins: fc.constant([]),
});

type Edit =
  | { readonly op: 'drop'; readonly at: number }
  | { readonly op: 'add'; readonly grant: Grant }
  | { readonly op: 'action'; readonly at: number; readonly action: string }
  | { readonly op: 'target'; readonly at: number; readonly target: string }
  | { readonly op: 'conditions'; readonly at: number; readonly conditions: Grant['conditions'] }
  | { readonly op: 'value'; readonly at: number; readonly value: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), grant }),
  fc.record({ op: fc.constant('action' as const), at: fc.nat(), action: grant.map((g) => g.action) }),
  fc.record({ op: fc.constant('target' as const), at: fc.nat(), target: grant.map((g) => g.target) }),
  fc.record({ op: fc.constant('conditions' as const), at: fc.nat(), conditions: grant.map((g) => g.conditions) }),
  fc.record({ op: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
);

/** One value more or less in a grant's first condition (an exempt team added, a region dropped). */
function toggleValue(g: Grant, value: string): Grant {
  const [first, ...rest] = g.conditions;
  if (!first) return g;
  const values = first.values.includes(value) ? first.values.filter((v) => v !== value) : [...first.values, value].sort();
  return values.length === 0 ? g : { ...g, conditions: [{ ...first, values }, ...rest] };
}

function applyEdits(base: readonly Grant[], edits: readonly Edit[]): Grant[] {
  const out = [...base];
  for (const e of edits) {
    if (e.op === 'add') out.push(e.grant);
    else if (out.length > 0) {
      const at = e.at % out.length;
      if (e.op === 'drop') out.splice(at, 1);
      else if (e.op === 'value') out[at] = toggleValue(out[at]!, e.value);
      else out[at] = { ...out[at]!, ...(e.op === 'action' ? { action: e.action } : e.op === 'target' ? { target: e.target } : { conditions: e.conditions }) };
    }
  }
  return out;
}

/** HEAD is BASE edited, as a pull request edits a policy: a grant dropped, added, or one part of it changed. */
const pair = fc.tuple(fc.array(grant, { minLength: 1, maxLength: 4 }), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([base, edits]) => ({ base, head: applyEdits(base, edits) }));

describe('diff: the widening law', () => {
  it('no change marked as widening ⇒ every request HEAD allows, BASE allowed', () => {
    fc.assert(
      fc.property(pair, ({ base, head }) => {
        const changes = diffGrants(base, head, 'resource');
        if (changes.some((c) => c.widens)) return true;
        for (const action of REQUEST_ACTIONS) {
          for (const resource of REQUEST_RESOURCES) {
            for (const team of REQUEST_TEAMS) {
              if (allowed(head, action, resource, team) && !allowed(base, action, resource, team)) {
                throw new Error(`HEAD allows ${action} on ${resource} (team ${team ?? 'absent'}) and BASE did not, yet no change widens: ${JSON.stringify(changes)}`);
              }
            }
          }
        }
        return true;
      }),
      { numRuns: RUNS },
    );
  });

  it('finds no change between a set of grants and itself', () => {
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 6 }), (grants) => {
        expect(diffGrants(grants, [...grants].reverse(), 'resource')).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
