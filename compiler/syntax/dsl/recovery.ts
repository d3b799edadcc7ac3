/**
 * One diagnostic per mistake, at the mistake. Line breaks only separate words, so when a statement
 * inside a block is wrong, chevrotain reads on into the next lines and gives up where the words
 * stop fitting: often at the block's `}`, lines after the mistake. Here a block with a parse error
 * is read again line by line: each statement is the longest run of lines (one line, or a line and
 * its continuations) that parses; a line that starts no such run holds the mistake, and its own
 * first error is reported there, in place of what recovery said.
 *
 * A `{` left open is found before parsing: a line inside a block that starts with a declaration
 * keyword and opens a block of its own starts the next declaration; the missing `}` is put back
 * (as a token the parser reads) and reported once, at the `{` left open.
 */
import { createTokenInstance, type CstNode, type IToken, type TokenType } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LineIndex } from '../../diagnostics/span.js';
import { DECLARATION_KEYWORDS } from '../../../grammar/keywords.js';
import { parseItem, type ItemRule } from '../../../grammar/parser.js';
import { Identifier, K, LCurly, RCurly } from '../../../grammar/tokens.js';
import { closest } from '../../diagnostics/did-you-mean.js';
import { showText, statementErrorDiagnostic } from './syntax-errors.js';

/** The rule for a block's items, and for a run of them, by the declaration keyword. */
const BLOCK_RULES: Readonly<Record<string, { one: ItemRule; many: ItemRule; starts: readonly string[] }>> = {
  role: { one: 'roleItem', many: 'roleItems', starts: ['max-session', 'path', 'description', 'managed-policy', 'customer-managed', 'allow', 'deny'] },
  boundary: { one: 'boundaryItem', many: 'boundaryItems', starts: ['allow', 'delegate', 'deny'] },
  guardrail: { one: 'guardItem', many: 'guardItems', starts: ['allow', 'deny', 'protect', 'restrict', 'exempt'] },
  'permission-set': { one: 'permissionSetItem', many: 'permissionSetItems', starts: ['description', 'bounded-by', 'managed-policy', 'customer-managed', 'assign', 'allow', 'deny'] },
  analyzer: { one: 'analyzerItem', many: 'analyzerItems', starts: ['archive', 'alert'] },
};

/** A statement and its continuation lines: longer runs are not tried (and none is written). */
const MAX_STATEMENT_LINES = 8;

const DECLARATION_TOKENS: ReadonlySet<TokenType> = new Set(DECLARATION_KEYWORDS.map((k) => K[k]));

/** A block's body: the tokens between its `{` (at `open`) and its `}` (at `close`, or the end). */
export interface BlockBody {
  readonly keyword: string;
  readonly open: number;
  readonly close: number;
}

function startsLine(tokens: readonly IToken[], i: number): boolean {
  return i === 0 || tokens[i - 1]!.endLine! < tokens[i]!.startLine!;
}

function opensBlockOnItsLine(tokens: readonly IToken[], i: number): boolean {
  const line = tokens[i]!.startLine;
  for (let j = i + 1; j < tokens.length && tokens[j]!.startLine === line; j++) if (tokens[j]!.tokenType === LCurly) return true;
  return false;
}

/** How a declaration is named in a message: `role app`. */
function header(tokens: readonly IToken[], at: number): string {
  const name = tokens[at + 1];
  return name === undefined || name.tokenType === LCurly ? tokens[at]!.image : `${tokens[at]!.image} ${showText(name.image.replace(/^"|"$/g, ''))}`;
}

/**
 * Closes blocks left open: returns the tokens with a `}` put back before each declaration that
 * starts inside a block, and one IAM1220 for each.
 */
export function closeOpenBlocks(tokens: readonly IToken[], index: LineIndex): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const out: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  let depth = 0;
  let declaration = -1;
  let open = -1;
  tokens.forEach((token, i) => {
    if (depth === 1 && DECLARATION_TOKENS.has(token.tokenType) && startsLine(tokens, i) && opensBlockOnItsLine(tokens, i)) {
      const brace = tokens[open]!;
      diagnostics.push(
        diagnostic('IAM1220', index.span(brace.startOffset, brace.endOffset! + 1), `the \`{\` of ${declaration >= 0 ? `\`${header(tokens, declaration)}\`` : 'this block'} is not closed before \`${header(tokens, i)}\` on line ${token.startLine}`, {
          suggestion: `add \`}\` at the end of the block, before line ${token.startLine}`,
        }),
      );
      const last = out[out.length - 1]!;
      // The `}` sits right after the block's last word, so the block's span ends where it does.
      out.push(createTokenInstance(RCurly, '}', last.endOffset! + 1, last.endOffset! + 1, last.endLine!, last.endLine!, last.endColumn! + 1, last.endColumn! + 1));
      depth = 0;
    }
    if (depth === 0 && DECLARATION_TOKENS.has(token.tokenType) && startsLine(tokens, i)) declaration = i;
    if (token.tokenType === LCurly) {
      if (depth === 0) open = i;
      depth++;
    } else if (token.tokenType === RCurly) depth = Math.max(0, depth - 1);
    out.push(token);
  });
  return { tokens: out, diagnostics };
}

