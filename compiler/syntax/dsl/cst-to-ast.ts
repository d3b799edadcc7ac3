/**
 * The `.iam` front end: text → tokens → CST (grammar/) → AST. This is the one module that reads
 * CST types; everything after it sees only compiler/syntax/ast.ts, exactly as the YAML front end
 * produces it (optional fields absent when not written, lists flagged only when written as lists).
 *
 * With syntax errors the AST is still as complete as recovery allows (missing words become empty
 * words at the enclosing construct), and the diagnostics are errors, so nothing compiles from it.
 */
import type { CstNode, IToken } from 'chevrotain';
import { DiagnosticBag, sortDiagnostics, type Diagnostic, type Result } from '../../diagnostics/diagnostic.js';
import { LineIndex, type Located, type Span } from '../../diagnostics/span.js';
import type {
  AccountDecl,
  AnalyzerDecl,
  ArchiveRule,
  Assignment,
  AttachTarget,
  BoundaryDecl,
  Condition,
  Declaration,
  Grant,
  GrantLike,
  GrantOption,
  GithubRefKind,
  GuardRule,
  GuardrailDecl,
  ManagedPolicyRef,
  PermissionSetDecl,
  Principal,
  RawStatement,
  RegionDecl,
  RoleDecl,
  Setting,
  SettingName,
  SourceFile,
  Word,
} from '../ast.js';
import type {
  AccountDeclCstNode,
  AnalyzerDeclCstNode,
  BecauseCstNode,
  ManagedPolicyCstNode,
  BoundaryDeclCstNode,
  ConditionCstNode,
  DeclarationCstNode,
  FileCstNode,
  GrantCstNode,
  GuardrailDeclCstNode,
  PermissionSetDeclCstNode,
  PrincipalCstNode,
  RawStatementCstNode,
  RegionDeclCstNode,
  RoleDeclCstNode,
  TrustOptionsCstNode,
  WhenCstNode,
  WordCstNode,
  WordsCstNode,
} from '../../../grammar/cst.js';
import { closest } from '../../diagnostics/did-you-mean.js';
import { DECLARATION_KEYWORDS } from '../../../grammar/keywords.js';
import { parseTokens } from '../../../grammar/parser.js';
import { iamLexer, LCurly, RCurly } from '../../../grammar/tokens.js';
import { unitlessDurationHelp } from '../duration-help.js';
import { decodeString } from './strings.js';
import { blockBodies, closeOpenBlocks, diagnoseBody, itemStarts, misread } from './recovery.js';
import { gluedHashDiagnostic, isStrayTopLevel, lexErrorDiagnostic, parseErrorDiagnostic, showChar } from './syntax-errors.js';

/** The comments of a parsed file, for the formatter. */
export interface DslComment {
  readonly text: string;
  readonly span: Span;
}

export interface ParsedDsl {
  readonly file: SourceFile;
  readonly comments: readonly DslComment[];
}

/** Parses one `.iam` file. Never throws; every problem is a diagnostic. */
export function parseDsl(path: string, text: string): Result<SourceFile> {
  const { value, diagnostics } = parseDslWithComments(path, text);
  return { value: value.file, diagnostics };
}

