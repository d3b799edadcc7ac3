/**
 * The YAML front end: `.iam.yaml` text to the same AST the DSL produces (docs/language.md), one key per
 * DSL word. Only shape is checked here; whether a verb, account or region exists is `resolve`'s
 * question, asked once for both syntaxes.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type YAMLError } from 'yaml';
import { DiagnosticBag, sortDiagnostics, type Result } from '../../diagnostics/diagnostic.js';
import { closest, didYouMean } from '../../diagnostics/did-you-mean.js';
import { LineIndex, type Span } from '../../diagnostics/span.js';
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
  GithubRef,
  GithubRefKind,
  GrantOption,
  GuardRule,
  GuardrailDecl,
  ManagedPolicyRef,
  PermissionSetDecl,
  Principal,
  RawStatement,
  RoleDecl,
  Setting,
  SettingName,
  SourceFile,
  Word,
} from '../ast.js';
import { checkInput } from './input-guard.js';
import { NodeReader, scalarKey, type Entry, type MappingView, type Place } from './node-reader.js';
import { OPTION_WORDS, TARGETLESS } from '../../../grammar/pattern-forms.js';

/** Grants whose pattern takes no target (generated with the keyword list). */
const TARGETLESS_GRANTS: ReadonlySet<string> = new Set(TARGETLESS);
/** Keys of a grant mapping besides its pattern and options. */
const CLAUSE_KEYS: readonly string[] = ['in', 'to', 'when', 'because'];
import { BARE_PRINCIPALS, MAPPINGS, ROLE_SETTINGS, SCOPES, UNIONS } from './shape.js';

/** The keys of a GitHub principal that name refs (`branch`, `environment`, `tag`, `pull-request`). */
const GITHUB_REF_KINDS: readonly string[] = MAPPINGS['github-principal'].atLeastOne ?? [];

export function parseYaml(path: string, text: string): Result<SourceFile> {
  const index = new LineIndex(path, text);
  const empty: SourceFile = { path, declarations: [] };
  const guard = checkInput(index);
  if (guard.length > 0) return { value: empty, diagnostics: guard };

  const bag = new DiagnosticBag();
  // Duplicate keys are reported by the reader, with both places; the parser would name only one.
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false });
  const seen = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    // One misindented line can raise two errors at the same place; the first says it.
    if (seen.has(e.pos[0])) continue;
    seen.add(e.pos[0]);
    const hint = indentHint(text, e);
    bag.add('IAM1101', yamlErrorSpan(index, e), yamlMessage(e), hint !== undefined ? { suggestion: hint } : {});
  }
  if (bag.items.length > 0) return { value: empty, diagnostics: bag.items };

  refuseAliases(doc.contents, index, bag);
  if (bag.items.length > 0) return { value: empty, diagnostics: sortDiagnostics(bag.items) };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    bag.add('IAM1103', index.span(0, text.length), 'the file is empty; an intent file is a mapping with keys such as `accounts` and `roles`');
    return { value: empty, diagnostics: bag.items };
  }
  const declarations = new YamlToAst(new NodeReader(index, bag)).program(root, index.span(0, 0));
  return { value: { path, declarations }, diagnostics: sortDiagnostics(bag.items) };
}