/** Every block body of the file, by token index. */
export function blockBodies(tokens: readonly IToken[]): BlockBody[] {
  const out: BlockBody[] = [];
  let keyword: string | undefined;
  let depth = 0;
  let open = -1;
  tokens.forEach((token, i) => {
    if (depth === 0 && DECLARATION_TOKENS.has(token.tokenType) && startsLine(tokens, i)) keyword = token.image;
    if (token.tokenType === LCurly) {
      if (depth === 0) open = i;
      depth++;
    } else if (token.tokenType === RCurly && depth > 0) {
      depth--;
      if (depth === 0 && keyword !== undefined && keyword in BLOCK_RULES) out.push({ keyword, open, close: i });
    }
  });
  if (depth > 0 && keyword !== undefined && keyword in BLOCK_RULES) out.push({ keyword, open, close: tokens.length });
  return out;
}

function startsStatement(token: IToken, starts: readonly string[]): boolean {
  return token.tokenType !== Identifier && starts.includes(token.image) && token.tokenType.name !== 'StringLiteral';
}

/** Where the parser began each item of a block (CST item nodes), by offset. */
export function itemStarts(node: CstNode, out: Set<number> = new Set()): Set<number> {
  if (ITEM_NODES.has(node.name) && node.location !== undefined && !Number.isNaN(node.location.startOffset)) out.add(node.location.startOffset);
  for (const children of Object.values(node.children)) {
    for (const child of children) if ('children' in child) itemStarts(child, out);
  }
  return out;
}

const ITEM_NODES: ReadonlySet<string> = new Set(Object.values(BLOCK_RULES).map((r) => r.one));

/**
 * A block the parser read without an error can still be misread: a statement missing its last
 * word takes the first word of the next line (`read s3 bucket` + `assign group …` reads as the
 * grant `read s3 bucket assign`). It shows as a line that starts with a word that starts
 * statements, where the parser began no statement.
 */
export function misread(tokens: readonly IToken[], body: BlockBody, starts: ReadonlySet<number>): boolean {
  const rules = BLOCK_RULES[body.keyword]!;
  for (let i = body.open + 1; i < body.close; i++) {
    const token = tokens[i]!;
    if (startsLine(tokens, i) && startsStatement(token, rules.starts) && !starts.has(token.startOffset)) return true;
  }
  return false;
}

/**
 * The mistakes of one block body, one per wrong line, or none when every line reads (then the
 * error is structural and what recovery said stands).
 */
export function diagnoseBody(tokens: readonly IToken[], body: BlockBody, index: LineIndex): Diagnostic[] {
  const rules = BLOCK_RULES[body.keyword]!;
  const lines: IToken[][] = [];
  for (let i = body.open + 1; i < body.close; i++) {
    const token = tokens[i]!;
    if (lines.length === 0 || startsLine(tokens, i)) lines.push([]);
    lines[lines.length - 1]!.push(token);
  }
  const out: Diagnostic[] = [];
  let i = 0;
  while (i < lines.length) {
    let longest = -1;
    for (let j = i; j < Math.min(lines.length, i + MAX_STATEMENT_LINES); j++) {
      // A line that starts with a word that starts statements (`assign`, `allow`, …) is never the
      // continuation of the line before: `read s3 bucket` ends where `assign …` starts.
      if (j > i && startsStatement(lines[j]![0]!, rules.starts)) break;
      if (parseItem(rules.many, lines.slice(i, j + 1).flat()).length === 0) longest = j;
    }
    if (longest >= 0) {
      i = longest + 1;
      continue;
    }
    const line = lines[i]!;
    const first = line[0]!;
    // A wrong line that starts with a misspelt keyword (`descripton "x"`) was read as a grant;
    // the misspelling is the mistake.
    const meant = first.tokenType === Identifier ? closest(first.image, rules.starts) : undefined;
    if (meant !== undefined) {
      out.push(diagnostic('IAM1203', index.span(first.startOffset, first.endOffset! + 1), `\`${showText(first.image)}\` does not start a statement of a ${body.keyword}`, { suggestion: `did you mean \`${meant}\`?` }));
      i++;
      continue;
    }
    const errors = parseItem(rules.one, line);
    const error = errors[0];
    if (error !== undefined) {
      const at = line.indexOf(error.token);
      const previous = at > 0 ? line[at - 1] : at < 0 ? line[line.length - 1] : undefined;
      out.push(statementErrorDiagnostic(error, previous, index, line[line.length - 1]!.endOffset! + 1, line));
    }
    i++;
  }
  return out;
}
