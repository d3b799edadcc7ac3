/**
 * `iamc diff`: what changed in access between two access models, construct by construct. Every
 * change is one record — construct, what changed, before and after as values, and whether it may
 * widen access — so renderers only lay it out. Roles are keyed by (account, name); everything
 * else by name. An added construct is listed with all it grants (compared with an empty one), so
 * a new permission set carrying AdministratorAccess shows the policy, not just a name.
 */
import { diffGrants, grantKey, type TargetKind } from './grants.js';
import {
  DEFAULT_MAX_SESSION_SECONDS,
  type Grant,
  isUnknown,
  roleKey,
  type AccessModel,
  type AnalyzerModel,
  type AssignmentModel,
  type BoundaryModel,
  type GuardrailModel,
  type MaybeKnown,
  type PermissionSetModel,
  type RoleModel,
  type Where,
} from './model.js';

export type ConstructKind = 'role' | 'permission-set' | 'guardrail' | 'boundary' | 'analyzer';
export type ChangeKind = 'added' | 'removed' | 'widened' | 'narrowed' | 'changed';
export type DiffValue = string | number | boolean | Grant | AssignmentModel | { readonly kind: string; readonly id: string };

export interface Change {
  readonly kind: ConstructKind;
  readonly name: string;
  /** Roles only: the account the role lives in. */
  readonly account?: { readonly id: string; readonly name?: string };
  /** What the statement, setting or construct itself did (`widened`: it now matches more). */
  readonly change: ChangeKind;
  /** The part that changed: the construct itself, `access`, `trust`, `max-session`, `assignment`, … */
  readonly what: string;
  /** May someone now do what BASE did not let them do, or do it unseen? `false` only when sure. */
  readonly widens: boolean;
  readonly before?: DiffValue;
  readonly after?: DiffValue;
  /** HEAD's line for what is there now; BASE's line for what was removed. */
  readonly source?: Where;
  /**
   * A removed action on a resource that keeps its other actions: the grant naming it is still
   * there, now without this action (its words changed, or the standard library narrowed its
   * pattern). Said apart so a narrowing never reads like a grant someone deleted on purpose.
   */
  readonly grantRemains?: true;
}

/** A value one side does not record, so it could not be compared (trouble, not sameness). */
export interface NotCompared {
  readonly kind: ConstructKind;
  readonly name: string;
  readonly account?: { readonly id: string; readonly name?: string };
  /** What was not compared, in words (`max session`, `archive rule \`archive-1\``). */
  readonly what: string;
  /** Why, per side that does not record it. */
  readonly missing: readonly { readonly side: 'base' | 'head'; readonly reason: string }[];
}

export interface ModelDiff {
  readonly changes: readonly Change[];
  readonly incomplete: readonly NotCompared[];
}

/** One line for a person: `max session of role \`app\` in \`prod\` not compared (BASE: …)`. */
export function notComparedText(n: NotCompared): string {
  const who = n.account ? `${n.kind} \`${n.name}\` in \`${n.account.name ?? n.account.id}\`` : `${n.kind} \`${n.name}\``;
  return `${n.what} of ${who} not compared (${n.missing.map((m) => `${m.side.toUpperCase()}: ${m.reason}`).join('; ')})`;
}

export function isEmptyDiff(d: ModelDiff): boolean {
  return d.changes.length === 0;
}

export function diffModels(base: AccessModel, head: AccessModel): ModelDiff {
  const changes: Change[] = [];
  const incomplete: NotCompared[] = [];
  const ctx: Context = { changes, incomplete };
  pairUp(base.roles, head.roles, roleKey, (b, h) => diffRole(ctx, b, h), roleLabel);
  pairUp(base.permissionSets, head.permissionSets, (p) => p.name, (b, h) => diffPermissionSet(ctx, b, h), (p) => p.name);
  pairUp(base.guardrails, head.guardrails, (g) => g.name, (b, h) => diffGuardrail(ctx, b, h), (g) => g.name);
  pairUp(base.boundaries, head.boundaries, (b) => b.name, (b, h) => diffBoundary(ctx, b, h), (b) => b.name);
  pairUp(base.analyzers, head.analyzers, (a) => a.name, (b, h) => diffAnalyzer(ctx, b, h), (a) => a.name);
  return { changes, incomplete };
}

interface Context {
  readonly changes: Change[];
  readonly incomplete: NotCompared[];
}

const roleLabel = (r: RoleModel) => `${r.name}\u0000${r.account.name ?? r.account.id}`;