function yamlErrorSpan(index: LineIndex, e: YAMLError): Span {
  // The parser may place an end-of-input error one past the last character.
  const text = index.text;
  const start = Math.min(e.pos[0], text.length);
  if (e.code === 'BAD_INDENT') {
    // The parser points at the indentation; the mistake is the key that starts after it.
    const word = /^[ \t]*([^\s:#][^:\n#]*)/.exec(text.slice(start));
    if (word?.[1] !== undefined) {
      const at = start + word[0].length - word[1].length;
      return index.span(at, at + word[1].trimEnd().length);
    }
  }
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'BLOCK_AS_IMPLICIT_KEY') {
    // A key indented too deep on the next line: point at it rather than at the value above.
    const next = DEEPER_KEY.exec(text.slice(start));
    if (next?.[1] !== undefined) {
      const at = start + next.index + next[0].indexOf(next[1], 1);
      return index.span(at, at + next[1].length);
    }
  }
  return index.span(start, Math.min(Math.max(start, e.pos[1]), text.length));
}

/** The first key of the line after a value (`family` in `prod/web⏎    family: web`). */
const DEEPER_KEY = /\n[ \t]*([A-Za-z][\w-]*)[ \t]*:/;

/**
 * Misindented keys are the usual way an option or clause ends up outside its grant
 * (`family:` under the `-`, or deeper than the grant's key): the help says where it goes.
 */
function indentHint(text: string, e: YAMLError): string | undefined {
  const place = 'keys of one mapping start at the same column: in a grant, `family`, `when`, `because` and `in` start at the column of the grant\'s own key, two spaces past its `-`';
  if (e.code === 'BAD_INDENT') return place;
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const next = DEEPER_KEY.exec(text.slice(e.pos[0]));
    const key = next?.[1];
    // `- write xray traces` then `because: …` under it: the plain form has no place for clauses.
    const lineStart = text.lastIndexOf('\n', e.pos[0] - 1) + 1;
    const plain = /^[ \t]*-[ \t]+([a-z0-9-]+ [a-z0-9-]+ [a-z0-9-]+)[ \t]*$/.exec(text.slice(lineStart, text.indexOf('\n', e.pos[0]) < 0 ? undefined : text.indexOf('\n', e.pos[0])));
    if (key !== undefined && plain?.[1] !== undefined) return `a grant written as a plain string takes no \`${key}\`: end it with a colon, \`- ${plain[1]}:\`, and line \`${key}\` up under it, two spaces past the \`-\``;
    return key !== undefined ? `\`${key}\` is indented deeper than the key above it, so YAML reads it as part of that key's value; ${place}` : undefined;
  }
  return undefined;
}

/** The parser's reason in the house voice: lowercase first letter, no final period. */
function yamlMessage(e: YAMLError): string {
  const reason = e.message.replace(/[.\s]+$/, '');
  return `invalid YAML: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}

/**
 * Aliases (and the anchors they name) are refused: an intent reads best spelled out, and
 * expanding aliases is how a small file becomes a huge one. The walk is iterative so that no
 * input shape can exhaust the stack.
 */
function refuseAliases(root: unknown, index: LineIndex, bag: DiagnosticBag): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const range = (node as { range?: [number, number, number] | null }).range;
    const span = range ? index.span(range[0], range[1]) : index.span(0, 0);
    if (isAlias(node)) {
      bag.add('IAM1103', span, `aliases are not allowed; write the value out instead of \`*${node.source}\``);
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) bag.add('IAM1103', span, `anchors are not allowed; remove \`&${anchor}\``);
    if (isMap(node)) for (const p of node.items) stack.push(p.value, p.key);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isPair(node)) stack.push(node.value, node.key);
  }
}