/** As `parseDsl`, and also returns the comments (what the formatter needs). */
export function parseDslWithComments(path: string, text: string): Result<ParsedDsl> {
  const index = new LineIndex(path, text);
  const bag = new DiagnosticBag();

  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    // Binary data would produce a diagnostic per stray byte; one clear message is kinder.
    bag.add('IAM0005', index.span(nul, nul + 1), 'the file contains NUL bytes; it is not a text file', { suggestion: '`.iam` files are UTF-8 text' });
    return { value: { file: { path, declarations: [] }, comments: [] }, diagnostics: bag.items };
  }

  const lexed = iamLexer.tokenize(text);
  for (const error of lexed.errors) bag.push(lexErrorDiagnostic(error, index));
  for (const glued of lexed.groups['gluedHashes'] ?? []) bag.push(gluedHashDiagnostic(glued.startOffset, index));
  const comments = (lexed.groups['comments'] ?? []).map((t) => ({ text: t.image, span: index.span(t.startOffset, t.endOffset! + 1) }));

  const builder = new AstBuilder(index, bag);
  const declarations: Declaration[] = [];
  const closed = closeOpenBlocks(lexed.tokens, index);
  bag.push(...closed.diagnostics);
  const tokens = closed.tokens;
  const syntax: Diagnostic[] = [];
  const starts = new Set<number>();
  let start = 0;
  do {
    const { cst, parseErrors } = parseTokens(tokens.slice(start));
    itemStarts(cst, starts);
    // Chevrotain gives up at a word that cannot start a declaration; what it read before that
    // word is kept, and the rest is parsed again from the next declaration (see nextDeclaration).
    const stray = parseErrors.find(isStrayTopLevel);
    const strayAt = stray === undefined ? -1 : tokens.indexOf(stray.token, start);
    const limit = strayAt >= 0 ? stray!.token.startOffset : Infinity;
    declarations.push(...builder.file(cst as FileCstNode, limit));
    // Recovery may fail several times at one token; the user needs one message there, the
    // first chevrotain raised (the innermost rule), or the one that can suggest a keyword.
    const byToken = new Map<number, Diagnostic>();
    for (const error of parseErrors) {
      if (stray !== undefined && error !== stray && !(error.token.startOffset < limit)) continue;
      const at = tokens.indexOf(error.token, start);
      const d = parseErrorDiagnostic(error, at > 0 ? tokens[at - 1] : at < 0 ? tokens[tokens.length - 1] : undefined, index);
      const seen = byToken.get(d.span.offset);
      if (seen === undefined || (seen.suggestion === undefined && d.suggestion !== undefined)) byToken.set(d.span.offset, d);
    }
    syntax.push(...byToken.values());
    if (strayAt < 0) break;
    start = nextDeclaration(tokens, strayAt);
  } while (start < tokens.length);
  bag.push(...atTheMistake(syntax, tokens, index, starts));
  return { value: { file: { path, declarations }, comments }, diagnostics: sortDiagnostics(bag.items) };
}

/**
 * Recovery's errors inside a block are replaced by what reading the block line by line finds
 * (see recovery.ts): one diagnostic per wrong line, on that line. A block that parsed but was
 * misread (a statement that took the next line's first word) is read line by line too.
 */
function atTheMistake(syntax: readonly Diagnostic[], tokens: readonly IToken[], index: LineIndex, starts: ReadonlySet<number>): Diagnostic[] {
  let out = [...syntax];
  for (const body of blockBodies(tokens)) {
    const from = tokens[body.open]!.startOffset;
    const to = body.close < tokens.length ? tokens[body.close]!.startOffset : index.text.length;
    const inside = (d: Diagnostic) => d.span.offset > from && d.span.offset <= to;
    if (!out.some(inside) && !misread(tokens, body, starts)) continue;
    const found = diagnoseBody(tokens, body, index);
    if (found.length > 0) out = [...out.filter((d) => !inside(d)), ...found];
  }
  return out;
}

/**
 * After a word that cannot start a declaration, parsing resumes at the next declaration keyword
 * (or misspelling of one) that starts a line outside any braces opened since, so one typo costs
 * one diagnostic and the declarations after it are still read.
 */
function nextDeclaration(tokens: readonly IToken[], stray: number): number {
  let depth = tokens[stray]?.tokenType === LCurly ? 1 : 0;
  for (let i = stray + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.tokenType === LCurly) depth++;
    else if (token.tokenType === RCurly) depth = Math.max(0, depth - 1);
    else if (depth === 0 && tokens[i - 1]!.endLine! < token.startLine! && looksLikeDeclaration(token.image)) return i;
  }
  return tokens.length;
}

/** A declaration keyword, or a misspelling of one (which will be reported in its turn). */
function looksLikeDeclaration(word: string): boolean {
  return (DECLARATION_KEYWORDS as readonly string[]).includes(word) || closest(word, DECLARATION_KEYWORDS) !== undefined;
}

const DURATION = /^[0-9]+[hm]$/;

class AstBuilder {
  constructor(
    private readonly index: LineIndex,
    private readonly bag: DiagnosticBag,
  ) {}

  /** The declarations that start before `limit` (an offset). */
  file(node: FileCstNode, limit: number): Declaration[] {
    const out: Declaration[] = [];
    for (const d of node.children.declaration ?? []) {
      if (!(d.location!.startOffset < limit)) continue;
      const decl = this.declaration(d);
      if (decl !== undefined) out.push(decl);
    }
    return out;
  }

