/**
 * Organisation-level declarations → intent IR: boundaries, guardrails, permission sets, analyzers.
 * Names and ids are checked here, against the formats AWS accepts, so a typo fails at compile time
 * with its span rather than at `terraform apply`.
 */
import { resolveManagedPolicies } from './managed-policies.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { AnalyzerDecl, BoundaryDecl, GuardrailDecl, GuardRule, PermissionSetDecl, Word } from '../syntax/ast.js';
import type {
  AccountRef,
  IntentAnalyzer,
  IntentBoundary,
  IntentGuardrail,
  IntentGuardRule,
  IntentPermissionSet,
  IntentRole,
} from '../ir/intent.js';
import { serviceExists, services } from '../catalogue/catalogue.js';
import { GUARDRAILS, findGuardrail } from '../../stdlib/guardrails.js';
import { PARTITION, resolveAccount, type ResolveContext } from './context.js';
import { checkPermissionSetName, identityCenterRegion } from './principal.js';
import { ssoRoleArnPattern } from '../../stdlib/identity-center-roles.js';
import { resolveGrants, resolveRaw } from './grants.js';
import { AWS_REGIONS, isRegion } from './regions.js';
import { descriptionProblem, isAccountId, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS, parseDuration } from './values.js';

export interface OrganizationDecls {
  readonly boundaries: readonly BoundaryDecl[];
  readonly guardrails: readonly GuardrailDecl[];
  readonly permissionSets: readonly PermissionSetDecl[];
  readonly analyzers: readonly AnalyzerDecl[];
}

export interface ResolvedOrganization {
  readonly boundaries: IntentBoundary[];
  readonly guardrails: IntentGuardrail[];
  readonly permissionSets: IntentPermissionSet[];
  readonly analyzers: IntentAnalyzer[];
}

/** Identity Center's default session when none is given (AWS: PT1H). */
export const DEFAULT_PERMISSION_SET_SESSION_SECONDS = 3600;

/** Name rules from the AWS API references of each resource. */
const NAME_RULES = {
  // IAM CreatePolicy: 1–128 characters of [\w+=,.@-].
  boundary: { pattern: /^[\w+=,.@-]{1,128}$/, hint: '1 to 128 characters of letters, digits and `+=,.@_-`' },
  // Organizations CreatePolicy: 1–128 characters.
  guardrail: { pattern: /^[\w+=,.@ -]{1,128}$/, hint: '1 to 128 characters of letters, digits, spaces and `+=,.@_-`' },
  // SSO Admin CreatePermissionSet: 1–32 characters of [\w+=,.@-].
  'permission-set': { pattern: /^[\w+=,.@-]{1,32}$/, hint: '1 to 32 characters of letters, digits and `+=,.@_-`' },
  // Access Analyzer CreateAnalyzer: [A-Za-z][A-Za-z0-9_.-]*, at most 255 characters.
  analyzer: { pattern: /^[A-Za-z][A-Za-z0-9_.-]{0,254}$/, hint: 'a letter, then up to 254 letters, digits and `_.-`' },
} as const;

/** `roles` are the already-resolved roles (a boundary is created in the accounts of the roles it bounds). */
export function resolveOrganization(ctx: ResolveContext, decls: OrganizationDecls, roles: readonly IntentRole[]): ResolvedOrganization {
  const permissionSets = decls.permissionSets.flatMap((d) => resolvePermissionSet(ctx, d) ?? []);
  const boundaries = decls.boundaries.flatMap((d) => resolveBoundary(ctx, d, roles, permissionSets) ?? []);
  const guardrails = decls.guardrails.flatMap((d) => resolveGuardrail(ctx, d) ?? []);
  const analyzers = decls.analyzers.flatMap((d) => resolveAnalyzer(ctx, d) ?? []);
  return { boundaries, guardrails, permissionSets, analyzers };
}

