/**
 * Grants: the (effect, action, target, conditions) a policy document states, read the same way
 * from a compiled program and from compiled JSON, and compared by containment so a change is
 * named for what it does to access — a resource glob that now contains the old one is a widening,
 * a removed condition too — rather than as a textual edit.
 */
import type { Span } from '../diagnostics/span.js';
import { canonicalConditions } from '../ir/conditions.js';
import type { ConditionClause } from '../ir/intent.js';
import type { PolicyDocument, Statement } from '../ir/policy.js';
import { keepsCondition } from '../verify/condition-strictness.js';
import { globContains } from '../glob/glob-contains.js';
import type { Grant, Where } from './model.js';

export function whereOf(span: Span): Where {
  return { file: span.file, line: span.line, column: span.column };
}

/** Every grant of the documents (a split policy is one set), duplicates merged with their origins. */
export function accessGrants(docs: readonly PolicyDocument[]): Grant[] {
  return collect(docs.flatMap((d) => d.statements).flatMap((s) => actionsOf(s).flatMap((action) => resourcesOf(s).map((target) => ({ s, action, target })))));
}

/** Trust as grants whose target is the principal (`AWS arn:…`, `Service ec2.amazonaws.com`). */
export function trustGrants(doc: PolicyDocument): Grant[] {
  return collect(
    doc.statements.flatMap((s) =>
      Object.entries(s.principal ?? {}).flatMap(([kind, values]) =>
        (values as readonly string[]).flatMap((value) => actionsOf(s).map((action) => ({ s, action, target: `${kind} ${value}` }))),
      ),
    ),
  );
}

// A `NotAction` or `NotResource` list is one grant, not one per member: `not [a, b]` matches
// what neither member matches, so splitting it would turn an added exception into an added grant.
function actionsOf(s: Statement): string[] {
  return s.actions ? [...s.actions] : [notList((s.notActions ?? []).map((a) => a.toLowerCase()))];
}

function resourcesOf(s: Statement): string[] {
  return s.resources ? [...s.resources] : s.notResources ? [notList(s.notResources)] : ['(none)'];
}

function notList(values: readonly string[]): string {
  return `not [${[...new Set(values)].sort().join(', ')}]`;
}

/** The members of a `not [a, b]` target or action; undefined for a plain one. */
function notMembers(text: string): string[] | undefined {
  const match = /^not \[(.*)\]$/.exec(text);
  return match ? (match[1] === '' ? [] : match[1]!.split(', ')) : undefined;
}

function collect(items: readonly { s: Statement; action: string; target: string }[]): Grant[] {
  const out = new Map<string, { grant: Grant; origins: Where[] }>();
  for (const { s, action, target } of items) {
    const grant: Grant = { effect: s.effect, action, target, conditions: canonicalConditions(s.conditions), origins: [] };
    const key = grantKey(grant);
    const seen = out.get(key);
    const origins = s.origins.map(whereOf);
    if (seen) seen.origins.push(...origins);
    else out.set(key, { grant, origins });
  }
  return sortGrants([...out.values()].map(({ grant, origins }) => ({ ...grant, origins: uniqueWheres(origins) })));
}

/** Action names are case-insensitive in IAM; resource globs and condition values are not. */
export function grantKey(g: Grant): string {
  return JSON.stringify([g.effect, g.action.toLowerCase(), g.target, g.conditions.map((c) => [c.operator, c.key, c.values])]);
}

