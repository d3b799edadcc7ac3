/**
 * The canonical layout of a `.iam` file: two-space indent, one setting, grant or rule per line,
 * lists as `[a, b]`, one blank line between declarations (none between consecutive `account`
 * and `region` lines), clauses in a fixed order.
 *
 * Quoting: words that name things (declarations, accounts, verbs, services, resource types,
 * durations, ids) are bare when they lex as one bare word (keywords are soft, so `role` may name
 * a resource type; only a verb spelt like a word that starts another line, such as `path`, is
 * quoted, or it would read back as that line); text the user
 * supplies as data (targets, globs, reasons, descriptions, actions, condition values) is always
 * quoted, as in the language's examples. Quoted text is JSON-escaped.
 */
import type {
  AnalyzerDecl,
  AttachTarget,
  BoundaryDecl,
  ManagedPolicyRef,
  Condition,
  Declaration,
  Grant,
  GrantLike,
  GuardRule,
  GuardrailDecl,
  PermissionSetDecl,
  Principal,
  RawStatement,
  RoleDecl,
  SourceFile,
  Word,
} from '../syntax/ast.js';
import { BARE_WORD } from '../../grammar/tokens.js';

/** A comment to put back: its text, where it was, and how it sat in the source. */
export interface PrintComment {
  readonly text: string;
  /** Source offset of the `#`. */
  readonly offset: number;
  /** Code came before it on its line. */
  readonly trailing: boolean;
  /** A blank line followed it (kept, so a file header stays apart from what follows). */
  readonly blankAfter: boolean;
}

interface Line {
  depth: number;
  text: string;
  /** Source offset of what produced the line; comments are placed by it. */
  anchor: number;
  /** The line closes a block: a comment placed before it belongs inside the block. */
  close: boolean;
  blankBefore: boolean;
}

/**
 * Words a grant's verb cannot be bare: they start a setting or another kind of line, or they
 * would continue the line before (`in`, `to`, `when`, `and`, `because` are optional clauses).
 */
const VERB_RESERVED: ReadonlySet<string> = new Set(['max-session', 'path', 'description', 'bounded-by', 'managed-policy', 'customer-managed', 'assign', 'allow', 'deny', 'in', 'to', 'when', 'and', 'because']);

/** Quoted, JSON-escaped; DEL is escaped too, since the lexer refuses it raw. */
export function quote(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
}

/** A naming word: bare when that reads back as the same word, quoted otherwise. */
export function bare(value: string, reserved: ReadonlySet<string> = new Set()): string {
  return BARE_WORD.test(value) && !reserved.has(value) ? value : quote(value);
}

const name = (w: Word) => bare(w.value);
const verb = (w: Word) => bare(w.value, VERB_RESERVED);
/** Bare only when well-formed: a bare malformed number is a syntax error (IAM1205), quoted text is not. */
const numberish = (w: Word, wellFormed: RegExp) => (/^[0-9]/.test(w.value) && !wellFormed.test(w.value) ? quote(w.value) : name(w));
const accountId = (w: Word) => numberish(w, /^[0-9]+$/);
const duration = (w: Word) => numberish(w, /^[0-9]+[hm]$/);
const text = (w: Word) => quote(w.value);
const nameList = (ws: readonly Word[]) => `[${ws.map(name).join(', ')}]`;
const textList = (ws: readonly Word[]) => `[${ws.map(text).join(', ')}]`;
const textOrList = (ws: readonly Word[], list: boolean) => (list || ws.length !== 1 ? textList(ws) : text(ws[0]!));

export function printDsl(file: SourceFile, comments: readonly PrintComment[] = []): string {
  const lines: Line[] = [];
  let previous: Declaration | undefined;
  for (const decl of file.declarations) {
    const grouped = previous !== undefined && isOneLiner(previous) && isOneLiner(decl);
    const start = lines.length;
    printDeclaration(decl, lines);
    if (previous !== undefined && !grouped && lines[start] !== undefined) lines[start]!.blankBefore = true;
    previous = decl;
  }
  return render(placeComments(lines, comments));
}

function isOneLiner(d: Declaration): boolean {
  return d.kind === 'account' || d.kind === 'region' || d.kind === 'identity-center';
}

function line(lines: Line[], depth: number, text: string, anchor: number, close = false): void {
  lines.push({ depth, text, anchor, close, blankBefore: false });
}

function block(lines: Line[], header: string, decl: Declaration, body: (push: (text: string, anchor: number) => void) => void): void {
  line(lines, 0, `${header} {`, decl.span.offset);
  body((t, anchor) => line(lines, 1, t, anchor));
  line(lines, 0, '}', Math.max(decl.span.offset, decl.span.endOffset - 1), true);
}