function checkName(ctx: ResolveContext, kind: keyof typeof NAME_RULES, name: Word): boolean {
  const rule = NAME_RULES[kind];
  if (rule.pattern.test(name.value)) return true;
  ctx.bag.add('IAM2150', name.span, `\`${name.value}\` is not a valid ${kind} name`, { suggestion: `a ${kind} name is ${rule.hint}` });
  return false;
}

/** A service prefix of the action catalogue (`s3`, `ec2`), or a diagnostic. */
function resolveService(ctx: ResolveContext, word: Word): string | undefined {
  if (serviceExists(word.value) && word.value === word.value.toLowerCase()) return word.value;
  ctx.bag.add('IAM2105', word.span, `\`${word.value}\` is not a service in AWS's action catalogue`, {
    suggestion: didYouMean(word.value, services()) ?? 'services are written as their action prefix, e.g. `s3`, `ec2`, `dynamodb`',
  });
  return undefined;
}

function accountsOf(items: readonly AccountRef[]): AccountRef[] {
  const byId = new Map<string, AccountRef>();
  for (const a of items) if (!byId.has(a.id)) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}

function resolveBoundary(ctx: ResolveContext, d: BoundaryDecl, roles: readonly IntentRole[], sets: readonly IntentPermissionSet[]): IntentBoundary | undefined {
  const nameOk = checkName(ctx, 'boundary', d.name);
  const allowServices: string[] = [];
  for (const word of d.allowServices) {
    const service = resolveService(ctx, word);
    if (service && !allowServices.includes(service)) allowServices.push(service);
  }
  const statements = d.statements.flatMap((s) => resolveRaw(ctx, s) ?? []);
  if (!nameOk) return undefined;
  // The policy must exist wherever something is bounded by it: roles in their account, and a
  // permission set's boundary in every account the set is assigned to (Identity Center looks it
  // up by name and path there).
  const accounts = accountsOf([
    ...roles.filter((r) => r.boundary === d.name.value).map((r) => r.account),
    ...sets.filter((s) => s.boundary === d.name.value).flatMap((s) => s.assignments.flatMap((a) => a.accounts)),
  ]);
  return {
    name: d.name.value,
    allowServices: allowServices.sort(),
    delegateRoleCreation: d.delegateRoleCreation !== undefined,
    statements,
    accounts,
    span: d.span,
  };
}

function resolveGuardrail(ctx: ResolveContext, d: GuardrailDecl): IntentGuardrail | undefined {
  const nameOk = checkName(ctx, 'guardrail', d.name);
  const attachTo: IntentGuardrail['attachTo'][number][] = [];
  for (const target of d.attachTo) {
    const resolved = resolveAttachTarget(ctx, target);
    if (resolved && !attachTo.some((t) => t.kind === resolved.kind && t.id === resolved.id)) attachTo.push(resolved);
  }
  const rules = d.rules.flatMap((r) => resolveGuardRule(ctx, r) ?? []);
  const exemptRoles: string[] = [];
  for (const word of d.exempt) {
    // Names only: in `aws:PrincipalArn` a `*` or `?` also matches the `/` of a role path, so
    // `break-glass-*` would spare `role/break-glass-x/attacker`, a role any member admin can make.
    if (/[*?]/.test(word.value)) {
      ctx.bag.add('IAM2171', word.span, `\`${word.value}\` is a glob, and an exemption names roles exactly`, {
        detail: 'in the SCP a glob also matches role paths (`break-glass-*` spares `role/break-glass-x/anyone`), and a member account\'s admin could create a matching role to escape the guardrail',
        suggestion: 'name each exempt role: `exempt role "break-glass"`; the guardrail then also denies everyone else creating or changing a role of that name',
      });
      continue;
    }
    if (!/^[\w+=,.@-]{1,64}$/.test(word.value)) {
      ctx.bag.add('IAM2108', word.span, `\`${word.value}\` is not a role name`, { suggestion: 'role names are 1 to 64 characters of letters, digits and `+=,.@_-`' });
      continue;
    }
    if (!exemptRoles.includes(word.value)) exemptRoles.push(word.value);
  }
  const exemptPermissionSets = resolveExemptPermissionSets(ctx, d.exemptPermissionSets ?? []);
  if (!nameOk || exemptPermissionSets === undefined) return undefined;
  return { name: d.name.value, attachTo, rules, exemptRoles: exemptRoles.sort(), exemptPermissionSets, span: d.span };
}

