/**
 * `iamc diff`: what changed in access between two compiled programs, in intent terms. A role's
 * access is the set of (effect, action, resource glob, conditions) grants its statements make;
 * comparing sets (not documents) means a statement that was merged, split or renamed is no change,
 * and each added or removed grant is traced to the intent line that made it.
 */
import type { Span } from '../diagnostics/span.js';
import type { ConditionClause } from '../ir/intent.js';
import type { CompiledProgram, CompiledRole, PolicyDocument, Statement } from '../ir/policy.js';
import { canonicalConditions } from '../ir/conditions.js';

export interface AccessGrant {
  readonly effect: 'Allow' | 'Deny';
  readonly action: string;
  readonly resource: string;
  readonly conditions: readonly ConditionClause[];
  /** The intent lines that made it (from every statement that carries it). */
  readonly origins: readonly Span[];
}

export interface RoleChange {
  readonly name: string;
  readonly trust: readonly string[];
  readonly settings: readonly string[];
  readonly added: readonly AccessGrant[];
  readonly removed: readonly AccessGrant[];
}

export interface NamedChange {
  readonly name: string;
  readonly span: Span;
}

export interface PolicyChange {
  readonly kind: 'boundary' | 'scp' | 'permission-set';
  readonly name: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly summary: string;
}

export interface ProgramDiff {
  readonly rolesAdded: readonly NamedChange[];
  readonly rolesRemoved: readonly NamedChange[];
  readonly rolesChanged: readonly RoleChange[];
  readonly policies: readonly PolicyChange[];
}

export function isEmptyDiff(d: ProgramDiff): boolean {
  return d.rolesAdded.length === 0 && d.rolesRemoved.length === 0 && d.rolesChanged.length === 0 && d.policies.length === 0;
}

export function diffPrograms(base: CompiledProgram, head: CompiledProgram): ProgramDiff {
  const baseRoles = byName(base.roles);
  const headRoles = byName(head.roles);
  const rolesAdded = [...headRoles.values()].filter((r) => !baseRoles.has(r.name)).map((r) => ({ name: r.name, span: r.span }));
  const rolesRemoved = [...baseRoles.values()].filter((r) => !headRoles.has(r.name)).map((r) => ({ name: r.name, span: r.span }));
  const rolesChanged: RoleChange[] = [];
  for (const name of [...headRoles.keys()].sort()) {
    const b = baseRoles.get(name);
    if (!b) continue;
    const change = diffRole(b, headRoles.get(name)!);
    if (change.trust.length + change.settings.length + change.added.length + change.removed.length > 0) rolesChanged.push(change);
  }
  const policies = [
    ...diffPolicies('boundary', base.boundaries, head.boundaries),
    ...diffPolicies('scp', base.scps, head.scps),
    ...diffPolicies('permission-set', base.permissionSets, head.permissionSets),
  ];
  return { rolesAdded: sortByName(rolesAdded), rolesRemoved: sortByName(rolesRemoved), rolesChanged, policies };
}

function diffRole(base: CompiledRole, head: CompiledRole): RoleChange {
  const baseGrants = grantsOf(base.policies);
  const headGrants = grantsOf(head.policies);
  const added = [...headGrants].filter(([key]) => !baseGrants.has(key)).map(([, g]) => g);
  const removed = [...baseGrants].filter(([key]) => !headGrants.has(key)).map(([, g]) => g);
  const settings: string[] = [];
  if (base.account.id !== head.account.id) settings.push(`account \`${base.account.id}\` → \`${head.account.id}\``);
  if ((base.boundary ?? '') !== (head.boundary ?? '')) settings.push(`boundary ${show(base.boundary)} → ${show(head.boundary)}`);
  if (base.maxSessionSeconds !== head.maxSessionSeconds) settings.push(`max session ${show(base.maxSessionSeconds)} → ${show(head.maxSessionSeconds)}`);
  if (base.path !== head.path) settings.push(`path \`${base.path}\` → \`${head.path}\``);
  return { name: head.name, trust: diffTrust(base.trust, head.trust), settings, added: sortGrants(added), removed: sortGrants(removed) };
}

function show(value: string | number | undefined): string {
  return value === undefined ? 'none' : `\`${value}\``;
}

/** Trust in two parts: who may assume (principal and action) and under which conditions. */
function diffTrust(base: PolicyDocument, head: PolicyDocument): string[] {
  const principals = (doc: PolicyDocument) =>
    new Set(
      doc.statements
        .filter((s) => s.effect === 'Allow')
        .flatMap((s) => Object.entries(s.principal ?? {}).flatMap(([kind, values]) => (values as readonly string[]).map((v) => `${kind} ${v} (${(s.actions ?? []).join(', ')})`))),
    );
  const conditions = (doc: PolicyDocument) =>
    new Set(doc.statements.filter((s) => s.effect === 'Allow').flatMap((s) => s.conditions.map(conditionText)));
  const out: string[] = [];
  const setDiff = (what: string, b: Set<string>, h: Set<string>) => {
    for (const v of [...h].filter((x) => !b.has(x)).sort()) out.push(`${what} added: \`${v}\``);
    for (const v of [...b].filter((x) => !h.has(x)).sort()) out.push(`${what} removed: \`${v}\``);
  };
  setDiff('principal', principals(base), principals(head));
  setDiff('condition', conditions(base), conditions(head));
  return out;
}

