/**
 * Does an emitted resource glob stay inside what the intent means? Decided on the ARNs that can
 * really occur: L(emitted) ∩ L(universe) ⊆ ⋃ L(meaning), where the universe is an action's resource
 * types as AWS's catalogue formats them (`${BucketName}` never holds `/`) and each meaning is a
 * class glob (compiler/glob/name-glob.ts). A breadth-first walk over the product of the emitted glob,
 * the universe (both as automata, run nondeterministically) and the subset automaton of the
 * meanings finds the shortest ARN inside the first two and outside the third.
 *
 * Inclusion between globs with `?` is coNP-hard in general, so the walk has a budget of states;
 * past it the answer is `unknown`, which every caller treats as "not proved" — never as "proved".
 */
import type { FormatToken } from '../catalogue/arn-format.js';
import { classTokens, type ClassToken } from './name-glob.js';
import { closeOverStars, globMatches, isLiteral, tokenize, type GlobToken } from './glob.js';

export type Inclusion =
  | { readonly contains: true }
  | { readonly contains: false; readonly counterexample: string }
  | { readonly contains: 'unknown'; readonly states: number };

/** A universe of ARNs: the formats of the resource types an action accepts; `any` when it accepts only `*`. */
export type Universe = readonly (readonly FormatToken[])[] | 'any';

/** States explored before giving up; far above what any real policy needs (hundreds). */
export const STATE_BUDGET = 20_000;

const FRESH = ['x', 'z', 'q', '0', '_', '~', '\u00e9'];

/** States the last decision explored (read by the bounded-work law; a cache hit explores none). */
export const work = { states: 0 };

const cache = new Map<string, Inclusion>();
const CACHE_LIMIT = 50_000;

