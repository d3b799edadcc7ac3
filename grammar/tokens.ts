/**
 * The tokens of the `.iam` language. Chevrotain's lexer tries token types in the order of
 * `allTokens` and takes the FIRST that matches (not the longest), so the order below matters:
 * - strings come before everything else, so `#` and `[` inside quotes stay string text;
 * - `GluedHash` comes before `Comment`: a `#` right after a word character is not a comment;
 * - keywords come before `Identifier`, and each keyword names `Identifier` as its `longer_alt`,
 *   so `roles` or `regionx` lex as one identifier instead of a keyword plus leftovers;
 * - longer keywords come before the keywords they start with (`role-creation` before `role`,
 *   `organization-id` before `organization` before `org`), otherwise the short keyword would
 *   match and its longer_alt (`Identifier`) would win, losing the long keyword.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS, keywordTokenName, type Keyword } from './keywords.js';

/** Characters of a bare word. `,` `=` `#` `"` and brackets are punctuation, so they need quotes. */
export const BARE_WORD = /^[A-Za-z0-9+.@_/*?:-]+$/;

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\uFEFF]+/, group: Lexer.SKIPPED, line_breaks: true });

/** A character of a bare word (`Identifier` below). */
const BARE_CHAR = /[A-Za-z0-9+.@_/*?:-]/;
const HASH_TO_END_OF_WORD = /#[^\s"{}[\],=]*/y;

/**
 * `reports#2`, `app#x`: a `#` glued to a word. Read as a comment it would cut the word short and
 * widen what it names, so it is an error that asks for quotes (cst-to-ast reports it). It runs to
 * the end of the word and is skipped, so the rest of the line still parses: one mistake, one error.
 */
export const GluedHash = createToken({
  name: 'GluedHash',
  pattern: {
    exec: (text: string, offset: number) => {
      if (offset === 0 || !BARE_CHAR.test(text[offset - 1]!)) return null;
      HASH_TO_END_OF_WORD.lastIndex = offset;
      return HASH_TO_END_OF_WORD.exec(text);
    },
  },
  start_chars_hint: ['#'],
  line_breaks: false,
  group: 'gluedHashes',
});

/** Kept in their own group: the formatter puts them back; the parser never sees them. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });

/** Any word that may stand for a name: identifiers and every keyword (keywords are soft). */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });

/** Quoted text, terminated or not; the CST visitor reports the unterminated kind. */
export const Str = createToken({ name: 'Str', pattern: Lexer.NA });

// Escapes are lexed loosely (`\` and any character) and checked in the visitor, so one bad
// escape is one precise diagnostic instead of a string that falls apart into stray characters.
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/, categories: [Str] });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?/, categories: [Str] });

export const LCurly = createToken({ name: 'LCurly', pattern: '{', label: '`{`' });
export const RCurly = createToken({ name: 'RCurly', pattern: '}', label: '`}`' });
export const LSquare = createToken({ name: 'LSquare', pattern: '[', label: '`[`' });
export const RSquare = createToken({ name: 'RSquare', pattern: ']', label: '`]`' });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: '`,`' });
export const Equals = createToken({ name: 'Equals', pattern: '=', label: '`=`' });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z0-9+.@_/*?:-]+/, categories: [Name] });

/** Keyword tokens by spelling: `K['max-session']`. A misspelt keyword here is a type error. */
export const K = Object.fromEntries(
  KEYWORDS.map((keyword) => [
    keyword,
    createToken({ name: keywordTokenName(keyword), pattern: keyword, longer_alt: Identifier, categories: [Name], label: `\`${keyword}\`` }),
  ]),
) as Record<Keyword, TokenType>;

const keywordTokensLongestFirst = [...KEYWORDS].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((k) => K[k]);

export const allTokens: TokenType[] = [
  WhiteSpace,
  GluedHash,
  Comment,
  StringLiteral,
  UnterminatedString,
  LCurly,
  RCurly,
  LSquare,
  RSquare,
  Comma,
  Equals,
  ...keywordTokensLongestFirst,
  Identifier,
  Name,
  Str,
];

export const iamLexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'full' });

/** How a token type reads in an error message: `` `{` ``, `` `role` ``, "a name", "a string". */
export function tokenDisplay(tokenName: string): string {
  switch (tokenName) {
    case 'Name':
    case 'Identifier':
      return 'a name';
    case 'Str':
    case 'StringLiteral':
    case 'UnterminatedString':
      return 'a string';
    case 'EOF':
      return 'the end of the file';
  }
  const byName = TOKEN_BY_NAME.get(tokenName);
  return byName?.LABEL ?? tokenName;
}

const TOKEN_BY_NAME = new Map(allTokens.map((t) => [t.name, t]));

/** The keyword a token name stands for (`MaxSession` → `max-session`), if it is one. */
export function keywordOfToken(tokenName: string): Keyword | undefined {
  return KEYWORD_BY_TOKEN.get(tokenName);
}

const KEYWORD_BY_TOKEN = new Map<string, Keyword>(KEYWORDS.map((k) => [keywordTokenName(k), k]));