export function conditionText(c: ConditionClause): string {
  return `${c.operator} ${c.key} ${c.values.length === 1 ? c.values[0]! : `[${[...c.values].sort().join(', ')}]`}`;
}

/** Every (effect, action, resource, conditions) the documents grant, keyed canonically. */
function grantsOf(docs: readonly PolicyDocument[]): Map<string, AccessGrant> {
  const out = new Map<string, { grant: AccessGrant; origins: Span[] }>();
  for (const s of docs.flatMap((d) => d.statements)) {
    const conditions = canonicalConditions(s.conditions);
    for (const action of actionsOf(s)) {
      for (const resource of resourcesOf(s)) {
        // Action names are case-insensitive in IAM; resource globs are not.
        const key = JSON.stringify([s.effect, action.toLowerCase(), resource, conditions]);
        const seen = out.get(key);
        if (seen) seen.origins.push(...s.origins);
        else out.set(key, { grant: { effect: s.effect, action, resource, conditions, origins: [] }, origins: [...s.origins] });
      }
    }
  }
  return new Map([...out].map(([key, { grant, origins }]) => [key, { ...grant, origins: uniqueSpans(origins) }]));
}

function actionsOf(s: Statement): string[] {
  return s.actions ? [...s.actions] : (s.notActions ?? []).map((a) => `not ${a}`);
}

function resourcesOf(s: Statement): string[] {
  return s.resources ? [...s.resources] : s.notResources ? s.notResources.map((r) => `not ${r}`) : ['(none)'];
}

function uniqueSpans(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.file}:${s.line}:${s.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortGrants(grants: AccessGrant[]): AccessGrant[] {
  const key = (g: AccessGrant) => `${g.effect}\u0000${g.action.toLowerCase()}\u0000${g.resource}\u0000${g.conditions.map(conditionText).join('&')}`;
  return grants.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

interface HasPolicy {
  readonly name: string;
  readonly policy: PolicyDocument;
}

function diffPolicies(kind: PolicyChange['kind'], base: readonly HasPolicy[], head: readonly HasPolicy[]): PolicyChange[] {
  const b = byName(base);
  const h = byName(head);
  const out: PolicyChange[] = [];
  for (const name of [...new Set([...b.keys(), ...h.keys()])].sort()) {
    const before = b.get(name);
    const after = h.get(name);
    if (!before) out.push({ kind, name, change: 'added', summary: `${count(after!.policy)}` });
    else if (!after) out.push({ kind, name, change: 'removed', summary: `${count(before.policy)}` });
    else {
      const summary = statementChanges(before.policy, after.policy);
      if (summary !== undefined) out.push({ kind, name, change: 'changed', summary });
    }
  }
  return out;
}

function count(doc: PolicyDocument): string {
  return `${doc.statements.length} statement${doc.statements.length === 1 ? '' : 's'}`;
}

/** Statements compared by Sid without their origins (moving a line is no change); undefined when equal. */
function statementChanges(base: PolicyDocument, head: PolicyDocument): string | undefined {
  // Conditions may carry their intent spans too: only operator, key and values count.
  const strip = (doc: PolicyDocument) =>
    new Map(doc.statements.map((s) => [s.sid, JSON.stringify({ ...s, origins: undefined, conditions: canonicalConditions(s.conditions) })]));
  const b = strip(base);
  const h = strip(head);
  const added = [...h.keys()].filter((k) => !b.has(k));
  const removed = [...b.keys()].filter((k) => !h.has(k));
  const changed = [...h.keys()].filter((k) => b.has(k) && b.get(k) !== h.get(k));
  const reordered = added.length + removed.length + changed.length === 0 && [...b.keys()].join() !== [...h.keys()].join();
  if (added.length + removed.length + changed.length === 0 && !reordered) return undefined;
  const parts: string[] = [];
  if (added.length) parts.push(`statements added: ${added.map((s) => `\`${s}\``).join(', ')}`);
  if (removed.length) parts.push(`statements removed: ${removed.map((s) => `\`${s}\``).join(', ')}`);
  if (changed.length) parts.push(`statements changed: ${changed.map((s) => `\`${s}\``).join(', ')}`);
  if (reordered) parts.push('statements reordered');
  return parts.join('; ');
}

function byName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.name, i]));
}

function sortByName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