/**
 * `exempt permission-set "Admin"`: the role Identity Center creates for the set, in every account
 * the guardrail reaches. Its path is AWS's (`/aws-reserved/`), so unlike `exempt role` no member
 * account's admin can make a role that matches, and the name needs no protecting statement.
 */
function resolveExemptPermissionSets(ctx: ResolveContext, words: readonly Word[]): IntentGuardrail['exemptPermissionSets'] | undefined {
  if (words.length === 0) return [];
  const names = words.map((w) => checkPermissionSetName(ctx, w));
  const region = identityCenterRegion(ctx, words[0]!.span);
  if (region === undefined || names.some((n) => n === undefined)) return undefined;
  return [...new Set(names as string[])].sort().map((name) => ({ name, principalArn: ssoRoleArnPattern(PARTITION, '*', region, name) }));
}

function resolveAttachTarget(ctx: ResolveContext, target: GuardrailDecl['attachTo'][number]): IntentGuardrail['attachTo'][number] | undefined {
  switch (target.kind) {
    case 'root':
      return { kind: 'root', id: '', span: target.span };
    case 'ou': {
      // Organizations: ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}.
      if (!target.id || !/^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/.test(target.id.value)) {
        ctx.bag.add('IAM2111', target.id?.span ?? target.span, target.id ? `\`${target.id.value}\` is not an organizational unit id` : 'an `ou` target needs its id', {
          suggestion: 'OU ids look like `ou-ab12-34cd5678` (Organizations console or `aws organizations list-organizational-units-for-parent`)',
        });
        return undefined;
      }
      return { kind: 'ou', id: target.id.value, span: target.span };
    }
    case 'account': {
      if (!target.id) {
        ctx.bag.add('IAM2111', target.span, 'an `account` target needs the account', { suggestion: 'e.g. `attach-to account prod`' });
        return undefined;
      }
      const account = resolveAccount(ctx, target.id);
      return account ? { kind: 'account', id: account.id, span: target.span } : undefined;
    }
  }
}

function resolveGuardRule(ctx: ResolveContext, rule: GuardRule): IntentGuardRule | undefined {
  switch (rule.kind) {
    case 'deny':
    case 'protect': {
      const found = findGuardrail(rule.kind, rule.name.value);
      if (!found) {
        const names = GUARDRAILS.filter((g) => g.kind === rule.kind).map((g) => g.name);
        ctx.bag.add('IAM2116', rule.name.span, `no stdlib guardrail \`${rule.kind} ${rule.name.value}\``, {
          suggestion: didYouMean(rule.name.value, names) ?? `known: ${names.map((n) => `\`${rule.kind} ${n}\``).join(', ')}`,
        });
        return undefined;
      }
      return { kind: 'stdlib', id: found.id, span: rule.span };
    }
    case 'restrict-regions': {
      const regions: string[] = [];
      for (const word of rule.regions) {
        if (!isRegion(word.value)) {
          ctx.bag.add('IAM2103', word.span, `\`${word.value}\` is not an AWS region`, { suggestion: didYouMean(word.value, AWS_REGIONS) ?? 'regions look like `eu-west-1`' });
        } else if (!regions.includes(word.value)) regions.push(word.value);
      }
      const exceptServices = rule.except.flatMap((w) => resolveService(ctx, w) ?? []);
      if (regions.length === 0) return undefined;
      return { kind: 'restrict-regions', regions: regions.sort(), exceptServices: [...new Set(exceptServices)].sort(), span: rule.span };
    }
    case 'raw':
      // An SCP Allow grants nothing and filters only beside FullAWSAccess; and the exemption,
      // added to every statement, would turn it into "allowed for everyone but the exempt roles".
      if (rule.effect.value === 'allow') {
        ctx.bag.add('IAM2172', rule.effect.span, 'a guardrail only denies; `allow` has no meaning in it', {
          detail: 'a service control policy grants nothing: an Allow there only limits what accounts may do once `FullAWSAccess` is detached, and iamc does not manage that',
          suggestion: 'write what must not happen as `deny ACTIONS on TARGETS`, and grant access in roles or permission sets',
        });
        return undefined;
      }
      return resolveRaw(ctx, rule);
  }
}

