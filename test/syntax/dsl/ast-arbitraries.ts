/**
 * fast-check arbitraries for the AST: every declaration kind and every optional field, with
 * words drawn from bare names, keywords (they are soft in the DSL) and arbitrary text (quotes,
 * backslashes, control characters, non-BMP). Spans are placeholders; laws compare `stripSpans`.
 * Only ASTs the DSL can write are generated: a non-list target has exactly one word, a GitHub
 * ref has a value unless it is `pull-request`, and `root` has no id.
 */
import fc from 'fast-check';
import type { Condition, Declaration, GrantLike, GuardRule, Principal, RawStatement, SourceFile, Word } from '../../../compiler/syntax/ast.js';
import type { Span } from '../../../compiler/diagnostics/span.js';
import { KEYWORDS } from '../../../grammar/keywords.js';
import { OPTION_WORDS, TARGETLESS } from '../../../grammar/pattern-forms.js';

export const SPAN: Span = { file: 'g.iam', line: 1, column: 1, offset: 0, endLine: 1, endColumn: 1, endOffset: 0 };

const text = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9+.@_/*?:-]{1,12}$/) },
  { weight: 2, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '"', '\\', '#', '[a, b]', '=', '{', 'a b', '${x}', '\u007f', '\n') },
);

export const word: fc.Arbitrary<Word> = text.map((value) => ({ value, span: SPAN }));
const words = (min = 0) => fc.array(word, { minLength: min, maxLength: 3 });
const flag = fc.constant(SPAN);

/** One word, or a list (possibly empty), with the flag that says which. */
const wordsWithList = fc.oneof(
  word.map((w) => ({ words: [w], list: false })),
  words().map((ws) => ({ words: ws, list: true })),
);

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ kind: fc.constantFrom('vpc-endpoint' as const, 'source-ip' as const, 'org' as const), value: word, span: flag }),
  fc.record({ kind: fc.constant('mfa' as const), span: flag }),
  fc.record({ kind: fc.constant('tag' as const), key: word, value: word, span: flag }),
);

export const raw: fc.Arbitrary<RawStatement> = fc
  .record(
    { effect: fc.constantFrom('allow' as const, 'deny' as const), actions: wordsWithList, resources: wordsWithList, conditions: fc.array(condition, { maxLength: 3 }), because: word },
    { requiredKeys: ['effect', 'actions', 'resources', 'conditions'] },
  )
  .map(({ effect, actions, resources, conditions, because }) => ({
    kind: 'raw' as const,
    effect: { value: effect, span: SPAN },
    actions: actions.words,
    actionList: actions.list,
    resources: resources.words,
    resourceList: resources.list,
    conditions,
    ...(because !== undefined ? { because } : {}),
    span: SPAN,
  }));

/** Option clauses the parser reads: words of the stdlib's option table (none when no pattern declares one). */
const optionWords = Object.keys(OPTION_WORDS);
const options = optionWords.length === 0 ? fc.constant([]) : fc.array(fc.record({ name: fc.constantFrom(...optionWords).map((value) => ({ value, span: SPAN })), value: word, span: flag }), { maxLength: 2 });

const grant: fc.Arbitrary<GrantLike> = fc
  .record(
    {
      verb: word,
      service: word,
      resourceType: word,
      targets: wordsWithList,
      options,
      account: word,
      to: word,
      conditions: fc.array(condition, { maxLength: 3 }),
      because: word,
    },
    { requiredKeys: ['verb', 'service', 'resourceType', 'targets', 'options', 'conditions'] },
  )
  .map(({ targets, options, account, to, because, ...rest }) => ({
    kind: 'grant' as const,
    verb: rest.verb,
    service: rest.service,
    resourceType: rest.resourceType,
    targets: targets.words,
    targetList: targets.list,
    ...(options.length > 0 ? { options } : {}),
    ...(account !== undefined ? { account } : {}),
    ...(to !== undefined ? { to } : {}),
    conditions: rest.conditions,
    ...(because !== undefined ? { because } : {}),
    span: SPAN,
  }));