/** Spreads `{ [key]: value }` only when the value is present, so optional AST fields stay absent. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

class YamlToAst {
  constructor(private readonly r: NodeReader) {}

  program(root: unknown, start: Span): Declaration[] {
    const view = this.r.mapping(root, 'program', { what: 'the file', at: this.r.span(root, start) });
    if (!view) return [];
    const out: Declaration[] = [];
    for (const e of view.entries) {
      const place = { what: `\`${e.key}\``, at: e.keySpan };
      switch (e.key) {
        case 'accounts':
          for (const n of this.r.names(e.value, place)) {
            const id = this.r.word(n.value, { what: `the id of account \`${n.name.value}\``, at: n.name.span });
            if (id) out.push({ kind: 'account', name: n.name, id, span: n.span } satisfies AccountDecl);
          }
          break;
        case 'region': {
          const region = this.r.word(e.value, place);
          if (region) out.push({ kind: 'region', region, span: e.span });
          break;
        }
        case 'roles':
          for (const n of this.r.names(e.value, place)) push(out, this.role(n.name, n.value, n.span));
          break;
        case 'boundaries':
          for (const n of this.r.names(e.value, place)) push(out, this.boundary(n.name, n.value, n.span));
          break;
        case 'guardrails':
          for (const n of this.r.names(e.value, place)) push(out, this.guardrail(n.name, n.value, n.span));
          break;
        case 'permission-sets':
          for (const n of this.r.names(e.value, place)) push(out, this.permissionSet(n.name, n.value, n.span));
          break;
        case 'analyzers':
          for (const n of this.r.names(e.value, place)) push(out, this.analyzer(n.name, n.value, n.span));
          break;
        case 'identity-center': {
          const view = this.r.mapping(e.value, 'identity-center', place);
          const region = view && this.optWord(view, 'region', '`identity-center`');
          if (region) out.push({ kind: 'identity-center', region, span: e.span });
          break;
        }
      }
    }
    return out;
  }

  // ── roles ───────────────────────────────────────────────────────────────────────────

  private role(name: Word, node: unknown, span: Span): RoleDecl | undefined {
    const what = `role \`${name.value}\``;
    const view = this.r.mapping(node, 'role', { what, at: name.span });
    if (!view) return undefined;
    const forEntry = this.r.get(view, 'for');
    const principal = forEntry && this.principal(forEntry, what);
    const account = this.optWord(view, 'in', what);
    const boundary = this.optWord(view, 'bounded-by', what);
    const settings: Setting[] = [];
    for (const e of view.entries) {
      if (!(ROLE_SETTINGS as readonly string[]).includes(e.key)) continue;
      const value = this.r.word(e.value, { what: `\`${e.key}\` of ${what}`, at: e.keySpan });
      if (value) settings.push({ kind: 'setting', name: { value: e.key as SettingName, span: e.keySpan }, value, span: e.span });
    }
    const managedPolicies = this.managedPolicies(view);
    const grants = this.grants(view, what);
    if (!principal || !account) return undefined;
    return { kind: 'role', name, principal, account, ...opt('boundary', boundary), settings, managedPolicies, grants, span };
  }

  private principal(entry: Entry, owner: string): Principal | undefined {
    const node = entry.value;
    const span = this.r.span(node, entry.keySpan);
    const place = { what: `the \`for\` of ${owner}`, at: entry.keySpan };
    const kinds = UNIONS.principal.variants.map((v) => v.key ?? '');
    if (isScalar(node) && typeof node.value === 'string' && kinds.includes(node.value)) {
      this.r.report('IAM1107', span, `\`${node.value}\` needs a value here`, `write \`for: { ${node.value}: … }\``);
      return undefined;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      const word = node.value;
      if ((BARE_PRINCIPALS as readonly string[]).includes(word)) return { kind: word as (typeof BARE_PRINCIPALS)[number], span };
      const near = closest(word, [...BARE_PRINCIPALS, ...kinds]);
      const suggestion = near === undefined ? undefined : kinds.includes(near) ? `did you mean \`for: { ${near}: … }\`?` : `did you mean \`${near}\`?`;
      this.r.report('IAM1107', span, `\`${word}\` is not a principal`, suggestion);
      return undefined;
    }
    if (!isMap(node)) {
      const bare = this.r.choice(node, BARE_PRINCIPALS, 'principal', place);
      return bare && { kind: bare.value, span };
    }
    const picked = this.r.union(node, 'principal', place);
    if (!picked) return undefined;
    const { shape, view } = picked;
    const what = `the principal of ${owner}`;
    const w = (key: string): Word | undefined => this.optWord(view, key, what);
    switch (shape) {
      case 'lambda-principal': {
        const fn = w('lambda');
        const because = w('because');
        return fn && { kind: 'lambda', function: fn, ...opt('because', because), span };
      }
      case 'github-principal': {
        const repo = w('github');
        // Each ref key may hold one name or a list; together they mean OR, in the order written.
        const refs: GithubRef[] = [];
        let ok = true;
        for (const refEntry of view.entries.filter((e) => GITHUB_REF_KINDS.includes(e.key))) {
          if (refEntry.key === 'pull-request') {
            const on = this.r.flag(refEntry, { what: '`pull-request`', at: refEntry.keySpan });
            if (!on) {
              if (isScalar(refEntry.value) && refEntry.value.value === false) {
                this.r.report('IAM1107', refEntry.span, '`pull-request: false` selects no workflow', 'write `pull-request: true`, or give a `branch`, `environment` or `tag`');
              }
              ok = false;
              continue;
            }
            refs.push({ kind: 'pull-request', span: refEntry.span });
            continue;
          }
          const kind = refEntry.key as Exclude<GithubRefKind, 'pull-request'>;
          const values = this.r.words(refEntry.value, { what: `\`${refEntry.key}\` of ${what}`, at: refEntry.keySpan }, true);
          if (!values) ok = false;
          for (const value of values?.words ?? []) refs.push({ kind, value, span: values!.list ? value.span : refEntry.span });
        }
        return repo && ok && refs.length > 0 ? { kind: 'github', repo, refs, span } : undefined;
      }
      case 'azure-devops-principal': {
        const entry = view.entries.find((e) => e.key === 'azure-devops');
        const connections = entry && this.r.words(entry.value, { what: `\`azure-devops\` of ${what}`, at: entry.keySpan }, true);
        const organizationId = w('organization-id');
        return connections && organizationId && { kind: 'azure-devops', connections: connections.words, organizationId, span };
      }
      case 'role-principal': {
        const role = w('role');
        const account = w('in');
        const externalId = w('external-id');
        const mfa = this.optFlag(view, 'mfa', what);
        return role && account && { kind: 'role', role, account, ...opt('externalId', externalId), ...opt('mfa', mfa), span };
      }
      case 'account-principal': {
        const account = w('account');
        const externalId = w('external-id');
        const mfa = this.optFlag(view, 'mfa', what);
        const because = w('because');
        return account && { kind: 'account', account, ...opt('externalId', externalId), ...opt('mfa', mfa), ...opt('because', because), span };
      }
      case 'service-principal': {
        const host = w('service');
        return host && { kind: 'service', host, span };
      }
      case 'sso-principal': {
        const permissionSet = w('sso-permission-set');
        const account = w('in');
        return permissionSet && account && { kind: 'sso', permissionSet, account, span };
      }
      default:
        return undefined;
    }
  }

  // ── grants ──────────────────────────────────────────────────────────────────────────

  private grants(view: MappingView, owner: string): GrantLike[] {
    const entry = this.r.get(view, 'grants');
    if (!entry) return [];
    return this.r.list(entry.value, { what: `\`grants\` of ${owner}`, at: entry.keySpan }, false, (node, at) => this.grantLike(node, at, owner));
  }

  private grantLike(node: unknown, at: Span, owner: string): GrantLike | undefined {
    // `- write xray traces`: a grant of a pattern that takes no target, written as its three words.
    if (isScalar(node) && typeof node.value === 'string') return this.plainGrant(node, at);
    const picked = this.r.union(node, 'grant', { what: `a grant of ${owner}`, at });
    if (!picked) return undefined;
    return picked.shape === 'raw' ? this.raw(picked.view, owner) : this.grant(picked.view, owner);
  }

  private plainGrant(node: unknown, at: Span): Grant | undefined {
    const span = this.r.span(node, at);
    const parts = this.grantWords({ key: String((node as { value: string }).value), keySpan: span, value: null, span });
    if (!parts) return undefined;
    const [verb, service, resourceType] = parts;
    return { kind: 'grant', verb, service, resourceType, targets: [], targetList: false, conditions: [], span };
  }

  private grant(view: MappingView, owner: string): Grant | undefined {
    const what = `a grant of ${owner}`;
    const key = view.grantEntry;
    if (!key) return undefined;
    const parts = this.grantWords(key);
    // `write xray traces:` with nothing after the colon: no target, as in the plain string form.
    const empty = key.value === null || (isScalar(key.value) && key.value.value === null);
    if (!empty && this.misplacedTarget(key)) return undefined;
    const targets = empty ? { words: [], list: false } : this.r.words(key.value, { what: `the target of \`${key.key}\``, at: key.keySpan }, true);
    const options = (view.optionEntries ?? []).map((e) => {
      if (this.misshapenOption(e, key.key)) return undefined;
      const value = this.r.word(e.value, { what: `option \`${e.key}\` of ${what}`, at: e.keySpan });
      return value === undefined ? undefined : { name: { value: e.key, span: e.keySpan }, value, span: e.span };
    });
    const account = this.optWord(view, 'in', what);
    const to = this.optWord(view, 'to', what);
    const conditions = this.conditions(view, what);
    const because = this.optWord(view, 'because', what);
    if (!parts || !targets || !conditions || options.some((o) => o === undefined)) return undefined;
    const [verb, service, resourceType] = parts;
    return {
      kind: 'grant',
      verb,
      service,
      resourceType,
      targets: targets.words,
      targetList: targets.list,
      ...(options.length > 0 ? { options: options as GrantOption[] } : {}),
      ...opt('account', account),
      ...opt('to', to),
      conditions,
      ...opt('because', because),
      span: view.span,
    };
  }

  /**
   * Shapes of a grant's value that look plausible and are not one: an empty list after a grant
   * that takes no target (`- write xray traces: []`), and options or clauses written inside the
   * target (`deploy ecs service: { prod/web: { family: web } }`, `[prod/web, family: web]`).
   * Each is reported with the shape that is meant; true when one was.
   */
  private misplacedTarget(key: Entry): boolean {
    const value = key.value;
    const span = this.r.span(value, key.keySpan);
    if (isSeq(value) && value.items.length === 0 && TARGETLESS_GRANTS.has(key.key)) {
      this.r.report('IAM2133', span, `\`${key.key}\` takes no target: its actions are on \`*\`, each with its reason`, `write the grant as a plain string, \`- ${key.key}\`, or \`- ${key.key}:\` with \`when\` or \`because\` under it`);
      return true;
    }
    if (isSeq(value) && value.items.length === 0) {
      this.r.report('IAM1103', span, `the target of \`${key.key}\` must not be an empty list`, `name at least one target (\`iamc stdlib ${key.key.split(' ')[1] ?? ''}\` shows what it is), or remove the grant`);
      return true;
    }
    const inner = isMap(value) ? value : isSeq(value) ? value.items.find(isMap) : undefined;
    if (inner === undefined) return false;
    const keys = inner.items.map((p) => scalarKey(p)).filter((k): k is string => k !== undefined);
    const clause = keys.find((k) => Object.hasOwn(OPTION_WORDS, k) || CLAUSE_KEYS.includes(k));
    const help = clause !== undefined
      ? `\`${clause}: …\` is a key of the grant itself: write the target after \`${key.key}:\`, and \`${clause}\` on the next line, lined up under \`${key.key}\``
      : `write the target as a string, \`- ${key.key}: NAME\`, or a list of strings; options and clauses (\`when\`, \`because\`, \`in\`) are keys of the grant itself, lined up under \`${key.key}\``;
    this.r.report('IAM1103', this.r.span(inner, key.keySpan), `the target of \`${key.key}\` must be a string or a list of strings, not a mapping`, help);
    return true;
  }

  /** An option written as a mapping (`options: { family: web }`) or as a list (`family: [a, b]`). */
  private misshapenOption(entry: Entry, grantKey: string): boolean {
    const value = entry.value;
    // `options: [ { family: web } ]` is the same grouping as `options: { family: web }`.
    const maps = isMap(value) ? [value] : isSeq(value) && !Object.hasOwn(OPTION_WORDS, entry.key) ? value.items.filter(isMap) : [];
    if (maps.length > 0) {
      const keys = maps.flatMap((m) => m.items.map((p) => scalarKey(p))).filter((k): k is string => k !== undefined);
      const shown = keys.length > 0 ? keys.map((k) => `\`${k}: …\``).join(', ') : '`family: …`';
      this.r.report('IAM1103', entry.keySpan, `\`${entry.key}\` of \`${grantKey}\` must be a string, not ${isMap(value) ? 'a mapping' : 'a list of mappings'}: options are keys of the grant itself, not grouped under one`,
        `write ${shown} directly under \`${grantKey}\`, in place of \`${entry.key}:\``);
      return true;
    }
    if (isSeq(value)) {
      this.r.report('IAM1103', this.r.span(value, entry.keySpan), `option \`${entry.key}\` of \`${grantKey}\` takes one value, not a list`,
        'for several values write one grant for each');
      return true;
    }
    return false;
  }

  /** `consume sqs queue` into three words, each with its own span inside the key. */
  private grantWords(entry: Entry): [Word, Word, Word] | undefined {
    const parts = entry.key.split(' ');
    if (parts.length !== 3 || parts.some((p) => p === '' || /\s/.test(p))) {
      const lone = parts.length === 1 ? didYouMean(entry.key, ['allow', 'deny']) : undefined;
      this.r.report('IAM1106', entry.keySpan, `\`${entry.key}\` is not a grant; a grant key reads \`VERB SERVICE RESOURCE-TYPE\`, one space between words`, lone ?? 'e.g. `consume sqs queue: NAME`, or `allow: ACTION` with `on: RESOURCE`');
      return undefined;
    }
    const start = this.keyTextStart(entry);
    let offset = 0;
    const words = parts.map((value) => {
      const span = start === undefined ? entry.keySpan : this.r.spanAt(start + offset, start + offset + value.length);
      offset += value.length + 1;
      return { value, span };
    });
    return words as [Word, Word, Word];
  }

  /** Where the key's characters start in the file, when the key is written as its plain text. */
  private keyTextStart(entry: Entry): number | undefined {
    const { offset, endOffset } = entry.keySpan;
    const written = this.r.text(offset, endOffset);
    if (written === entry.key) return offset;
    if (written.length === entry.key.length + 2 && written.slice(1, -1) === entry.key) return offset + 1;
    return undefined;
  }

  private raw(view: MappingView, owner: string): RawStatement | undefined {
    const what = `a statement of ${owner}`;
    const effectEntry = view.entries.find((e) => e.key === 'allow' || e.key === 'deny');
    const onEntry = this.r.get(view, 'on');
    if (!effectEntry || !onEntry) return undefined;
    const actions = this.r.words(effectEntry.value, { what: `the actions of \`${effectEntry.key}\``, at: effectEntry.keySpan }, true);
    const resources = this.r.words(onEntry.value, { what: '`on`', at: onEntry.keySpan }, true);
    const conditions = this.conditions(view, what);
    const because = this.optWord(view, 'because', what);
    if (!actions || !resources || !conditions) return undefined;
    return {
      kind: 'raw',
      effect: { value: effectEntry.key as 'allow' | 'deny', span: effectEntry.keySpan },
      actions: actions.words,
      actionList: actions.list,
      resources: resources.words,
      resourceList: resources.list,
      conditions,
      ...opt('because', because),
      span: view.span,
    };
  }

  /** `when:` as one mapping or a list of them (a list lets a kind repeat); in the order written. */
  private conditions(view: MappingView, owner: string): Condition[] | undefined {
    const entry = this.r.get(view, 'when');
    if (!entry) return [];
    const place = { what: `\`when\` of ${owner}`, at: entry.keySpan };
    const maps = isSeq(entry.value) ? entry.value.items : [entry.value];
    const out: Condition[] = [];
    for (const node of maps) {
      const cv = this.r.mapping(node, 'conditions', place);
      if (!cv) continue;
      for (const c of cv.entries) {
        const cplace = { what: `the \`${c.key}\` condition`, at: c.keySpan };
        switch (c.key) {
          case 'vpc-endpoint':
          case 'source-ip':
          case 'org':
          case 'principal-org': {
            const value = this.r.word(c.value, cplace);
            if (value) out.push({ kind: c.key, value, span: c.span });
            break;
          }
          case 'mfa':
          case 'without-mfa': {
            const on = this.r.flag(c, cplace);
            if (on) out.push({ kind: c.key, span: on });
            break;
          }
          case 'tag':
            for (const t of this.r.names(c.value, cplace)) {
              const value = this.r.word(t.value, { what: `the value of tag \`${t.name.value}\``, at: t.name.span });
              if (value) out.push({ kind: 'tag', key: t.name, value, span: t.span });
            }
            break;
        }
      }
    }
    return out;
  }

  // ── boundaries, guardrails ──────────────────────────────────────────────────────────

  private boundary(name: Word, node: unknown, span: Span): BoundaryDecl | undefined {
    const what = `boundary \`${name.value}\``;
    const view = this.r.mapping(node, 'boundary', { what, at: name.span });
    if (!view) return undefined;
    const services = this.optWords(view, 'allow-services', what);
    const delegate = this.optFlag(view, 'delegate-role-creation', what);
    const stmts = this.r.get(view, 'statements');
    const statements = stmts
      ? this.r.list(stmts.value, { what: `\`statements\` of ${what}`, at: stmts.keySpan }, false, (n, at) => {
          const v = this.r.mapping(n, 'raw', { what: `a statement of ${what}`, at });
          return v && this.raw(v, what);
        })
      : [];
    return { kind: 'boundary', name, allowServices: services ?? [], ...opt('delegateRoleCreation', delegate), statements, span };
  }

  private guardrail(name: Word, node: unknown, span: Span): GuardrailDecl | undefined {
    const what = `guardrail \`${name.value}\``;
    const view = this.r.mapping(node, 'guardrail', { what, at: name.span });
    if (!view) return undefined;
    const attach = this.r.get(view, 'attach-to');
    const attachTo = attach ? this.r.list(attach.value, { what: '`attach-to`', at: attach.keySpan }, true, (n, at) => this.attachTarget(n, at)) : [];
    const rulesEntry = this.r.get(view, 'rules');
    const rules = rulesEntry ? this.r.list(rulesEntry.value, { what: `\`rules\` of ${what}`, at: rulesEntry.keySpan }, false, (n, at) => this.guardRule(n, at, what)) : [];
    const exemptEntry = this.r.get(view, 'exempt');
    const exemptions = exemptEntry
      ? this.r.list(exemptEntry.value, { what: '`exempt`', at: exemptEntry.keySpan }, true, (n, at) => {
          const v = this.r.mapping(n, 'exempt', { what: 'an exemption', at });
          if (!v) return undefined;
          const set = this.optWord(v, 'permission-set', 'an exemption');
          if (set) return { kind: 'permission-set' as const, word: set };
          const role = this.optWord(v, 'role', 'an exemption');
          return role && { kind: 'role' as const, word: role };
        })
      : [];
    const exempt = exemptions.filter((e) => e.kind === 'role').map((e) => e.word);
    const sets = exemptions.filter((e) => e.kind === 'permission-set').map((e) => e.word);
    if (!attach) return undefined;
    return { kind: 'guardrail', name, attachTo, rules, exempt, ...(sets.length > 0 ? { exemptPermissionSets: sets } : {}), span };
  }

  private attachTarget(node: unknown, at: Span): AttachTarget | undefined {
    const place = { what: 'an `attach-to` target', at };
    if (isScalar(node)) {
      const root = this.r.choice(node, ['root'] as const, 'attach target', place);
      return root && { kind: 'root', span: root.span };
    }
    const view = this.r.mapping(node, 'attach-target', place);
    const entry = view?.entries.find((e) => e.key === 'ou' || e.key === 'account');
    if (!view || !entry) return undefined;
    const id = this.r.word(entry.value, { what: `\`${entry.key}\``, at: entry.keySpan });
    return id && { kind: entry.key as 'ou' | 'account', id, span: view.span };
  }

  private guardRule(node: unknown, at: Span, owner: string): GuardRule | undefined {
    const picked = this.r.union(node, 'guard-rule', { what: `a rule of ${owner}`, at });
    if (!picked) return undefined;
    const { shape, view } = picked;
    const what = `a rule of ${owner}`;
    switch (shape) {
      case 'deny-rule': {
        const entry = this.r.get(view, 'deny');
        if (entry && isSeq(entry.value)) {
          this.r.report('IAM1103', entry.keySpan, '`deny` without `on` names one stdlib guardrail, not a list', 'to deny actions, add `on: RESOURCES`');
          return undefined;
        }
        const name = this.optWord(view, 'deny', what);
        return name && { kind: 'deny', name, span: view.span };
      }
      case 'protect-rule': {
        const name = this.optWord(view, 'protect', what);
        return name && { kind: 'protect', name, span: view.span };
      }
      case 'restrict-regions-rule': {
        const regions = this.optWords(view, 'restrict-regions', what);
        const except = this.optWords(view, 'except', what);
        return regions && { kind: 'restrict-regions', regions, except: except ?? [], span: view.span };
      }
      default:
        return this.raw(view, owner);
    }
  }

  /**
   * `managed-policies:` of a role or permission set: a name or ARN, `{ policy: NAME-OR-ARN,
   * because: "…" }` when it needs a reason, or `{ customer-managed: NAME, path: /p/ }`.
   */
  private managedPolicies(view: MappingView): ManagedPolicyRef[] {
    const entry = this.r.get(view, 'managed-policies');
    if (!entry) return [];
    return this.r.list(entry.value, { what: '`managed-policies`', at: entry.keySpan }, true, (n, at): ManagedPolicyRef | undefined => {
      if (!isMap(n)) return this.r.word(n, { what: 'a managed policy', at });
      const v = this.r.mapping(n, 'managed-policy', { what: 'a managed policy', at });
      if (!v) return undefined;
      const customer = this.optWord(v, 'customer-managed', 'a managed policy');
      const policy = customer ?? this.optWord(v, 'policy', 'a managed policy');
      const path = this.optWord(v, 'path', 'a managed policy');
      const because = this.optWord(v, 'because', 'a managed policy');
      return policy && { ...policy, ...(customer ? { customer: true as const } : {}), ...opt('path', path), ...opt('because', because) };
    });
  }

  // ── permission sets, analyzers ──────────────────────────────────────────────────────

  private permissionSet(name: Word, node: unknown, span: Span): PermissionSetDecl | undefined {
    const what = `permission set \`${name.value}\``;
    const view = this.r.mapping(node, 'permission-set', { what, at: name.span });
    if (!view) return undefined;
    const session = this.optWord(view, 'session', what);
    const description = this.optWord(view, 'description', what);
    const boundary = this.optWord(view, 'bounded-by', what);
    const managedPolicies = this.managedPolicies(view);
    const grants = this.grants(view, what);
    const assign = this.r.get(view, 'assign');
    const assignments = assign ? this.r.list(assign.value, { what: '`assign`', at: assign.keySpan }, true, (n, at) => this.assignment(n, at)) : [];
    return {
      kind: 'permission-set',
      name,
      ...opt('session', session),
      ...opt('description', description),
      ...opt('boundary', boundary),
      managedPolicies,
      grants,
      assignments,
      span,
    };
  }

  private assignment(node: unknown, at: Span): Assignment | undefined {
    const what = 'an assignment';
    const view = this.r.mapping(node, 'assignment', { what, at });
    if (!view) return undefined;
    const who = view.entries.find((e) => e.key === 'group' || e.key === 'user');
    const principalId = who && this.r.word(who.value, { what: `\`${who.key}\``, at: who.keySpan });
    const accounts = this.optWords(view, 'to', what);
    if (!who || !principalId || !accounts) return undefined;
    return { kind: who.key as 'group' | 'user', principalId, accounts, span: view.span };
  }

  private analyzer(name: Word, node: unknown, span: Span): AnalyzerDecl | undefined {
    const what = `analyzer \`${name.value}\``;
    const view = this.r.mapping(node, 'analyzer', { what, at: name.span });
    if (!view) return undefined;
    const scopeEntry = this.r.get(view, 'scope');
    const scope = scopeEntry && this.r.choice(scopeEntry.value, SCOPES, 'analyzer scope', { what: '`scope`', at: scopeEntry.keySpan });
    const archiveEntry = this.r.get(view, 'archive');
    const archives = archiveEntry
      ? this.r.list(archiveEntry.value, { what: '`archive`', at: archiveEntry.keySpan }, true, (n, at): ArchiveRule | undefined => {
          const v = this.r.mapping(n, 'archive', { what: 'an archive rule', at });
          const value = v && this.optWord(v, 'principal', 'an archive rule');
          const because = v && this.optWord(v, 'because', 'an archive rule');
          return v && value && { kind: 'principal', value, ...opt('because', because), span: v.span };
        })
      : [];
    const alert = this.optFlag(view, 'alert', what);
    if (!scope) return undefined;
    return { kind: 'analyzer', name, scope, archives, ...opt('alert', alert), span };
  }

  // ── optional keys ───────────────────────────────────────────────────────────────────

  private optWord(view: MappingView, key: string, owner: string): Word | undefined {
    const e = this.r.get(view, key);
    return e && this.r.word(e.value, this.place(e, owner));
  }

  private optWords(view: MappingView, key: string, owner: string): Word[] | undefined {
    const e = this.r.get(view, key);
    return e && this.r.words(e.value, this.place(e, owner))?.words;
  }

  private optFlag(view: MappingView, key: string, owner: string): Span | undefined {
    const e = this.r.get(view, key);
    return e && this.r.flag(e, this.place(e, owner));
  }

  private place(e: Entry, owner: string): Place {
    return { what: `\`${e.key}\` of ${owner}`, at: e.keySpan };
  }
}

function push<T>(out: T[], value: T | undefined): void {
  if (value !== undefined) out.push(value);
}