  private declaration(node: DeclarationCstNode): Declaration | undefined {
    const c = node.children;
    if (c.accountDecl?.[0]) return this.account(c.accountDecl[0]);
    if (c.regionDecl?.[0]) return this.region(c.regionDecl[0]);
    if (c.identityCenterDecl?.[0]) {
      const span = this.span(c.identityCenterDecl[0]);
      return { kind: 'identity-center', region: this.req(c.identityCenterDecl[0].children.region, span), span };
    }
    if (c.roleDecl?.[0]) return this.role(c.roleDecl[0]);
    if (c.boundaryDecl?.[0]) return this.boundary(c.boundaryDecl[0]);
    if (c.guardrailDecl?.[0]) return this.guardrail(c.guardrailDecl[0]);
    if (c.permissionSetDecl?.[0]) return this.permissionSet(c.permissionSetDecl[0]);
    if (c.analyzerDecl?.[0]) return this.analyzer(c.analyzerDecl[0]);
    return undefined;
  }

  // ── positions ──────────────────────────────────────────────────────────────────────────

  private span(node: CstNode): Span {
    const loc = node.location;
    if (loc === undefined || Number.isNaN(loc.startOffset)) return this.index.span(this.index.text.length, this.index.text.length);
    const end = loc.endOffset === undefined || Number.isNaN(loc.endOffset) ? loc.startOffset : loc.endOffset + 1;
    return this.index.span(loc.startOffset, end);
  }

  private tokenSpan(token: IToken): Span {
    return this.index.span(token.startOffset, token.endOffset! + 1);
  }

  /** The first real token (recovery may insert virtual ones, which have no position). */
  private token(tokens: IToken[] | undefined): IToken | undefined {
    const t = tokens?.[0];
    return t === undefined || t.isInsertedInRecovery === true || Number.isNaN(t.startOffset) ? undefined : t;
  }

  // ── words ──────────────────────────────────────────────────────────────────────────────

  private word(nodes: WordCstNode[] | undefined): Word | undefined {
    const node = nodes?.[0];
    if (node === undefined) return undefined;
    const name = this.token(node.children.Name);
    if (name !== undefined) return { value: name.image, span: this.tokenSpan(name) };
    const str = this.token(node.children.Str);
    if (str === undefined) return undefined;
    const span = this.tokenSpan(str);
    const terminated = str.tokenType.name === 'StringLiteral';
    if (!terminated) this.bag.add('IAM1202', span, 'this string is not closed before the end of the line', { suggestion: 'add the closing `"`' });
    const body = terminated ? str.image.slice(1, -1) : str.image.slice(1);
    return { value: decodeString(body, str.startOffset + 1, this.index, this.bag), span };
  }

  /** A required word; when recovery lost it, an empty word at `fallback` keeps the AST whole. */
  private req(nodes: WordCstNode[] | undefined, fallback: Span): Word {
    return this.word(nodes) ?? { value: '', span: fallback };
  }

  private words(nodes: WordsCstNode[] | undefined): { words: Word[]; list: boolean } {
    const node = nodes?.[0];
    if (node === undefined) return { words: [], list: false };
    if (node.children.LSquare !== undefined) {
      const items = (node.children.item ?? []).map((n) => this.word([n])).filter((w): w is Word => w !== undefined);
      return { words: items, list: true };
    }
    const single = this.word(node.children.word);
    return { words: single === undefined ? [] : [single], list: false };
  }

  private located<T extends string>(token: IToken, value: T): Located<T> {
    return { value, span: this.tokenSpan(token) };
  }

  /** Bare numbers that are malformed as written; quoted text is left for `resolve` to judge. */
  private checkNumber(word: Word, nodes: WordCstNode[] | undefined, kind: 'account id' | 'duration'): void {
    if (nodes?.[0]?.children.Name === undefined || !/^[0-9]/.test(word.value)) return;
    if (kind === 'account id' && !/^[0-9]+$/.test(word.value)) {
      const bad = [...word.value].find((ch) => !/[0-9]/.test(ch)) ?? '';
      this.bag.add('IAM1205', word.span, `account id \`${word.value}\` contains \`${showChar(bad)}\`; it must be digits only`);
    } else if (kind === 'duration' && !DURATION.test(word.value)) {
      this.bag.add('IAM1205', word.span, `duration \`${word.value}\` is not a whole number of hours or minutes (\`1h\`, \`90m\`)`, { suggestion: unitlessDurationHelp(word.value) });
    }
  }

  private because(nodes: BecauseCstNode[] | undefined): Word | undefined {
    const node = nodes?.[0];
    return node === undefined ? undefined : this.req(node.children.reason, this.span(node));
  }

  // ── declarations ───────────────────────────────────────────────────────────────────────

