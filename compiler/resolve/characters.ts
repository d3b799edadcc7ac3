/**
 * Characters in names that reach a trust or an ARN. A reviewer reads a name; IAM and GitHub
 * compare code points. Whatever makes the two differ is refused: invisible and bidi-control
 * characters, names that mix scripts, and letters that look like ASCII letters (UTS #39
 * confusables). Other non-ASCII text is accepted only where AWS and GitHub accept it, with a
 * warning that shows its code points, so a review can see what the name really is.
 *
 * The confusable table is a documented subset of Unicode's confusables.txt: the Cyrillic, Greek,
 * Armenian and Cherokee letters that look like Latin ones, a few Latin look-alikes (dotless i,
 * long s, small capitals), and everything NFKC folds to ASCII (fullwidth forms, mathematical
 * alphanumerics, ligatures, superscripts). ASCII itself is never folded: `l` and `1` are what
 * the reviewer typed.
 */
import type { Code } from '../diagnostics/codes.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { Word } from '../syntax/ast.js';

export type CharacterProblemKind = 'invisible' | 'look-alike' | 'non-ascii-refused' | 'non-ascii';

export interface CharacterProblem {
  readonly kind: CharacterProblemKind;
  /** Lowercase, no final period; user text already shown as code points. */
  readonly message: string;
  readonly suggestion?: string;
}

/** Code points as a reviewer can read them: `U+0430 CYRILLIC SMALL LETTER A` is not kept, only `U+0430`. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The name with every character outside printable ASCII replaced by its code point. */
export function showCodePoints(text: string): string {
  return [...text].map((ch) => (/^[\x21-\x7e]$/.test(ch) && ch !== '`' ? ch : `<${codePoint(ch)}>`)).join('');
}

// Format and control characters a reader cannot see, or that reorder what is shown: zero-width
// space, joiners, marks (U+200B–U+200F), bidi embeddings and overrides (U+202A–U+202E), isolates
// (U+2066–U+2069), soft hyphen, BOM, word joiner, variation selectors, tag characters, and the
// Hangul fillers that render as blank letters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0\u2800]/u;

const NAMED: Readonly<Record<number, string>> = {
  0x00ad: 'soft hyphen',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'bidi embedding',
  0x202b: 'bidi embedding',
  0x202c: 'bidi pop',
  0x202d: 'bidi override',
  0x202e: 'bidi override',
  0x2060: 'word joiner',
  0x2066: 'bidi isolate',
  0x2067: 'bidi isolate',
  0x2068: 'bidi isolate',
  0x2069: 'bidi isolate',
  0xfeff: 'byte order mark',
};

/** Letters that look like Latin letters (from confusables.txt; see the header). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ь: 'b', г: 'r', п: 'n', ɡ: 'g',
  А: 'A', В: 'B', Е: 'E', З: '3', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ү: 'Y', Ӏ: 'I',
  // Greek
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', ι: 'i', κ: 'k', τ: 't', υ: 'u', χ: 'x', γ: 'y', ϲ: 'c', ϳ: 'j',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', Ϲ: 'C', Ϳ: 'J',
  // Armenian and Cherokee
  օ: 'o', ս: 'u', ց: 'g', հ: 'h', ո: 'n', Ꭺ: 'A', Ᏼ: 'B', Ꮯ: 'C', Ꭼ: 'E', Ꮋ: 'H', Ꭻ: 'J', Ꮶ: 'K', Ꮇ: 'M', Ꮲ: 'P', Ꮪ: 'S', Ꭲ: 'T', Ꮃ: 'W', Ꮓ: 'Z',
  // Latin letters that are not ASCII but read as ASCII
  ı: 'i', ȷ: 'j', ſ: 'f', ɑ: 'a', ɩ: 'i', ʏ: 'y', ᴀ: 'A', ᴄ: 'c', ᴏ: 'o', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ꜱ: 's',
};

/**
 * UTS #39 skeleton restricted to non-ASCII characters: NFKC (fullwidth and mathematical forms
 * become ASCII), then the look-alike table. A name whose skeleton differs from it shows a
 * reviewer a different name from the one IAM compares.
 */
export function skeleton(name: string): string {
  return [...name]
    .map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return ch;
      const folded = ch.normalize('NFKC');
      if (/^[\x00-\x7f]+$/.test(folded)) return folded;
      return LOOK_ALIKES[ch] ?? ch;
    })
    .join('');
}

/** Scripts a name may use; letters of any other script count as their own script. */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Georgian', 'Arabic', 'Hebrew', 'Devanagari', 'Thai', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo'] as const;
const SCRIPT_RE = new Map(SCRIPTS.map((s) => [s, new RegExp(`\\p{Script_Extensions=${s}}`, 'u')]));
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** The scripts a character may belong to (Common and Inherited characters belong to all). */
function scriptsOf(ch: string): Set<string> | 'any' {
  if (COMMON.test(ch) && ![...SCRIPT_RE.values()].some((re) => re.test(ch))) return 'any';
  const found = new Set<string>();
  for (const [name, re] of SCRIPT_RE) if (re.test(ch)) found.add(name);
  if (found.size === 0) found.add(`other ${codePoint(ch)}`);
  return found;
}