/** Calls `diff` for each construct in either side, in a stable order; a missing side is undefined. */
function pairUp<T>(base: readonly T[], head: readonly T[], key: (t: T) => string, diff: (b: T | undefined, h: T | undefined) => void, order: (t: T) => string): void {
  const b = new Map(base.map((t) => [key(t), t]));
  const h = new Map(head.map((t) => [key(t), t]));
  const keys = [...new Set([...b.keys(), ...h.keys()])];
  const sortKey = (k: string) => order((h.get(k) ?? b.get(k))!);
  keys.sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : x < y ? -1 : x > y ? 1 : 0));
  for (const k of keys) diff(b.get(k), h.get(k));
}

/**
 * Does the resource of a removed grant keep, in HEAD, another action it had in BASE (same effect
 * and conditions)? Then the grant that named it is still there and only its actions shrank.
 * Compiled output records no intent line per statement, so the resource is what ties them.
 */
function resourceKeepsOtherActions(removed: Grant, base: readonly Grant[], head: readonly Grant[]): boolean {
  const same = (g: Grant) => g.target === removed.target && g.effect === removed.effect && JSON.stringify(g.conditions) === JSON.stringify(removed.conditions);
  const before = new Set(base.filter(same).map(grantKey));
  return head.some((h) => same(h) && before.has(grantKey(h)));
}

/** Records the changes of one construct, each with the line to look at (HEAD's, or BASE's for what went). */
class Recorder {
  constructor(
    private readonly ctx: Context,
    private readonly kind: ConstructKind,
    private readonly name: string,
    private readonly base: { source?: Where } | undefined,
    private readonly head: { source?: Where } | undefined,
    private readonly account?: { readonly id: string; readonly name?: string },
  ) {}

  add(change: ChangeKind, what: string, widens: boolean, before?: DiffValue, after?: DiffValue, source?: Where, grantRemains = false): void {
    const fallback = change === 'removed' ? this.base?.source : (this.head?.source ?? this.base?.source);
    const where = source ?? fallback;
    this.ctx.changes.push({
      kind: this.kind,
      name: this.name,
      ...(this.account ? { account: this.account } : {}),
      change,
      what,
      widens,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      ...(where ? { source: where } : {}),
      ...(grantRemains ? { grantRemains: true as const } : {}),
    });
  }

  grants(what: string, base: readonly Grant[], head: readonly Grant[], kind: TargetKind): void {
    for (const g of diffGrants(base, head, kind)) {
      const origin = (g.change === 'removed' ? g.before : g.after)?.origins[0];
      const remains = g.change === 'removed' && g.before !== undefined && resourceKeepsOtherActions(g.before, base, head);
      this.add(g.change, what, g.widens, g.before, g.after, origin, remains);
    }
  }

  /** A set of plain values: an added member widens access when `addedWidens`, a removed one otherwise. */
  members<T extends DiffValue>(what: string, base: readonly T[], head: readonly T[], addedWidens: boolean): void {
    const text = (v: T) => JSON.stringify(v);
    const b = new Set(base.map(text));
    const h = new Set(head.map(text));
    const once = (values: readonly T[]) => [...new Map(values.map((v) => [text(v), v])).values()];
    for (const v of once(head)) if (!b.has(text(v))) this.add('added', what, addedWidens, undefined, v);
    for (const v of once(base)) if (!h.has(text(v))) this.add('removed', what, !addedWidens, v, undefined);
  }

  /** Both sides must know a value to compare it; otherwise the comparison is incomplete. */
  known<T>(what: string, base: MaybeKnown<T>, head: MaybeKnown<T>, compare: (b: T, h: T) => void): void {
    if (isUnknown(base) || isUnknown(head)) {
      const missing = [...(isUnknown(base) ? [{ side: 'base' as const, reason: base.unknown }] : []), ...(isUnknown(head) ? [{ side: 'head' as const, reason: head.unknown }] : [])];
      this.ctx.incomplete.push({ kind: this.kind, name: this.name, ...(this.account ? { account: this.account } : {}), what, missing });
      return;
    }
    compare(base, head);
  }

  /** A number where more is wider (a session length). */
  longer(what: string, base: number, head: number): void {
    if (head > base) this.add('widened', what, true, base, head);
    else if (head < base) this.add('narrowed', what, false, base, head);
  }

  /** An optional reference whose removal widens access (a boundary). */
  cap(what: string, base: string | undefined, head: string | undefined): void {
    if (base === head) return;
    if (base === undefined) this.add('added', what, false, undefined, head);
    else if (head === undefined) this.add('removed', what, true, base, undefined);
    else this.add('changed', what, true, base, head);
  }
}