function resolvePermissionSet(ctx: ResolveContext, d: PermissionSetDecl): IntentPermissionSet | undefined {
  const nameOk = checkName(ctx, 'permission-set', d.name);
  let sessionSeconds = DEFAULT_PERMISSION_SET_SESSION_SECONDS;
  if (d.session) {
    const seconds = parseDuration(d.session.value);
    if (seconds === undefined || seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
      ctx.bag.add('IAM2109', d.session.span, `\`${d.session.value}\` is not a session length Identity Center accepts`, { suggestion: 'a permission set session is between `1h` and `12h`, e.g. `2h` or `90m`' });
    } else sessionSeconds = seconds;
  }
  let description: string | undefined;
  if (d.description) {
    // Identity Center: at most 700 characters.
    const problem = descriptionProblem(d.description.value) ?? (d.description.value.length > 700 ? `a permission set description is at most 700 characters; this one has ${d.description.value.length}` : undefined);
    if (problem) ctx.bag.add('IAM2120', d.description.span, problem);
    else description = d.description.value;
  }
  if (d.boundary && !ctx.declared.get('boundary')?.has(d.boundary.value)) {
    ctx.bag.add('IAM2116', d.boundary.span, `no boundary named \`${d.boundary.value}\``, {
      suggestion: didYouMean(d.boundary.value, ctx.declared.get('boundary')?.keys() ?? []) ?? `declare it: \`boundary ${d.boundary.value} { … }\``,
    });
  }
  const managedPolicies = resolveManagedPolicies(ctx, d.managedPolicies, { kind: 'permission-set', name: d.name.value });

  const assignments: IntentPermissionSet['assignments'][number][] = [];
  for (const a of d.assignments) {
    // Identity Store ids: a UUID, optionally prefixed by ten hex digits and a dash.
    if (!/^([0-9a-f]{10}-)?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/.test(a.principalId.value)) {
      ctx.bag.add('IAM2113', a.principalId.span, `\`${a.principalId.value}\` is not an Identity Center ${a.kind} id`, { suggestion: 'ids look like `9067b5c2-b0d1-706d-e061-0734a974d092` (Identity Center console, or `aws identitystore list-groups`)' });
      continue;
    }
    const accounts = accountsOf(a.accounts.flatMap((w) => resolveAccount(ctx, w) ?? []));
    if (accounts.length === 0) continue;
    assignments.push({ principalType: a.kind === 'group' ? 'GROUP' : 'USER', principalId: a.principalId.value, accounts, span: a.span });
  }

  // Target ARNs are built in each assigned account, never with `*` in the account field.
  const accounts = accountsOf(assignments.flatMap((a) => a.accounts));
  checkManagedPolicyAccounts(ctx, d, accounts);
  if (accounts.length === 0 && d.assignments.length === 0) {
    // One mistake (no `assign`), one error: at the first target that needs an account.
    const named = d.grants.flatMap((g) => (g.kind === 'grant' ? g.targets.filter((t) => !t.value.startsWith('arn:')) : []));
    const first = named[0];
    if (first) {
      const others = named.length > 1 ? ` (nor for the ${named.length - 1} other target${named.length > 2 ? 's' : ''} named the same way)` : '';
      ctx.bag.add('IAM2111', first.span, `permission set \`${d.name.value}\` is assigned to no account, so there is no account to build \`${first.value}\`'s ARN in${others}`, {
        suggestion: 'add `assign group "ID" to [ACCOUNT]`, or write the full ARN',
      });
    }
  }
  const grants = resolveGrants(ctx, d.grants, accounts);
  if (!nameOk) return undefined;
  return {
    name: d.name.value,
    sessionSeconds,
    ...(description !== undefined ? { description } : {}),
    ...(d.boundary ? { boundary: d.boundary.value } : {}),
    managedPolicies,
    grants,
    assignments,
    span: d.span,
  };
}