// UTS #39 "highly restrictive": one script, or Latin with the scripts that are written with it
// (Japanese, Chinese, Korean).
const ALLOWED_MIXES: readonly (readonly string[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

/** The scripts a name mixes, when no single script (or allowed mix) covers it. */
export function mixedScripts(name: string): string[] | undefined {
  const used: Set<string>[] = [];
  for (const ch of name) {
    const s = scriptsOf(ch);
    if (s !== 'any') used.push(s);
  }
  if (used.length === 0) return undefined;
  const common = [...used[0]!].filter((s) => used.every((u) => u.has(s)));
  if (common.length > 0) return undefined;
  if (ALLOWED_MIXES.some((mix) => used.every((u) => [...u].some((s) => mix.includes(s))))) return undefined;
  // Name the scripts as a reviewer would: the first script of each character, in order of appearance.
  const names: string[] = [];
  for (const u of used) {
    const first = [...u][0]!;
    if (!names.includes(first)) names.push(first);
  }
  return names;
}

export interface NameRules {
  /** What the name is, in the user's terms: `branch name`, `role name`, `external id`. */
  readonly what: string;
  /** True where AWS and the identity provider accept non-ASCII text in this name. */
  readonly unicode: boolean;
}

/**
 * The first character problem of a name, most serious first; undefined when the name is plain.
 * A `non-ascii` problem is a warning, the others are errors.
 */
export function characterProblem(name: string, rules: NameRules): CharacterProblem | undefined {
  const shown = showCodePoints(name);
  for (const ch of name) {
    if (!INVISIBLE.test(ch) || ch === ' ') continue;
    const cp = ch.codePointAt(0)!;
    const label = NAMED[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 'control character' : 'invisible character');
    return {
      kind: 'invisible',
      message: `the ${rules.what} \`${shown}\` contains a ${label} (${codePoint(ch)}) that no reviewer can see`,
      suggestion: 'retype the name; invisible and bidi-control characters are never accepted in names',
    };
  }
  if (/^[\x00-\x7f]*$/.test(name)) return undefined;
  // Scripts may differ between path segments (`reports/отчёт`), never inside one (`mаin`).
  const mixed = name.split(/[/:]/).map(mixedScripts).find((m) => m !== undefined);
  if (mixed !== undefined) {
    return {
      kind: 'look-alike',
      message: `the ${rules.what} \`${shown}\` mixes ${mixed.join(' and ')} letters`,
      suggestion: `a name that mixes scripts can look like another name; its skeleton reads \`${skeleton(name)}\``,
    };
  }
  // A segment whose every letter folds to ASCII reads as an ASCII name it is not (`ｍain`, `сор`);
  // a segment that keeps some of its own letters (`отчёт`) does not pass for ASCII.
  const skel = skeleton(name);
  const posing = name.split(/([/:])/).filter((seg) => /[^\x00-\x7f]/.test(seg) && /^[\x00-\x7f]*$/.test(skeleton(seg)));
  if (posing.length > 0) {
    const odd = [...posing.join('')].filter((ch) => ch.charCodeAt(0) >= 0x80);
    return {
      kind: 'look-alike',
      message: `the ${rules.what} \`${shown}\` looks like \`${skel}\` but is not: ${odd.map(codePoint).join(', ')} ${odd.length === 1 ? 'is' : 'are'} not ASCII`,
      suggestion: `write \`${skel}\` if that is the name you mean`,
    };
  }
  const others = [...new Set([...name].filter((ch) => ch.charCodeAt(0) >= 0x80))];
  if (!rules.unicode) {
    return {
      kind: 'non-ascii-refused',
      message: `the ${rules.what} \`${shown}\` contains ${others.map(codePoint).join(', ')}: AWS accepts only ASCII here`,
    };
  }
  return {
    kind: 'non-ascii',
    message: `the ${rules.what} \`${name}\` contains non-ASCII characters: ${others.map((ch) => `\`${ch}\` ${codePoint(ch)}`).join(', ')}`,
    suggestion: 'check the name is spelt exactly as the provider shows it; IAM matches code points, not looks',
  };
}

const CODE_OF: Readonly<Record<CharacterProblemKind, Code>> = {
  invisible: 'IAM2190',
  'look-alike': 'IAM2191',
  'non-ascii-refused': 'IAM2193',
  'non-ascii': 'IAM2192',
};

/**
 * Reports a name's character problem at its word. Returns false when the name is refused, so the
 * caller reports nothing more about it (one error per mistake).
 */
export function checkNameCharacters(bag: DiagnosticBag, word: Word, rules: NameRules): boolean {
  const problem = characterProblem(word.value, rules);
  if (problem === undefined) return true;
  bag.add(CODE_OF[problem.kind], word.span, problem.message, problem.suggestion !== undefined ? { suggestion: problem.suggestion } : {});
  return problem.kind === 'non-ascii';
}