function diffRole(ctx: Context, base: RoleModel | undefined, head: RoleModel | undefined): void {
  const some = (head ?? base)!;
  const rec = new Recorder(ctx, 'role', some.name, base, head, some.account);
  if (!head) return rec.add('removed', 'role', false, some.name);
  if (!base) rec.add('added', 'role', true, undefined, head.name);
  const b = base ?? emptyRole(head);
  if (b.path !== head.path) rec.add('changed', 'path', true, b.path, head.path);
  rec.grants('trust', b.trust, head.trust, 'principal');
  rec.grants('access', b.access, head.access, 'resource');
  rec.known('managed policies', b.managedPolicies, head.managedPolicies, (x, y) => rec.members('managed-policy', x, y, true));
  rec.cap('boundary', b.boundary, head.boundary);
  rec.known('max session', b.maxSessionSeconds, head.maxSessionSeconds, (x, y) => rec.longer('max-session', x, y));
}

function emptyRole(like: RoleModel): RoleModel {
  return { name: like.name, account: like.account, path: like.path, trust: [], access: [], managedPolicies: [], boundary: undefined, maxSessionSeconds: DEFAULT_MAX_SESSION_SECONDS };
}

function diffPermissionSet(ctx: Context, base: PermissionSetModel | undefined, head: PermissionSetModel | undefined): void {
  const some = (head ?? base)!;
  const rec = new Recorder(ctx, 'permission-set', some.name, base, head);
  if (!head) return rec.add('removed', 'permission-set', false, some.name);
  if (!base) rec.add('added', 'permission-set', true, undefined, head.name);
  const b: PermissionSetModel = base ?? { name: head.name, access: [], managedPolicies: [], boundary: undefined, sessionSeconds: 0, assignments: [] };
  rec.grants('access', b.access, head.access, 'resource');
  rec.known('managed policies', b.managedPolicies, head.managedPolicies, (x, y) => rec.members('managed-policy', x, y, true));
  rec.known('boundary', b.boundary, head.boundary, (x, y) => rec.cap('boundary', x, y));
  if (base) rec.longer('session', b.sessionSeconds, head.sessionSeconds);
  else rec.add('added', 'session', true, undefined, head.sessionSeconds);
  rec.members('assignment', b.assignments, head.assignments, true);
}

function diffGuardrail(ctx: Context, base: GuardrailModel | undefined, head: GuardrailModel | undefined): void {
  const some = (head ?? base)!;
  const rec = new Recorder(ctx, 'guardrail', some.name, base, head);
  // A guardrail only ever takes access away: losing one, or a statement of one, widens access.
  if (!head) return rec.add('removed', 'guardrail', true, some.name);
  if (!base) rec.add('added', 'guardrail', false, undefined, head.name);
  const b: GuardrailModel = base ?? { name: head.name, statements: [], exemptions: [], targets: [] };
  rec.grants('statement', b.statements, head.statements, 'resource');
  rec.members('exemption', b.exemptions, head.exemptions, true);
  rec.members('target', b.targets, head.targets, false);
}

function diffBoundary(ctx: Context, base: BoundaryModel | undefined, head: BoundaryModel | undefined): void {
  const some = (head ?? base)!;
  const rec = new Recorder(ctx, 'boundary', some.name, base, head);
  if (!head) return rec.add('removed', 'boundary', true, some.name);
  if (!base) rec.add('added', 'boundary', false, undefined, head.name);
  const b: BoundaryModel = base ?? { name: head.name, accounts: [], access: [] };
  rec.grants('access', b.access, head.access, 'resource');
  rec.members('account', b.accounts, head.accounts, false);
}

function diffAnalyzer(ctx: Context, base: AnalyzerModel | undefined, head: AnalyzerModel | undefined): void {
  const some = (head ?? base)!;
  const rec = new Recorder(ctx, 'analyzer', some.name, base, head);
  // Analyzers grant nothing; what "widens" here is what goes unseen: fewer findings, no alert.
  if (!head) return rec.add('removed', 'analyzer', true, some.name);
  if (!base) rec.add('added', 'analyzer', false, undefined, head.name);
  const b: AnalyzerModel = base ?? { name: head.name, type: head.type, alert: head.alert, archiveRules: [] };
  if (b.type !== head.type) rec.add(head.type === 'ACCOUNT' ? 'narrowed' : 'widened', 'type', head.type === 'ACCOUNT', b.type, head.type);
  if (b.alert !== head.alert) rec.add('changed', 'alert', !head.alert, b.alert, head.alert);
  const rules = new Map(b.archiveRules.map((r) => [r.name, r]));
  const after = new Set(head.archiveRules.map((r) => r.name));
  for (const r of head.archiveRules) {
    const before = rules.get(r.name);
    if (!before) {
      rec.add('added', 'archive-rule', true, undefined, isUnknown(r.principal) ? r.name : r.principal);
      continue;
    }
    rec.known(`archive rule \`${r.name}\``, before.principal, r.principal, (x, y) => {
      if (x !== y) rec.add('changed', 'archive-rule', true, x, y);
    });
  }
  for (const r of b.archiveRules) if (!after.has(r.name)) rec.add('removed', 'archive-rule', false, isUnknown(r.principal) ? r.name : r.principal);
}
