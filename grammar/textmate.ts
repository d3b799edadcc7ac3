/**
 * The TextMate grammar for `.iam` files (editors/iam.tmLanguage.json), built from the same
 * keyword list as the lexer so an editor never highlights a word the language does not have.
 * test/syntax/dsl/editor-grammar.test.ts fails when the checked-in file is stale and rewrites it
 * with `UPDATE_TMLANGUAGE=1`.
 */
import { DECLARATION_KEYWORDS, KEYWORDS } from './keywords.js';

/** Characters of a bare word (grammar/tokens.ts), as a regex class for word boundaries. */
const WORD_CHAR = '[A-Za-z0-9+.@_/*?:-]';

function alternation(words: readonly string[]): string {
  const escaped = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return `(?<!${WORD_CHAR})(?:${escaped.join('|')})(?!${WORD_CHAR})`;
}

export function textMateGrammar(): object {
  const declarations = new Set<string>(DECLARATION_KEYWORDS);
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'iamc intent',
    scopeName: 'source.iam',
    fileTypes: ['iam'],
    patterns: [{ include: '#glued-hash' }, { include: '#comment' }, { include: '#string' }, { include: '#declaration' }, { include: '#keyword' }, { include: '#punctuation' }],
    repository: {
      // A `#` glued to a word is an error (IAM1210), not a comment: shown as such, up to a space.
      'glued-hash': { name: 'invalid.illegal.glued-hash.iam', match: `(?<=${WORD_CHAR})#\\S*` },
      comment: { name: 'comment.line.number-sign.iam', match: '#.*$' },
      string: {
        name: 'string.quoted.double.iam',
        begin: '"',
        end: '"|$',
        patterns: [
          { name: 'constant.character.escape.iam', match: '\\\\(?:["\\\\/bfnrt]|u[0-9A-Fa-f]{4})' },
          { name: 'invalid.illegal.escape.iam', match: '\\\\.' },
        ],
      },
      declaration: { name: 'storage.type.declaration.iam', match: alternation(DECLARATION_KEYWORDS) },
      keyword: { name: 'keyword.other.iam', match: alternation(KEYWORDS.filter((k) => !declarations.has(k))) },
      punctuation: { name: 'punctuation.separator.iam', match: '[{}\\[\\],=]' },
    },
  };
}

export function textMateJson(): string {
  return `${JSON.stringify(textMateGrammar(), null, 2)}\n`;
}