  private account(node: AccountDeclCstNode): AccountDecl {
    const span = this.span(node);
    const id = this.req(node.children.id, span);
    this.checkNumber(id, node.children.id, 'account id');
    return { kind: 'account', name: this.req(node.children.name, span), id, span };
  }

  private region(node: RegionDeclCstNode): RegionDecl {
    const span = this.span(node);
    return { kind: 'region', region: this.req(node.children.region, span), span };
  }

  private role(node: RoleDeclCstNode): RoleDecl {
    const c = node.children;
    const span = this.span(node);
    const settings: Setting[] = [];
    const managedPolicies: ManagedPolicyRef[] = [];
    const grants: GrantLike[] = [];
    for (const item of c.roleItem ?? []) {
      const ic = item.children;
      const setting = ic.setting?.[0];
      if (ic.managedPolicy?.[0]) managedPolicies.push(this.managedPolicy(ic.managedPolicy[0]));
      else if (setting !== undefined) {
        const sc = setting.children;
        const key = this.token(sc.MaxSession) ?? this.token(sc.Path) ?? this.token(sc.Description);
        if (key === undefined) continue;
        const value = this.req(sc.value, this.span(setting));
        if (key.image === 'max-session') this.checkNumber(value, sc.value, 'duration');
        settings.push({ kind: 'setting', name: this.located(key, key.image as SettingName), value, span: this.span(setting) });
      } else if (ic.rawStatement?.[0]) grants.push(this.raw(ic.rawStatement[0]));
      else if (ic.grant?.[0]) grants.push(this.grant(ic.grant[0]));
    }
    const boundary = this.word(c.boundary);
    const principalNode = c.principal?.[0];
    return {
      kind: 'role',
      name: this.req(c.name, span),
      principal: principalNode !== undefined ? this.principal(principalNode) : { kind: 'ec2', span },
      account: this.req(c.account, span),
      ...(boundary !== undefined ? { boundary } : {}),
      settings,
      managedPolicies,
      grants,
      span,
    };
  }