/** A grant of a pattern that takes no target (`write xray traces`): no targets, its clauses still. */
const targetlessGrant: fc.Arbitrary<GrantLike> = fc
  .record(
    { key: fc.constantFrom(...TARGETLESS), account: word, conditions: fc.array(condition, { maxLength: 2 }), because: word },
    { requiredKeys: ['key', 'conditions'] },
  )
  .map(({ key, account, conditions, because }) => {
    const [verb, service, resourceType] = key.split(' ').map((value) => ({ value, span: SPAN })) as [Word, Word, Word];
    return {
      kind: 'grant' as const,
      verb,
      service,
      resourceType,
      targets: [],
      targetList: false,
      ...(account !== undefined ? { account } : {}),
      conditions,
      ...(because !== undefined ? { because } : {}),
      span: SPAN,
    };
  });

const grantLike = fc.oneof({ weight: 3, arbitrary: grant }, { weight: 1, arbitrary: targetlessGrant }, { weight: 1, arbitrary: raw });

const trust = fc.record({ externalId: word, mfa: flag }, { requiredKeys: [] });

const principal: fc.Arbitrary<Principal> = fc.oneof(
  fc.record({ kind: fc.constant('lambda' as const), function: word, span: flag }),
  fc.record({ kind: fc.constantFrom('ec2' as const, 'ecs-task' as const, 'ecs-execution' as const), span: flag }),
  fc.record({
    kind: fc.constant('github' as const),
    repo: word,
    // Several refs, meaning OR, print as `branch "a", environment "b"`.
    refs: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constantFrom('branch' as const, 'environment' as const, 'tag' as const), value: word, span: flag }),
        fc.record({ kind: fc.constant('pull-request' as const), span: flag }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    span: flag,
  }),
  fc.record({ kind: fc.constant('azure-devops' as const), connections: fc.array(word, { minLength: 1, maxLength: 3 }), organizationId: word, span: flag }),
  fc.tuple(word, word, trust).map(([role, account, t]) => ({ kind: 'role' as const, role, account, ...t, span: SPAN })),
  fc
    .tuple(word, trust, fc.option(word, { nil: undefined }))
    .map(([account, t, because]) => ({ kind: 'account' as const, account, ...t, ...(because !== undefined ? { because } : {}), span: SPAN })),
  fc.record({ kind: fc.constant('service' as const), host: word, span: flag }),
  fc.record({ kind: fc.constant('sso' as const), permissionSet: word, account: word, span: flag }),
);

const setting = fc.record({
  kind: fc.constant('setting' as const),
  name: fc.constantFrom('max-session' as const, 'path' as const, 'description' as const).map((value) => ({ value, span: SPAN })),
  value: word,
  span: flag,
});

/** `managed-policy "…"` or `customer-managed "…" [path "…"]`, each with an optional reason. */
const managedPolicies = fc
  .array(fc.record({ policy: word, customer: flag, path: word, because: word }, { requiredKeys: ['policy'] }), { maxLength: 2 })
  .map((ms) =>
    ms.map((m) => ({
      ...m.policy,
      ...(m.customer !== undefined ? { customer: true as const } : {}),
      ...(m.customer !== undefined && m.path !== undefined ? { path: m.path } : {}),
      ...(m.because !== undefined ? { because: m.because } : {}),
    })),
  );

const role = fc
  .record(
    { name: word, principal, account: word, boundary: word, settings: fc.array(setting, { maxLength: 3 }), managedPolicies, grants: fc.array(grantLike, { maxLength: 4 }) },
    { requiredKeys: ['name', 'principal', 'account', 'settings', 'managedPolicies', 'grants'] },
  )
  .map(({ boundary, ...r }) => ({
    kind: 'role' as const,
    name: r.name,
    principal: r.principal,
    account: r.account,
    ...(boundary !== undefined ? { boundary } : {}),
    settings: r.settings,
    managedPolicies: r.managedPolicies,
    grants: r.grants,
    span: SPAN,
  }));

