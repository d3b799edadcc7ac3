/**
 * Words parser and lexer failures in the project's voice. Chevrotain hands us the facts (what
 * was expected, see grammar/parser.ts); here they become "expected `{` after `prod`, found
 * `read`" with a did-you-mean when the word found is a misspelt keyword.
 */
import { EOF, type ILexingError, type IRecognitionException, type IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { closest } from '../../diagnostics/did-you-mean.js';
import type { LineIndex, Span } from '../../diagnostics/span.js';
import { DECLARATION_KEYWORDS } from '../../../grammar/keywords.js';
import type { SyntaxErrorFacts } from '../../../grammar/parser.js';
import { keywordOfToken, tokenDisplay } from '../../../grammar/tokens.js';
import { OPTION_WORDS, TARGETLESS } from '../../../grammar/pattern-forms.js';

const MAX_LISTED = 10;

/** A character as it can safely appear inside backticks in a message. */
export function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || ch === '`' ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
}

/** Shortens and sanitises user text for a message. */
export function showText(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return [...short].map(showChar).join('');
}

export function lexErrorDiagnostic(error: ILexingError, index: LineIndex): Diagnostic {
  const text = index.text.slice(error.offset, error.offset + error.length);
  const first = [...text][0] ?? '';
  const span = index.span(error.offset, error.offset + error.length);
  const what = text.length > first.length ? `characters starting with \`${showChar(first)}\`` : `character \`${showChar(first)}\``;
  const hint =
    first === "'" ? 'strings use double quotes: `"…"`' : first === '/' && text.startsWith('//') ? 'comments start with `#`' : undefined;
  return diagnostic('IAM1201', span, `unexpected ${what}`, hint !== undefined ? { suggestion: hint } : {});
}

