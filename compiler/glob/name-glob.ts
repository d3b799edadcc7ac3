/**
 * Globs with character classes: the meaning of a name written in an intent. IAM's own `*` and `?`
 * match any character, `/` and `:` included; a name's meaning often cannot (a bucket name never
 * reaches into a key, a role name never into a path). Such restricted wildcards are written here as
 * private-use characters, so a meaning is still a plain string that part functions can extend
 * (`${bucket}/*`, `${table}/index/*`) without knowing about classes. No name a user writes can hold
 * these characters: `checkName` refuses them.
 */
export type ClassToken =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one'; readonly not: string }
  | { readonly kind: 'any'; readonly not: string };

/** `*` and `?` that never stand for `/`. */
export const ANY_BUT_SLASH = '\uE000';
export const ONE_BUT_SLASH = '\uE001';
/** `*` and `?` that never stand for `:` (a function's name before its qualifier). */
export const ANY_BUT_COLON = '\uE002';
export const ONE_BUT_COLON = '\uE003';

const CLASSES: ReadonlyMap<string, ClassToken> = new Map<string, ClassToken>([
  ['*', { kind: 'any', not: '' }],
  ['?', { kind: 'one', not: '' }],
  [ANY_BUT_SLASH, { kind: 'any', not: '/' }],
  [ONE_BUT_SLASH, { kind: 'one', not: '/' }],
  [ANY_BUT_COLON, { kind: 'any', not: ':' }],
  [ONE_BUT_COLON, { kind: 'one', not: ':' }],
]);

/** True for the private-use characters above: a name containing one is refused before it gets here. */
export function isClassCharacter(char: string): boolean {
  return char >= '\uE000' && char <= '\uE0FF';
}

export function classTokens(glob: string): ClassToken[] {
  const out: ClassToken[] = [];
  for (const char of glob) {
    const cls = CLASSES.get(char);
    const prev = out.at(-1);
    // Adjacent runs of the same class mean the same as one.
    if (cls?.kind === 'any' && prev?.kind === 'any' && prev.not === cls.not) continue;
    out.push(cls ?? { kind: 'char', char });
  }
  return out;
}

/** Reads a name glob in which `*` and `?` never stand for any of `separators`. */
export function segmentGlob(name: string, separator: '/' | ':'): string {
  const [any, one] = separator === '/' ? [ANY_BUT_SLASH, ONE_BUT_SLASH] : [ANY_BUT_COLON, ONE_BUT_COLON];
  return [...name].map((c) => (c === '*' ? any : c === '?' ? one : c)).join('');
}

/**
 * Reads a path glob (`/app/prod/*`): `*` and `?` stay inside one level of the path, except a final
 * `/*`, which means everything below that level, at any depth. A name that is only `*` is every path.
 */
export function pathGlob(name: string): string {
  if (/^\*+$/.test(name)) return '*';
  const below = /\/\*+$/.exec(name);
  const head = below ? name.slice(0, below.index + 1) : name;
  return segmentGlob(head, '/') + (below ? '*' : '');
}