function printDeclaration(decl: Declaration, lines: Line[]): void {
  switch (decl.kind) {
    case 'account':
      return line(lines, 0, `account ${name(decl.name)} = ${accountId(decl.id)}`, decl.span.offset);
    case 'region':
      return line(lines, 0, `region ${name(decl.region)}`, decl.span.offset);
    case 'identity-center':
      return line(lines, 0, `identity-center region ${name(decl.region)}`, decl.span.offset);
    case 'role':
      return printRole(decl, lines);
    case 'boundary':
      return printBoundary(decl, lines);
    case 'guardrail':
      return printGuardrail(decl, lines);
    case 'permission-set':
      return printPermissionSet(decl, lines);
    case 'analyzer':
      return printAnalyzer(decl, lines);
  }
}

function printRole(role: RoleDecl, lines: Line[]): void {
  const boundary = role.boundary !== undefined ? ` bounded-by ${name(role.boundary)}` : '';
  block(lines, `role ${name(role.name)} for ${principal(role.principal)} in ${name(role.account)}${boundary}`, role, (push) => {
    for (const s of role.settings) push(`${s.name.value} ${s.name.value === 'max-session' ? duration(s.value) : text(s.value)}`, s.span.offset);
    for (const m of role.managedPolicies) push(managedPolicy(m), m.span.offset);
    for (const g of role.grants) push(grantLike(g), g.span.offset);
  });
}

function managedPolicy(m: ManagedPolicyRef): string {
  const path = m.path !== undefined ? ` path ${text(m.path)}` : '';
  return `${m.customer ? 'customer-managed' : 'managed-policy'} ${text(m)}${path}${because(m.because)}`;
}

function principal(p: Principal): string {
  switch (p.kind) {
    case 'lambda':
      return `lambda ${text(p.function)}${because(p.because)}`;
    case 'ec2':
    case 'ecs-task':
    case 'ecs-execution':
      return p.kind;
    case 'github':
      return `github ${text(p.repo)} ${p.refs.map((r) => `${r.kind}${r.kind !== 'pull-request' && r.value !== undefined ? ` ${text(r.value)}` : ''}`).join(', ')}`;
    case 'azure-devops':
      return `azure-devops ${p.connections.map(text).join(', ')} organization-id ${text(p.organizationId)}`;
    case 'role':
      return `role ${text(p.role)} in ${name(p.account)}${trust(p.externalId, p.mfa !== undefined)}`;
    case 'account':
      return `account ${name(p.account)}${trust(p.externalId, p.mfa !== undefined)}${because(p.because)}`;
    case 'service':
      return `service ${text(p.host)}`;
    case 'sso':
      return `sso permission-set ${text(p.permissionSet)} in ${name(p.account)}`;
  }
}

function trust(externalId: Word | undefined, mfa: boolean): string {
  return `${externalId !== undefined ? ` external-id ${text(externalId)}` : ''}${mfa ? ' mfa' : ''}`;
}

function because(reason: Word | undefined): string {
  return reason !== undefined ? ` because ${text(reason)}` : '';
}

function conditions(cs: readonly Condition[]): string {
  if (cs.length === 0) return '';
  return ` when ${cs.map(condition).join(' and ')}`;
}

function condition(c: Condition): string {
  switch (c.kind) {
    case 'mfa':
      return 'mfa';
    case 'without-mfa':
      return 'without mfa';
    case 'tag':
      return `tag ${text(c.key)} = ${text(c.value)}`;
    default:
      return `${c.kind} ${text(c.value)}`;
  }
}

function grantLike(g: GrantLike): string {
  return g.kind === 'grant' ? grant(g) : raw(g);
}

function grant(g: Grant): string {
  // A targetless grant (`write xray traces`) prints no target; its clauses follow the three words.
  const targets = g.targets.length > 0 || g.targetList ? ` ${textOrList(g.targets, g.targetList)}` : '';
  const options = (g.options ?? []).map((o) => ` ${name(o.name)} ${text(o.value)}`).join('');
  const account = g.account !== undefined ? ` in ${name(g.account)}` : '';
  const to = g.to !== undefined ? ` to ${name(g.to)}` : '';
  return `${verb(g.verb)} ${name(g.service)} ${name(g.resourceType)}${targets}${options}${account}${to}${conditions(g.conditions)}${because(g.because)}`;
}

function raw(r: RawStatement): string {
  return `${r.effect.value} ${textOrList(r.actions, r.actionList)} on ${textOrList(r.resources, r.resourceList)}${conditions(r.conditions)}${because(r.because)}`;
}

function printBoundary(b: BoundaryDecl, lines: Line[]): void {
  block(lines, `boundary ${name(b.name)}`, b, (push) => {
    if (b.allowServices.length > 0) push(`allow services ${nameList(b.allowServices)}`, b.allowServices[0]!.span.offset);
    if (b.delegateRoleCreation !== undefined) push('delegate role-creation', b.delegateRoleCreation.offset);
    for (const s of b.statements) push(raw(s), s.span.offset);
  });
}