export function sortGrants(grants: Grant[]): Grant[] {
  const keyed = grants.map((g) => ({ g, key: grantKey(g) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.g);
}

function uniqueWheres(wheres: readonly Where[]): Where[] {
  const seen = new Set<string>();
  return wheres.filter((w) => {
    const key = `${w.file}:${w.line}:${w.column ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type TargetKind = 'resource' | 'principal';

/**
 * Does `outer` match every request `inner` matches? A sound test: `true` is proved (action and
 * target by glob inclusion, conditions by "at least as strict"); `false` may also mean "cannot tell".
 */
export function covers(outer: Grant, inner: Grant, kind: TargetKind): boolean {
  if (outer.effect !== inner.effect) return false;
  if (!actionCovers(outer.action, inner.action)) return false;
  if (!(kind === 'resource' ? resourceCovers(outer.target, inner.target) : principalCovers(outer.target, inner.target))) return false;
  if ([...outer.conditions, ...inner.conditions].some((c) => c.values.some((v) => wildcards(v) > MAX_CONTAINMENT_WILDCARDS))) return sameConditions(outer, inner);
  return outer.conditions.every((c) => keepsCondition(inner.conditions, c));
}

function wildcards(text: string): number {
  return (text.match(/[*?]/g) ?? []).length;
}

function sameConditions(a: Grant, b: Grant): boolean {
  return JSON.stringify(a.conditions) === JSON.stringify(b.conditions);
}

function actionCovers(outer: string, inner: string): boolean {
  const o = outer.toLowerCase();
  const i = inner.toLowerCase();
  return o === i || globSetCovers(o, i);
}

function resourceCovers(outer: string, inner: string): boolean {
  if (outer === '(none)' || inner === '(none)') return outer === inner;
  return outer === inner || globSetCovers(outer, inner);
}

/**
 * Containment where either side may be `not [ … ]`. `not [A]` contains `not [B]` when every
 * member of A lies inside some member of B (fewer exceptions match more); `not [A]` contains a
 * literal that no member of A matches; a plain glob never contains a `not` list (it cannot tell).
 */
function globSetCovers(outer: string, inner: string): boolean {
  const o = notMembers(outer);
  const i = notMembers(inner);
  if (o && i) return o.every((a) => i.some((b) => contains(b, a)));
  if (i) return false;
  if (o) return !/[*?]/.test(inner) && !o.some((a) => contains(a, inner));
  return contains(outer, inner);
}

/**
 * Glob inclusion costs time exponential in the wildcards of `outer` (its subset automaton), and
 * compiled output on a side of `diff` has not been through the proof that would have refused a
 * pathological glob. Beyond this many wildcards the answer is "cannot tell", which diff reads as
 * "may widen": slower globs are never a way to get a change through unmarked.
 */
export const MAX_CONTAINMENT_WILDCARDS = 8;

const containment = new Map<string, boolean>();

function contains(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (wildcards(outer) > MAX_CONTAINMENT_WILDCARDS) return false;
  const key = `${outer}\u0000${inner}`;
  let known = containment.get(key);
  if (known === undefined) {
    if (containment.size > 10_000) containment.clear();
    known = globContains(outer, inner).contains;
    containment.set(key, known);
  }
  return known;
}

/** Principals are not globs, except `*`; an account (`…:root` or the bare id) admits its principals. */
function principalCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const [oKind, oValue = ''] = splitPrincipal(outer);
  const [iKind, iValue = ''] = splitPrincipal(inner);
  if (oKind !== iKind) return false;
  if (oValue === '*') return true;
  if (oKind !== 'AWS') return false;
  const account = /^(?:arn:([^:]+):iam::)?(\d{12})(?::root)?$/.exec(oValue);
  if (!account) return false;
  const inside = /^arn:([^:]+):(?:iam|sts)::(\d{12}):/.exec(iValue) ?? /^()(\d{12})$/.exec(iValue);
  return inside !== null && inside[2] === account[2] && (account[1] === undefined || inside[1] === '' || inside[1] === account[1]);
}

function splitPrincipal(text: string): [string, string] {
  const at = text.indexOf(' ');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

export interface GrantChange {
  readonly change: 'added' | 'removed' | 'widened' | 'narrowed' | 'changed';
  readonly before?: Grant;
  readonly after?: Grant;
  /** May HEAD allow (or stop denying) a request BASE did not? `false` only when proved. */
  readonly widens: boolean;
}

/**
 * Set difference of grants, then pairing of what is left so an edit reads as one change: a HEAD
 * grant that contains a BASE grant with the same action or target is that grant widened; one
 * contained by it, narrowed; one with the same action and target but incomparable conditions,
 * changed. Whatever is unpaired was added or removed.
 */
export function diffGrants(base: readonly Grant[], head: readonly Grant[], kind: TargetKind): GrantChange[] {
  const baseKeys = new Set(base.map(grantKey));
  const headKeys = new Set(head.map(grantKey));
  const removed = base.filter((g) => !headKeys.has(grantKey(g)));
  const added = head.filter((g) => !baseKeys.has(grantKey(g)));
  const paired = new Set<Grant>();
  const out: GrantChange[] = [];

  // An Allow widens access unless some BASE Allow already covered it; a Deny that changes or
  // goes widens access unless some HEAD Deny still covers what it denied.
  const allowWidens = (after: Grant) => after.effect === 'Allow' && !base.some((b) => covers(b, after, kind));
  const denyWidens = (before: Grant) => before.effect === 'Deny' && !head.some((h) => covers(h, before, kind));
  const widens = (before: Grant | undefined, after: Grant | undefined) => (after !== undefined && allowWidens(after)) || (before !== undefined && denyWidens(before));

  for (const h of added) {
    const candidates = removed.filter((b) => !paired.has(b) && b.effect === h.effect && (sameFamily(b.action, h.action) || b.target === h.target));
    const match =
      candidates.find((b) => covers(h, b, kind)) ??
      candidates.find((b) => covers(b, h, kind)) ??
      candidates.find((b) => sameFamily(b.action, h.action) && b.target === h.target);
    if (!match) continue;
    paired.add(match);
    paired.add(h);
    const change = covers(h, match, kind) ? 'widened' : covers(match, h, kind) ? 'narrowed' : 'changed';
    out.push({ change, before: match, after: h, widens: widens(match, h) });
  }
  for (const h of added) if (!paired.has(h)) out.push({ change: 'added', after: h, widens: widens(undefined, h) });
  for (const b of removed) if (!paired.has(b)) out.push({ change: 'removed', before: b, widens: widens(b, undefined) });
  return out;
}

/** Two `not [ … ]` action lists are edits of one another for pairing; plain actions must be equal. */
function sameFamily(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || (notMembers(a) !== undefined && notMembers(b) !== undefined);
}

/** The clause that exempts principals from a guardrail statement, if it has exactly one. */
export function exemptionClause(conditions: readonly ConditionClause[]): ConditionClause | undefined {
  const found = conditions.filter((c) => c.key.toLowerCase() === 'aws:principalarn' && /^(arn|string)not(like|equals)$/i.test(c.operator));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * A guardrail's statements and exemptions. When every statement exempts the same principals (as
 * iamc writes them) the exemption is taken out and compared on its own, so adding an exempt role
 * reads as one exemption added rather than every statement changed; otherwise it stays in place.
 */
export function guardrailGrants(doc: PolicyDocument): { statements: Grant[]; exemptions: string[] } {
  const clauses = doc.statements.map((s) => exemptionClause(s.conditions));
  const first = clauses[0];
  const shared =
    first !== undefined &&
    clauses.every((c) => c !== undefined && c.operator === first.operator && [...c.values].sort().join('\u0000') === [...first.values].sort().join('\u0000'));
  if (!shared) return { statements: accessGrants([doc]), exemptions: [] };
  const stripped = { statements: doc.statements.map((s) => ({ ...s, conditions: s.conditions.filter((c) => c !== exemptionClause(s.conditions)) })) };
  // `ArnNotLike` is how iamc writes an exemption; any other operator is kept in the text so a
  // change of operator is still a change.
  const prefix = first.operator === 'ArnNotLike' ? '' : `${first.operator} `;
  return { statements: accessGrants([stripped]), exemptions: [...new Set(first.values.map((v) => `${prefix}${v}`))].sort() };
}
