/**
 * Glob-language inclusion: is every string `inner` matches also matched by `outer`? Decided exactly
 * by exploring the product of `inner`'s structure with the subset automaton of `outer`; `?` and `*`
 * in `inner` stand for sets of strings, never for themselves. When inclusion fails, the search
 * returns the shortest string in L(inner) \ L(outer) it reached, as evidence for the diagnostic.
 */
import { closeOverStars, globMatches, isLiteral, tokenize, type GlobOptions, type GlobToken } from './glob.js';

/**
 * `undecided` marks a `false` that comes from the state budget, not from a counterexample: callers
 * that prove containment treat it as "not proved"; callers that ask whether a pattern reaches
 * everything must treat it as "it may".
 */
export type Containment =
  | { readonly contains: true }
  | { readonly contains: false; readonly counterexample: string; readonly undecided?: true };

/**
 * Glob inclusion with `?` is coNP-hard in general (a `*a???…?` outer blows up the subset
 * automaton), so the search stops after this many states; real policies need a few hundred.
 */
export const CONTAINMENT_BUDGET = 20_000;

/** Readable stand-ins for "a character `outer` never names"; the first one `outer` lacks is used. */
const FRESH_CANDIDATES = 'xzqjkvw0123456789_~';

export function globContains(outer: string, inner: string, options: GlobOptions = {}): Containment {
  if (/^\*+$/.test(outer)) return { contains: true };
  if (isLiteral(inner)) {
    return globMatches(outer, inner, options) ? { contains: true } : { contains: false, counterexample: inner };
  }
  const o = tokenize(outer, options);
  const i = tokenize(inner, options);
  const accept = o.length;

  // Characters outside `outer`'s literals all behave alike against `outer`, so one of them stands
  // for the rest: the search stays finite and still exact.
  const literals = new Set<string>();
  for (const t of o) if (t.kind === 'char') literals.add(t.char);
  const fresh = [...FRESH_CANDIDATES].find((c) => !literals.has(c)) ?? freshBeyond(literals);
  const alphabet = [...[...literals].sort(), fresh];

  const closure = (positions: Iterable<number>): number[] => closeOverStars(o, positions);
  const step = (set: readonly number[], c: string): number[] => {
    const next: number[] = [];
    for (const p of set) {
      const t: GlobToken | undefined = o[p];
      if (t === undefined) continue;
      if (t.kind === 'any') next.push(p);
      else if (t.kind === 'one' || t.char === c) next.push(p + 1);
    }
    return closure(next);
  };

  interface Node {
    readonly at: number;
    readonly set: readonly number[];
    readonly parent?: Node;
    readonly emitted: string;
  }
  const keyOf = (at: number, set: readonly number[]): string => `${at}|${set.join(',')}`;
  const start: Node = { at: 0, set: closure([0]), emitted: '' };
  const seen = new Set<string>([keyOf(start.at, start.set)]);
  const queue: Node[] = [start];
  for (let head = 0; head < queue.length; head++) {
    if (head >= CONTAINMENT_BUDGET) return { contains: false, counterexample: inner, undecided: true };
    const node = queue[head]!;
    if (node.at === i.length) {
      if (!node.set.includes(accept)) return { contains: false, counterexample: spell(node) };
      continue;
    }
    const visit = (at: number, set: readonly number[], emitted: string): void => {
      const key = keyOf(at, set);
      if (seen.has(key)) return;
      seen.add(key);
      queue.push({ at, set, parent: node, emitted });
    };
    const t = i[node.at]!;
    if (t.kind === 'char') visit(node.at + 1, step(node.set, t.char), t.char);
    else if (t.kind === 'one') for (const c of alphabet) visit(node.at + 1, step(node.set, c), c);
    else {
      visit(node.at + 1, node.set, '');
      for (const c of alphabet) visit(node.at, step(node.set, c), c);
    }
  }
  return { contains: true };
}

function spell(node: { readonly emitted: string; readonly parent?: { readonly emitted: string; readonly parent?: unknown } }): string {
  const parts: string[] = [];
  let n: typeof node | undefined = node;
  while (n !== undefined) {
    parts.push(n.emitted);
    n = n.parent as typeof node | undefined;
  }
  return parts.reverse().join('');
}

function freshBeyond(used: ReadonlySet<string>): string {
  for (let code = 0x41; ; code++) {
    const c = String.fromCharCode(code);
    if (c !== '*' && c !== '?' && !used.has(c) && c.toLowerCase() === c) return c;
  }
}