function attachTarget(t: AttachTarget): string {
  if (t.kind === 'root' || t.id === undefined) return 'root';
  return t.kind === 'ou' ? `ou ${text(t.id)}` : `account ${name(t.id)}`;
}

function guardRule(r: GuardRule): string {
  switch (r.kind) {
    case 'deny':
    case 'protect':
      return `${r.kind} ${name(r.name)}`;
    case 'restrict-regions':
      return `restrict regions ${textList(r.regions)}${r.except.length > 0 ? ` except ${nameList(r.except)}` : ''}`;
    case 'raw':
      return raw(r);
  }
}

function printGuardrail(g: GuardrailDecl, lines: Line[]): void {
  const attach = g.attachTo.length > 0 ? ` attach-to ${g.attachTo.map(attachTarget).join(', ')}` : '';
  block(lines, `guardrail ${name(g.name)}${attach}`, g, (push) => {
    for (const r of g.rules) push(guardRule(r), r.span.offset);
    for (const e of g.exempt) push(`exempt role ${text(e)}`, e.span.offset);
    for (const e of g.exemptPermissionSets ?? []) push(`exempt permission-set ${text(e)}`, e.span.offset);
  });
}

function printPermissionSet(p: PermissionSetDecl, lines: Line[]): void {
  const session = p.session !== undefined ? ` session ${duration(p.session)}` : '';
  block(lines, `permission-set ${name(p.name)}${session}`, p, (push) => {
    if (p.description !== undefined) push(`description ${text(p.description)}`, p.description.span.offset);
    if (p.boundary !== undefined) push(`bounded-by ${name(p.boundary)}`, p.boundary.span.offset);
    for (const m of p.managedPolicies) push(managedPolicy(m), m.span.offset);
    for (const g of p.grants) push(grantLike(g), g.span.offset);
    for (const a of p.assignments) push(`assign ${a.kind} ${text(a.principalId)} to ${nameList(a.accounts)}`, a.span.offset);
  });
}

function printAnalyzer(a: AnalyzerDecl, lines: Line[]): void {
  block(lines, `analyzer ${name(a.name)} scope ${a.scope.value}`, a, (push) => {
    for (const r of a.archives) push(`archive principal ${name(r.value)}${because(r.because)}`, r.span.offset);
    if (a.alert !== undefined) push('alert', a.alert.offset);
  });
}

/**
 * Puts comments back, by source position rather than output position, so a comment travels with
 * the line it belongs to when the layout reorders lines (settings print before grants). A comment
 * after code on its line trails the output line that starts nearest before it; a comment on its
 * own line goes right before the output line that starts nearest after it (inside the block when
 * that line is a closing brace), or at the end of the file.
 */
function placeComments(lines: Line[], comments: readonly PrintComment[]): Line[] {
  if (comments.length === 0) return lines;
  const before = new Map<number, PrintComment[]>();
  const trailing = new Map<number, PrintComment[]>();
  const atEnd: PrintComment[] = [];
  for (const c of [...comments].sort((a, b) => a.offset - b.offset)) {
    if (c.trailing) {
      let at = -1;
      for (let i = 0; i < lines.length; i++) if (lines[i]!.anchor <= c.offset && (at < 0 || lines[i]!.anchor >= lines[at]!.anchor)) at = i;
      if (at >= 0) {
        push(trailing, at, c);
        continue;
      }
    }
    let at = -1;
    for (let i = 0; i < lines.length; i++) if (lines[i]!.anchor > c.offset && (at < 0 || lines[i]!.anchor < lines[at]!.anchor)) at = i;
    if (at >= 0) push(before, at, c);
    else atEnd.push(c);
  }
  const out: Line[] = [];
  lines.forEach((l, i) => {
    const lead = before.get(i) ?? [];
    const depth = l.close ? l.depth + 1 : l.depth;
    let blank = l.blankBefore;
    for (const c of lead) {
      out.push({ depth, text: c.text, anchor: c.offset, close: false, blankBefore: blank });
      blank = c.blankAfter;
    }
    const [first, ...rest] = trailing.get(i) ?? [];
    out.push({ ...l, blankBefore: blank, text: first !== undefined ? `${l.text}  ${first.text}` : l.text });
    // A second comment on one line cannot trail the same printed line; it follows it instead.
    for (const c of rest) out.push({ depth: l.text.endsWith('{') ? l.depth + 1 : l.depth, text: c.text, anchor: c.offset, close: false, blankBefore: false });
  });
  let blank = out.length > 0;
  for (const c of atEnd) {
    out.push({ depth: 0, text: c.text, anchor: c.offset, close: false, blankBefore: blank });
    blank = c.blankAfter;
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function render(lines: readonly Line[]): string {
  let out = '';
  lines.forEach((l, i) => {
    if (l.blankBefore && i > 0) out += '\n';
    out += `${'  '.repeat(l.depth)}${l.text}\n`;
  });
  return out;
}