  private managedPolicy(node: ManagedPolicyCstNode): ManagedPolicyRef {
    const c = node.children;
    const because = this.because(c.because);
    const path = this.word(c.path);
    return {
      ...this.req(c.policy, this.span(node)),
      ...(c.CustomerManaged ? { customer: true as const } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(because !== undefined ? { because } : {}),
    };
  }

  private trust(nodes: TrustOptionsCstNode[] | undefined): { externalId?: Word; mfa?: Span } {
    const c = nodes?.[0]?.children;
    if (c === undefined) return {};
    const externalId = this.word(c.externalId);
    const mfa = this.token(c.Mfa);
    return { ...(externalId !== undefined ? { externalId } : {}), ...(mfa !== undefined ? { mfa: this.tokenSpan(mfa) } : {}) };
  }

  private principal(node: PrincipalCstNode): Principal {
    const c = node.children;
    const span = this.span(node);
    if (c.Lambda) {
      const because = this.because(c.because);
      return { kind: 'lambda', function: this.req(c.function, span), ...(because !== undefined ? { because } : {}), span };
    }
    if (c.Ec2) return { kind: 'ec2', span };
    if (c.EcsTask) return { kind: 'ecs-task', span };
    if (c.EcsExecution) return { kind: 'ecs-execution', span };
    if (c.Github) {
      const refs = (c.githubRef ?? []).map((refNode) => {
        const refSpan = this.span(refNode);
        const rc = refNode.children;
        const kind: GithubRefKind = rc.Branch ? 'branch' : rc.Environment ? 'environment' : rc.Tag ? 'tag' : 'pull-request';
        return kind === 'pull-request' ? { kind, span: refSpan } : { kind, value: this.req(rc.value, refSpan), span: refSpan };
      });
      // After a recovered parse error there may be no ref: an empty branch, which resolve refuses, never an invented one.
      return { kind: 'github', repo: this.req(c.repo, span), refs: refs.length > 0 ? refs : [{ kind: 'branch', value: this.req(undefined, span), span }], span };
    }
    if (c.AzureDevops) {
      const connections = (c.connection ?? []).map((w) => this.req([w], span));
      return { kind: 'azure-devops', connections: connections.length > 0 ? connections : [this.req(undefined, span)], organizationId: this.req(c.organizationId, span), span };
    }
    if (c.Role) return { kind: 'role', role: this.req(c.role, span), account: this.req(c.account, span), ...this.trust(c.trustOptions), span };
    if (c.Account) {
      const because = this.because(c.because);
      return { kind: 'account', account: this.req(c.account, span), ...this.trust(c.trustOptions), ...(because !== undefined ? { because } : {}), span };
    }
    if (c.Service) return { kind: 'service', host: this.req(c.host, span), span };
    const sso = c.ssoPrincipal?.[0];
    if (sso) return { kind: 'sso', permissionSet: this.req(sso.children.permissionSet, span), account: this.req(sso.children.account, span), span };
    return { kind: 'ec2', span };
  }

  private conditions(nodes: WhenCstNode[] | undefined): Condition[] {
    return (nodes?.[0]?.children.condition ?? []).map((n) => this.condition(n)).filter((x): x is Condition => x !== undefined);
  }

  private condition(node: ConditionCstNode): Condition | undefined {
    const c = node.children;
    const span = this.span(node);
    if (c.Without) return { kind: 'without-mfa', span };
    if (c.Mfa) return { kind: 'mfa', span };
    if (c.Tag) return { kind: 'tag', key: this.req(c.key, span), value: this.req(c.tagValue, span), span };
    const kind = c.VpcEndpoint ? 'vpc-endpoint' : c.SourceIp ? 'source-ip' : c.Org ? 'org' : c.PrincipalOrg ? 'principal-org' : undefined;
    return kind === undefined ? undefined : { kind, value: this.req(c.value, span), span };
  }

  private grant(node: GrantCstNode): Grant {
    const c = node.children;
    const span = this.span(node);
    const targets = this.words(c.targets);
    const to = this.word(c.to);
    const account = this.word(c.account);
    const because = this.because(c.because);
    const options: GrantOption[] = (c.grantOption ?? []).flatMap((o) => {
      const name = this.token(o.children.option);
      return name === undefined ? [] : [{ name: { value: name.image, span: this.tokenSpan(name) }, value: this.req(o.children.value, this.span(o)), span: this.span(o) }];
    });
    return {
      kind: 'grant',
      verb: this.req(c.verb, span),
      service: this.req(c.service, span),
      resourceType: this.req(c.resourceType, span),
      targets: targets.words,
      targetList: targets.list,
      ...(options.length > 0 ? { options } : {}),
      ...(account !== undefined ? { account } : {}),
      ...(to !== undefined ? { to } : {}),
      conditions: this.conditions(c.when),
      ...(because !== undefined ? { because } : {}),
      span,
    };
  }

  private raw(node: RawStatementCstNode): RawStatement {
    const c = node.children;
    const span = this.span(node);
    const allow = this.token(c.Allow);
    const deny = this.token(c.Deny);
    const effect: Located<'allow' | 'deny'> = allow !== undefined ? this.located(allow, 'allow') : deny !== undefined ? this.located(deny, 'deny') : { value: 'deny', span };
    const actions = this.words(c.actions);
    const resources = this.words(c.resources);
    const because = this.because(c.because);
    return {
      kind: 'raw',
      effect,
      actions: actions.words,
      actionList: actions.list,
      resources: resources.words,
      resourceList: resources.list,
      conditions: this.conditions(c.when),
      ...(because !== undefined ? { because } : {}),
      span,
    };
  }

  /** A flag or single-valued setting given twice keeps the first; the second is an error. */
  private once(firstSpan: Span | undefined, second: Span, what: string): boolean {
    if (firstSpan === undefined) return true;
    this.bag.add('IAM2118', second, `\`${what}\` is given twice`, { related: [{ message: 'first given here', span: firstSpan }] });
    return false;
  }

  private boundary(node: BoundaryDeclCstNode): BoundaryDecl {
    const c = node.children;
    const span = this.span(node);
    const allowServices: Word[] = [];
    const statements: RawStatement[] = [];
    let delegate: Span | undefined;
    for (const item of c.boundaryItem ?? []) {
      const ic = item.children;
      if (ic.allowServices?.[0]) allowServices.push(...this.words(ic.allowServices[0].children.services).words);
      else if (ic.rawStatement?.[0]) statements.push(this.raw(ic.rawStatement[0]));
      else if (ic.Delegate) {
        const itemSpan = this.span(item);
        if (this.once(delegate, itemSpan, 'delegate role-creation')) delegate = itemSpan;
      }
    }
    return {
      kind: 'boundary',
      name: this.req(c.name, span),
      allowServices,
      ...(delegate !== undefined ? { delegateRoleCreation: delegate } : {}),
      statements,
      span,
    };
  }

  private guardrail(node: GuardrailDeclCstNode): GuardrailDecl {
    const c = node.children;
    const span = this.span(node);
    const attachTo: AttachTarget[] = [];
    for (const t of c.attachTarget ?? []) {
      const tc = t.children;
      const tSpan = this.span(t);
      if (tc.Root) attachTo.push({ kind: 'root', span: tSpan });
      else if (tc.Ou || tc.Account) attachTo.push({ kind: tc.Ou ? 'ou' : 'account', id: this.req(tc.id, tSpan), span: tSpan });
    }
    const rules: GuardRule[] = [];
    const exempt: Word[] = [];
    const sets: Word[] = [];
    for (const item of c.guardItem ?? []) {
      const ic = item.children;
      const itemSpan = this.span(item);
      if (ic.rawStatement?.[0]) rules.push(this.raw(ic.rawStatement[0]));
      else if (ic.Deny || ic.Protect) rules.push({ kind: ic.Deny ? 'deny' : 'protect', name: this.req(ic.rule, itemSpan), span: itemSpan });
      else if (ic.Restrict) {
        rules.push({ kind: 'restrict-regions', regions: this.words(ic.regions).words, except: this.words(ic.except).words, span: itemSpan });
      } else if (ic.Exempt) {
        const w = this.word(ic.exempt);
        if (w !== undefined) exempt.push(w);
        const set = this.word(ic.exemptPermissionSet);
        if (set !== undefined) sets.push(set);
      }
    }
    return { kind: 'guardrail', name: this.req(c.name, span), attachTo, rules, exempt, ...(sets.length > 0 ? { exemptPermissionSets: sets } : {}), span };
  }

  private permissionSet(node: PermissionSetDeclCstNode): PermissionSetDecl {
    const c = node.children;
    const span = this.span(node);
    const session = this.word(c.session);
    if (session !== undefined) this.checkNumber(session, c.session, 'duration');
    let description: Word | undefined;
    let boundary: Word | undefined;
    const managedPolicies: ManagedPolicyRef[] = [];
    const grants: GrantLike[] = [];
    const assignments: Assignment[] = [];
    for (const item of c.permissionSetItem ?? []) {
      const ic = item.children;
      const itemSpan = this.span(item);
      if (ic.managedPolicy?.[0]) managedPolicies.push(this.managedPolicy(ic.managedPolicy[0]));
      else if (ic.Description || ic.BoundedBy) {
        const value = this.req(ic.value, itemSpan);
        if (ic.Description) {
          if (this.once(description?.span, itemSpan, 'description')) description = value;
        } else if (this.once(boundary?.span, itemSpan, 'bounded-by')) boundary = value;
      } else if (ic.assignment?.[0]) {
        const a = ic.assignment[0];
        const ac = a.children;
        const aSpan = this.span(a);
        assignments.push({ kind: ac.User ? 'user' : 'group', principalId: this.req(ac.principalId, aSpan), accounts: this.words(ac.accounts).words, span: aSpan });
      } else if (ic.rawStatement?.[0]) grants.push(this.raw(ic.rawStatement[0]));
      else if (ic.grant?.[0]) grants.push(this.grant(ic.grant[0]));
    }
    return {
      kind: 'permission-set',
      name: this.req(c.name, span),
      ...(session !== undefined ? { session } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(boundary !== undefined ? { boundary } : {}),
      managedPolicies,
      grants,
      assignments,
      span,
    };
  }

  private analyzer(node: AnalyzerDeclCstNode): AnalyzerDecl {
    const c = node.children;
    const span = this.span(node);
    const org = this.token(c.Organization);
    const acct = this.token(c.Account);
    const scope: Located<'organization' | 'account'> = org !== undefined ? this.located(org, 'organization') : acct !== undefined ? this.located(acct, 'account') : { value: 'organization', span };
    const archives: ArchiveRule[] = [];
    let alert: Span | undefined;
    for (const item of c.analyzerItem ?? []) {
      const ic = item.children;
      const itemSpan = this.span(item);
      if (ic.Archive) {
        const because = this.because(ic.because);
        archives.push({ kind: 'principal', value: this.req(ic.principal, itemSpan), ...(because !== undefined ? { because } : {}), span: itemSpan });
      } else if (ic.Alert && this.once(alert, itemSpan, 'alert')) alert = itemSpan;
    }
    return { kind: 'analyzer', name: this.req(c.name, span), scope, archives, ...(alert !== undefined ? { alert } : {}), span };
  }
}