const boundary = fc
  .record({ name: word, allowServices: words(), delegateRoleCreation: flag, statements: fc.array(raw, { maxLength: 3 }) }, { requiredKeys: ['name', 'allowServices', 'statements'] })
  .map(({ delegateRoleCreation, ...b }) => ({
    kind: 'boundary' as const,
    name: b.name,
    allowServices: b.allowServices,
    ...(delegateRoleCreation !== undefined ? { delegateRoleCreation } : {}),
    statements: b.statements,
    span: SPAN,
  }));

const guardRule: fc.Arbitrary<GuardRule> = fc.oneof(
  fc.record({ kind: fc.constantFrom('deny' as const, 'protect' as const), name: word, span: flag }),
  fc.record({ kind: fc.constant('restrict-regions' as const), regions: words(), except: words(), span: flag }),
  raw,
);

const guardrail = fc.record({
  kind: fc.constant('guardrail' as const),
  name: word,
  attachTo: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('root' as const), span: flag }),
      fc.record({ kind: fc.constantFrom('ou' as const, 'account' as const), id: word, span: flag }),
    ),
    { maxLength: 3 },
  ),
  rules: fc.array(guardRule, { maxLength: 4 }),
  exempt: words(),
  exemptPermissionSets: fc.option(words().filter((w) => w.length > 0), { nil: undefined }),
  span: flag,
}, { requiredKeys: ['kind', 'name', 'attachTo', 'rules', 'exempt', 'span'] });

const permissionSet = fc
  .record(
    {
      name: word,
      session: word,
      description: word,
      boundary: word,
      managedPolicies,
      grants: fc.array(grantLike, { maxLength: 3 }),
      assignments: fc.array(fc.record({ kind: fc.constantFrom('group' as const, 'user' as const), principalId: word, accounts: words(), span: flag }), { maxLength: 2 }),
    },
    { requiredKeys: ['name', 'managedPolicies', 'grants', 'assignments'] },
  )
  .map(({ session, description, boundary: b, ...p }) => ({
    kind: 'permission-set' as const,
    name: p.name,
    ...(session !== undefined ? { session } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(b !== undefined ? { boundary: b } : {}),
    managedPolicies: p.managedPolicies,
    grants: p.grants,
    assignments: p.assignments,
    span: SPAN,
  }));

const analyzer = fc
  .record(
    {
      name: word,
      scope: fc.constantFrom('organization' as const, 'account' as const),
      archives: fc.array(
        fc.tuple(word, fc.option(word, { nil: undefined })).map(([value, because]) => ({ kind: 'principal' as const, value, ...(because !== undefined ? { because } : {}), span: SPAN })),
        { maxLength: 2 },
      ),
      alert: flag,
    },
    { requiredKeys: ['name', 'scope', 'archives'] },
  )
  .map(({ alert, scope, ...a }) => ({ kind: 'analyzer' as const, name: a.name, scope: { value: scope, span: SPAN }, archives: a.archives, ...(alert !== undefined ? { alert } : {}), span: SPAN }));

export const declaration: fc.Arbitrary<Declaration> = fc.oneof(
  fc.record({ kind: fc.constant('account' as const), name: word, id: word, span: flag }),
  fc.record({ kind: fc.constant('region' as const), region: word, span: flag }),
  fc.record({ kind: fc.constant('identity-center' as const), region: word, span: flag }),
  role,
  boundary,
  guardrail,
  permissionSet,
  analyzer,
);

export const sourceFile: fc.Arbitrary<SourceFile> = fc.array(declaration, { maxLength: 5 }).map((declarations) => ({ path: 'g.iam', declarations }));