/**
 * Identity Center attaches a customer managed policy by name and path, in each account the set is
 * assigned to; it has no field for an account. An ARN naming one account is therefore honoured
 * only when that is the one account the set is assigned to: anywhere else the same name would be
 * another account's policy, silently.
 */
function checkManagedPolicyAccounts(ctx: ResolveContext, d: PermissionSetDecl, accounts: readonly AccountRef[]): void {
  for (const word of d.managedPolicies) {
    const owner = /^arn:aws:iam::(\d{12}):policy\//.exec(word.value)?.[1];
    if (owner === undefined) continue;
    const others = accounts.filter((a) => a.id !== owner);
    if (others.length === 0 && accounts.length > 0) continue;
    const where = accounts.length === 0 ? 'no account' : others.map((a) => (a.name === a.id ? `\`${a.id}\`` : `\`${a.name}\` (${a.id})`)).join(', ');
    ctx.bag.add('IAM2173', word.span, `\`${word.value}\` is a policy of account ${owner}, but permission set \`${d.name.value}\` is assigned to ${where}`, {
      detail: 'Identity Center finds a customer managed policy by its name and path in each assigned account, so the account in the ARN would be dropped and another account\'s policy of that name attached',
      suggestion: accounts.length === 0 ? `assign the set to account ${owner}` : `write the policy's name (it must exist in every assigned account), or assign the set only to account ${owner}`,
    });
  }
}

function resolveAnalyzer(ctx: ResolveContext, d: AnalyzerDecl): IntentAnalyzer | undefined {
  const nameOk = checkName(ctx, 'analyzer', d.name);
  const archivePrincipals: IntentAnalyzer['archivePrincipals'][number][] = [];
  for (const rule of d.archives) {
    const value = archivePrincipal(ctx, rule.value);
    if (value === undefined) continue;
    if (archivePrincipals.some((p) => p.value === value)) continue;
    archivePrincipals.push({ value, ...(rule.because ? { because: rule.because.value } : {}), span: rule.span });
  }
  if (!nameOk) return undefined;
  return { name: d.name.value, type: d.scope.value === 'organization' ? 'ORGANIZATION' : 'ACCOUNT', archivePrincipals, alert: d.alert !== undefined, span: d.span };
}

/** An account id, a declared account's name, or an IAM principal ARN: what `principal.AWS` holds. */
function archivePrincipal(ctx: ResolveContext, word: Word): string | undefined {
  if (isAccountId(word.value) || /^arn:aws:(iam|sts)::\d{12}:[\x21-\x7e]+$/.test(word.value)) return word.value;
  const declared = ctx.accounts.get(word.value);
  if (declared) return declared.id;
  if (ctx.declaredAccounts.has(word.value)) return undefined; // its bad id is already reported
  ctx.bag.add('IAM2101', word.span, `\`${word.value}\` is not an account id, a declared account or a principal ARN`, {
    suggestion: didYouMean(word.value, ctx.accounts.keys()) ?? 'an archive rule names the trusted account by its 12-digit id',
  });
  return undefined;
}