/** Characters of a bare word (grammar/tokens.ts). */
const BARE_CHAR = /[A-Za-z0-9+.@_/*?:-]/;

/**
 * `reports#2`: the word and what follows its `#` up to the next space, so the message shows what
 * the user wrote and the suggestion quotes all of it.
 */
export function gluedHashDiagnostic(hashOffset: number, index: LineIndex): Diagnostic {
  const text = index.text;
  let start = hashOffset;
  while (start > 0 && BARE_CHAR.test(text[start - 1]!)) start--;
  let end = hashOffset + 1;
  while (end < text.length && !/[\s"{}[\],=]/.test(text[end]!)) end++;
  const word = text.slice(start, end);
  const before = text.slice(start, hashOffset);
  return diagnostic('IAM1210', index.span(start, end), `\`#\` inside the word \`${showText(word)}\` would start a comment and cut it to \`${showText(before)}\``, {
    detail: 'a `#` starts a comment only after a space; inside a name it must be quoted',
    suggestion: `quote it: \`${showText(JSON.stringify(word))}\`, or put a space before \`#\` for a comment`,
  });
}

export function tokenSpan(token: IToken, index: LineIndex): Span {
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) return index.span(index.text.length, index.text.length);
  return index.span(token.startOffset, (token.endOffset ?? token.startOffset) + 1);
}

function readFacts(error: IRecognitionException): SyntaxErrorFacts {
  try {
    return JSON.parse(error.message) as SyntaxErrorFacts;
  } catch {
    // Only our own message provider builds these messages; this keeps an odd one readable.
    return { kind: 'mismatch', expected: [], rule: '' };
  }
}

function found(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the file';
  if (token.tokenType.name === 'StringLiteral' || token.tokenType.name === 'UnterminatedString') return `the string \`${showText(token.image)}\``;
  return `\`${showText(token.image)}\``;
}

function listOf(items: readonly string[]): string {
  if (items.length > MAX_LISTED) return `one of ${items.slice(0, MAX_LISTED).join(', ')}, …`;
  if (items.length <= 1) return items[0] ?? 'something else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** True when the parser stopped at a word that cannot start a declaration. */
export function isStrayTopLevel(error: IRecognitionException): boolean {
  const facts = readFacts(error);
  return facts.kind === 'not-all-input' || (facts.rule === 'file' && facts.expected.length === 1 && facts.expected[0] === 'EOF');
}

/** A diagnostic for one parse error; `previous` is the token before the offending one. */
export function parseErrorDiagnostic(error: IRecognitionException, previous: IToken | undefined, index: LineIndex): Diagnostic {
  const token = error.token;
  const span = tokenSpan(token, index);
  const isWord = token.tokenType.name === 'Identifier' || keywordOfToken(token.tokenType.name) !== undefined;

  if (isStrayTopLevel(error)) {
    const list = DECLARATION_KEYWORDS.map((k) => `\`${k}\``).join(', ');
    const suggestion = isWord ? closest(token.image, DECLARATION_KEYWORDS) : undefined;
    return diagnostic('IAM1203', span, `expected a declaration (${list}), found ${found(token)}`, suggestion !== undefined ? { suggestion: `did you mean \`${suggestion}\`?` } : {});
  }

  const facts = readFacts(error);
  const expected = [...new Set(facts.expected.filter((name) => name !== 'EOF' || facts.expected.length === 1).map(tokenDisplay))];
  const keywords = facts.expected.map(keywordOfToken).filter((k): k is NonNullable<typeof k> => k !== undefined);
  const after = previous !== undefined ? ` after ${found(previous)}` : '';
  const suggestion = isWord && keywords.length > 0 ? closest(token.image, keywords) : undefined;
  const options = suggestion !== undefined && suggestion !== token.image ? { suggestion: `did you mean \`${suggestion}\`?` } : {};
  return diagnostic('IAM1203', span, `expected ${listOf(expected)}${after}, found ${found(token)}`, options);
}

/** Words that may continue a statement after its targets (a misspelling of one is likely). */
/** Words that may continue a statement: clause keywords, `in ACCOUNT`, and the stdlib's option words. */
const CONTINUATIONS = ['to', 'when', 'and', 'because', 'on', 'except', 'mfa', 'without', 'in', ...Object.keys(OPTION_WORDS)];

/**
 * A diagnostic for an error found by parsing one statement's lines alone: the end of input is the
 * end of the statement's line, and input left over is a word that does not belong to it.
 */
export function statementErrorDiagnostic(error: IRecognitionException, previous: IToken | undefined, index: LineIndex, lineEnd: number, line: readonly IToken[] = []): Diagnostic {
  const facts = readFacts(error);
  const token = error.token;
  const after = previous !== undefined ? ` after ${found(previous)}` : '';
  if (facts.kind === 'not-all-input') {
    const isWord = token.tokenType.name === 'Identifier' || keywordOfToken(token.tokenType.name) !== undefined;
    const suggestion = isWord ? closest(token.image, CONTINUATIONS) : undefined;
    return diagnostic('IAM1221', tokenSpan(token, index), `expected the end of the statement${after}, found ${found(token)}`, {
      suggestion: optionHint(line, token) ?? (suggestion !== undefined && suggestion !== token.image ? `did you mean \`${suggestion}\`?` : 'one statement per line: remove the word, quote it if it belongs to a name, or start a new line'),
    });
  }
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) {
    const expected = [...new Set(facts.expected.filter((name) => name !== 'EOF').map(tokenDisplay))];
    const keywords = facts.expected.map(keywordOfToken).filter((k): k is NonNullable<typeof k> => k !== undefined);
    const what = expected.length > 0 ? listOf(expected) : 'more';
    const wantsWord = keywords.length === 0 && expected.some((e) => e.includes('string'));
    const grant = wantsWord ? missingTargetHint(line) : undefined;
    if (grant !== undefined) return diagnostic('IAM1203', index.span(lineEnd, lineEnd), `expected a target after ${found(previous!)}, found the end of the line`, { suggestion: grant });
    const reason = previous !== undefined && previous.image === 'because';
    const hint = wantsWord ? { suggestion: reason ? 'give the reason after `because`, in quotes: `because "…"`' : 'add what is missing at the end of this line' } : {};
    return diagnostic('IAM1203', index.span(lineEnd, lineEnd), `expected ${what}${after}, found the end of the line`, hint);
  }
  if (token.image === 'in' && line[0] === token) {
    return diagnostic('IAM1203', tokenSpan(token, index), '`in ACCOUNT` does not start a statement', {
      suggestion: 'it ends a standard library grant, on the grant\'s line or the next; a raw statement takes none, since its resources are full ARNs that hold their account',
    });
  }
  return parseErrorDiagnostic(error, previous, index);
}

/**
 * A line of exactly `VERB SERVICE TYPE` that ends where a target is expected is a grant without
 * its target. Either it needs one, or it is a misspelt grant that takes none (`wirte xray
 * traces`): the parser reads a grant without a target only for the spelling the standard library
 * declares, so the misspelling is the mistake, and the help names the grant it is closest to.
 */
function missingTargetHint(line: readonly IToken[]): string | undefined {
  // A grant's verb is a plain word, never a keyword: `deny s3:DeleteBucket on` is three words too.
  if (line.length !== 3 || line[0]!.tokenType.name !== 'Identifier' || !line.every((t) => t.tokenType.name === 'Identifier' || keywordOfToken(t.tokenType.name) !== undefined)) return undefined;
  const words = line.map((t) => t.image);
  const written = words.join(' ');
  const meant = closest(written, TARGETLESS);
  if (meant !== undefined && meant !== written) return `did you mean \`${meant}\`? It takes no target; \`${showText(written)}\` is not a grant of the standard library`;
  return `name what the grant is for after \`${showText(words[2]!)}\`: \`${showText(written)} "NAME"\`; \`iamc stdlib ${showText(words[1]!)}\` shows what the name is`;
}

/**
 * An option word where the parser could not read an option clause: written before the target
 * (`deploy ecs service family "web" "prod/web"`, where `family` reads as the target), with a list
 * (`family ["a", "b"]`), or with no value. The help shows the clause's place and shape.
 */
function optionHint(line: readonly IToken[], stop: IToken): string | undefined {
  const at = line.indexOf(stop);
  if (stop.image === 'in' && (line[0]?.image === 'allow' || line[0]?.image === 'deny')) {
    return 'a raw statement takes no `in ACCOUNT`: its resources are full ARNs, which hold their account (`arn:aws:sqs:eu-west-1:ACCOUNT-ID:queue`); `in` places the targets of a standard library grant';
  }
  const grant = line.slice(0, 3).map((t) => t.image).join(' ');
  const fourth = line[3];
  if (at === 4 && fourth !== undefined && Object.hasOwn(OPTION_WORDS, fourth.image)) {
    const target = line[5] !== undefined ? showText(line[5].image) : '"TARGET"';
    return `options come after the target: \`${showText(grant)} ${target} ${fourth.image} ${showText(stop.image)}\``;
  }
  if (at >= 4 && Object.hasOwn(OPTION_WORDS, stop.image)) {
    const next = line[at + 1];
    if (next === undefined) return `\`${stop.image}\` needs its value: \`${stop.image} "VALUE"\`, the ${OPTION_WORDS[stop.image]}`;
    if (next.tokenType.name === 'LSquare') return `\`${stop.image}\` takes one value, not a list: write one grant for each`;
  }
  return undefined;
}