export function includedInMeaning(inner: string, universe: Universe, meanings: readonly string[], budget = STATE_BUDGET): Inclusion {
  const key = `${inner}\u0001${universeKey(universe)}\u0001${meanings.join('\u0002')}\u0001${budget}`;
  const hit = cache.get(key);
  work.states = 0;
  if (hit !== undefined) return hit;
  const result = decide(inner, universe, meanings, budget);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function decide(inner: string, universe: Universe, meanings: readonly string[], budget: number): Inclusion {
  if (meanings.length === 0) return { contains: false, counterexample: inner };
  if (meanings.some((m) => /^\*+$/.test(m))) return { contains: true };
  const outers = meanings.map(classTokens);
  if (isLiteral(inner)) {
    if (universe !== 'any' && !universe.some((u) => formatAccepts(u, inner))) return { contains: true };
    return outers.some((o) => classMatches(o, inner)) ? { contains: true } : { contains: false, counterexample: inner };
  }
  const universes: readonly (readonly FormatToken[] | undefined)[] = universe === 'any' ? [undefined] : universe;
  let spent = 0;
  for (const u of universes) {
    const result = search(tokenize(inner), u, outers, budget - spent);
    if (result.contains === false) {
      const escapes = (s: string): boolean => globMatches(inner, s) && (u === undefined || formatAccepts(u, s)) && !outers.some((o) => classMatches(o, s));
      return { contains: false, counterexample: readable(result.counterexample, escapes) };
    }
    if (!('states' in result) || result.contains !== true) return { contains: 'unknown', states: budget };
    spent += result.states;
  }
  return { contains: true };
}

/**
 * The shortest counterexample is often degenerate (`tenant-//public/`, `role/app-/`). Put a letter
 * wherever a separator has nothing beside it, keeping each change only while the string still
 * escapes, so a reviewer reads `tenant-a/x/public/x` and `role/app-a/x`.
 */
function readable(example: string, escapes: (s: string) => boolean): string {
  const SEPARATORS = '/:';
  let s = example;
  for (let i = 0; i <= s.length; i++) {
    const before = s[i - 1];
    const after = s[i];
    const bare =
      (before !== undefined && after !== undefined && SEPARATORS.includes(before) && SEPARATORS.includes(after)) ||
      (after === undefined && before !== undefined && SEPARATORS.includes(before)) ||
      (before !== undefined && after !== undefined && '-_.'.includes(before) && SEPARATORS.includes(after));
    if (!bare) continue;
    const letter = before !== undefined && '-_.'.includes(before) ? 'a' : 'x';
    const candidate = s.slice(0, i) + letter + s.slice(i);
    if (escapes(candidate)) s = candidate;
  }
  return s;
}

function universeKey(universe: Universe): string {
  if (universe === 'any') return '*';
  return universe.map((u) => u.map((t) => (t.kind === 'lit' ? t.char : `\u0003${[...t.excluded].sort().join('')}\u0004`)).join('')).join('\u0005');
}

/** The outer automaton: every meaning's tokens side by side; a state is a set of global positions. */
interface Outer {
  readonly tokens: (ClassToken | undefined)[];
  readonly accepts: ReadonlySet<number>;
}

function outerOf(outers: readonly ClassToken[][]): Outer {
  const tokens: (ClassToken | undefined)[] = [];
  const accepts = new Set<number>();
  for (const o of outers) {
    tokens.push(...o);
    accepts.add(tokens.length);
    tokens.push(undefined);
  }
  return { tokens, accepts };
}

function starts(outers: readonly ClassToken[][]): number[] {
  const out: number[] = [];
  let base = 0;
  for (const o of outers) {
    out.push(base);
    base += o.length + 1;
  }
  return out;
}

function closeOuter(outer: Outer, positions: Iterable<number>): number[] {
  return closeOverStars(outer.tokens, positions);
}

function stepOuter(outer: Outer, set: readonly number[], c: string): number[] {
  const next: number[] = [];
  for (const p of set) {
    const t = outer.tokens[p];
    if (t === undefined) continue;
    if (t.kind === 'char') {
      if (t.char === c) next.push(p + 1);
    } else if (!t.not.includes(c)) next.push(t.kind === 'any' ? p : p + 1);
  }
  return closeOuter(outer, next);
}

interface Node {
  readonly g: number;
  readonly u: number;
  readonly inVar: boolean;
  readonly set: readonly number[];
  readonly parent: Node | undefined;
  readonly char: string;
}

function search(inner: GlobToken[], universe: readonly FormatToken[] | undefined, outers: readonly ClassToken[][], budget: number): Inclusion | { contains: true; states: number } {
  const outer = outerOf(outers);
  const alphabet = alphabetOf(inner, universe, outer);
  const uEnd = universe?.length ?? 0;
  const seen = new Set<string>();
  const queue: Node[] = [];
  const push = (g: number, u: number, inVar: boolean, set: readonly number[], parent: Node | undefined, char: string): void => {
    const key = `${g},${u},${inVar ? 1 : 0},${set.join('.')}`;
    if (seen.has(key)) return;
    seen.add(key);
    queue.push({ g, u, inVar, set, parent, char });
  };
  push(0, 0, false, closeOuter(outer, starts(outers)), undefined, '');
  for (let head = 0; head < queue.length; head++) {
    if (head >= budget) return { contains: 'unknown', states: head };
    work.states++;
    const n = queue[head]!;
    // Epsilon moves: an inner `*` may match nothing; a format variable may end once it has a character.
    if (inner[n.g]?.kind === 'any') push(n.g + 1, n.u, n.inVar, n.set, n, '');
    if (universe !== undefined && n.inVar) push(n.g, n.u + 1, false, n.set, n, '');
    const innerDone = n.g === inner.length;
    const universeDone = universe === undefined || (n.u === uEnd && !n.inVar);
    if (innerDone && universeDone && !n.set.some((p) => outer.accepts.has(p))) return { contains: false, counterexample: spell(n) };
    if (innerDone) continue;
    for (const c of alphabet) {
      const t = inner[n.g]!;
      const g = t.kind === 'any' ? n.g : t.kind === 'one' || t.char === c ? n.g + 1 : -1;
      if (g < 0) continue;
      let u = 0;
      let inVar = false;
      if (universe !== undefined) {
        const f = universe[n.u];
        if (f === undefined) continue;
        if (f.kind === 'lit') {
          if (n.inVar || f.char !== c) continue;
          u = n.u + 1;
        } else {
          if (f.excluded.has(c)) continue;
          u = n.u;
          inVar = true;
        }
      }
      push(g, u, inVar, stepOuter(outer, n.set, c), n, c);
    }
  }
  return { contains: true, states: queue.length };
}

/** Every character any of the three automata names, plus one that none names (standing for all such). */
function alphabetOf(inner: readonly GlobToken[], universe: readonly FormatToken[] | undefined, outer: Outer): string[] {
  const chars = new Set<string>();
  for (const t of inner) if (t.kind === 'char') chars.add(t.char);
  for (const t of universe ?? []) {
    if (t.kind === 'lit') chars.add(t.char);
    else for (const c of t.excluded) chars.add(c);
  }
  for (const t of outer.tokens) {
    if (t?.kind === 'char') chars.add(t.char);
    else if (t !== undefined) for (const c of t.not) chars.add(c);
  }
  const fresh = FRESH.find((c) => !chars.has(c)) ?? String.fromCharCode(0x4e00 + chars.size);
  return [...[...chars].sort(), fresh];
}

function spell(node: Node): string {
  const parts: string[] = [];
  for (let n: Node | undefined = node; n !== undefined; n = n.parent) parts.push(n.char);
  return parts.reverse().join('');
}

/** Does a class glob match a literal string? Position sets, linear in both. */
export function classMatches(tokens: readonly ClassToken[], text: string): boolean {
  const outer = outerOf([tokens as ClassToken[]]);
  let set = closeOuter(outer, [0]);
  for (const c of text) {
    set = stepOuter(outer, set, c);
    if (set.length === 0) return false;
  }
  return set.some((p) => outer.accepts.has(p));
}

/** Does a catalogue format accept a literal ARN? */
function formatAccepts(format: readonly FormatToken[], text: string): boolean {
  let states = new Set<string>(['0,0']);
  const close = (s: Set<string>): Set<string> => {
    for (const k of [...s]) {
      const [i, v] = k.split(',').map(Number) as [number, number];
      if (v === 1) s.add(`${i + 1},0`);
    }
    return s;
  };
  for (const c of text) {
    const next = new Set<string>();
    for (const k of close(states)) {
      const [i, v] = k.split(',').map(Number) as [number, number];
      const t = format[i];
      if (t === undefined) continue;
      if (t.kind === 'lit') {
        if (v === 0 && t.char === c) next.add(`${i + 1},0`);
      } else if (!t.excluded.has(c)) next.add(`${i},1`);
    }
    if (next.size === 0) return false;
    states = next;
  }
  return [...close(states)].some((k) => k === `${format.length},0`);
}
