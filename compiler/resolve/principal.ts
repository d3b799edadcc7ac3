/**
 * `for` clauses → trusts. Every trust is as narrow as the intent: service trusts carry the
 * confused-deputy conditions the service sets, OIDC trusts pin `aud` and an exact `sub`, AWS
 * trusts name a role (the whole account only with `because`).
 */
import type { GithubRef, Principal, Word } from '../syntax/ast.js';
import type { Span } from '../diagnostics/span.js';
import type { AccountRef, ConditionClause, IntentPrincipal, OidcProvider } from '../ir/intent.js';
import { AZURE_DEVOPS, GITHUB, SERVICE_TRUSTS } from '../../stdlib/principals.js';
import { PARTITION, resolveAccount, rolePath, type ResolveContext } from './context.js';
import { checkNameCharacters } from './characters.js';
import { externalIdProblem, roleNameProblem, SHORT_EXTERNAL_ID } from './values.js';
import { permissionSetNameProblem, ssoRoleArnPattern } from '../../stdlib/identity-center-roles.js';

export function resolvePrincipal(ctx: ResolveContext, p: Principal, account: AccountRef): IntentPrincipal | undefined {
  switch (p.kind) {
    case 'lambda':
    case 'ec2':
    case 'ecs-task':
    case 'ecs-execution': {
      const trust = SERVICE_TRUSTS[p.kind];
      const functionGlob = p.kind === 'lambda' ? p.function.value : undefined;
      if (p.kind === 'lambda' && !checkNameCharacters(ctx.bag, p.function, { what: 'function name', unicode: false })) return undefined;
      if (p.kind === 'lambda' && !/^[A-Za-z0-9_*?-]{1,64}$/.test(p.function.value)) {
        ctx.bag.add('IAM2113', p.function.span, `\`${p.function.value}\` is not a Lambda function name`, { suggestion: 'function names use letters, digits, `-` and `_` (globs `*` and `?` allowed)' });
        return undefined;
      }
      // A glob of only wildcards trusts every function of the account, present and future.
      if (p.kind === 'lambda' && /^[*?]*\*[*?]*$/.test(p.function.value) && p.because === undefined) {
        ctx.bag.add('IAM2112', p.function.span, `\`${p.function.value}\` lets every Lambda function of account \`${account.name}\` assume the role; say why with \`because "…"\``, {
          suggestion: 'name the functions (`lambda "processor-*"`), or add `because "REASON"` after the glob',
        });
      }
      if (trust.needsRegion && ctx.region === undefined) {
        ctx.bag.add('IAM2110', p.span, `the \`${p.kind}\` trust needs a region for its \`aws:SourceArn\` condition, and no \`region\` is declared`, { suggestion: 'declare the default region, e.g. `region eu-west-1`' });
        return undefined;
      }
      const conditions: ConditionClause[] = trust.conditions({ partition: PARTITION, region: ctx.region ?? '', account: account.id, functionGlob: functionGlob ?? '' });
      return {
        kind: 'service',
        form: p.kind,
        service: trust.service,
        conditions,
        instanceProfile: p.kind === 'ec2',
        ...(functionGlob !== undefined ? { functionGlob } : {}),
        span: p.span,
      };
    }
    case 'service': {
      const host = p.host.value;
      if (!checkNameCharacters(ctx.bag, p.host, { what: 'service host', unicode: false })) return undefined;
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/.test(host)) {
        ctx.bag.add('IAM2113', p.host.span, `\`${host}\` is not an AWS service principal`, { suggestion: 'service principals look like `scheduler.amazonaws.com`' });
        return undefined;
      }
      return {
        kind: 'service',
        form: 'service',
        service: host,
        conditions: SERVICE_TRUSTS.generic.conditions({ partition: PARTITION, region: ctx.region ?? '', account: account.id, functionGlob: '' }),
        instanceProfile: false,
        span: p.span,
      };
    }
    case 'github': {
      const repo = p.repo.value;
      // GitHub names repositories and organisations in ASCII; branches, tags and environments may be any text.
      if (!checkNameCharacters(ctx.bag, p.repo, { what: 'repository', unicode: false })) return undefined;
      if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
        ctx.bag.add('IAM2113', p.repo.span, /[*?]/.test(repo) ? `\`${repo}\` is a glob: a GitHub trust names exactly one repository` : `\`${repo}\` is not a GitHub repository`, {
          suggestion: 'write `org/repo`; a trust that spans repositories lets any of them assume the role',
        });
        return undefined;
      }
      // Each ref is checked on its own, so one mistake does not hide the next.
      const subjects = p.refs.map((ref) => githubSubject(ctx, repo, ref));
      if (subjects.some((x) => x === undefined)) return undefined;
      const distinct = withoutRepeats(ctx, subjects as Subject[]);
      const provider = oidcProvider('github', GITHUB.host, GITHUB.audience, account);
      return { kind: 'oidc', provider, subjects: distinct, span: p.span };
    }
    case 'azure-devops': {
      const guid = p.organizationId.value;
      if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(guid)) {
        ctx.bag.add('IAM2113', p.organizationId.span, `\`${guid}\` is not an Azure DevOps organization id`, { suggestion: 'the organization id is a GUID such as `8f2c1a3e-1111-2222-3333-444455556666`' });
        return undefined;
      }
      const subjects = p.connections.map((connection) => azureSubject(ctx, connection));
      if (subjects.some((x) => x === undefined)) return undefined;
      const distinct = withoutRepeats(ctx, subjects as Subject[]);
      const host = AZURE_DEVOPS.host(guid.toLowerCase());
      const provider = oidcProvider('azure-devops', host, AZURE_DEVOPS.audience, account);
      return { kind: 'oidc', provider, subjects: distinct, span: p.span };
    }
    case 'role': {
      const trusted = resolveAccount(ctx, p.account);
      const idOk = checkExternalId(ctx, p.externalId);
      if (!checkNameCharacters(ctx.bag, p.role, { what: 'role name', unicode: false }) || !idOk) return undefined;
      const problem = roleNameProblem(p.role.value);
      if (problem) {
        ctx.bag.add('IAM2113', p.role.span, `\`${p.role.value}\` is not a role name: ${problem}`, { suggestion: 'trust one named role; a trust in a whole account needs `account NAME because "…"`' });
        return undefined;
      }
      if (!trusted) return undefined;
      return {
        kind: 'aws',
        arn: `arn:${PARTITION}:iam::${trusted.id}:role${rolePath(ctx, p.role.value)}${p.role.value}`,
        account: trusted,
        ...(p.externalId ? { externalId: p.externalId.value } : {}),
        mfa: p.mfa !== undefined,
        span: p.span,
      };
    }
    case 'account': {
      const trusted = resolveAccount(ctx, p.account);
      if (!checkExternalId(ctx, p.externalId)) return undefined;
      if (!p.because) {
        ctx.bag.add('IAM2112', p.span, `a trust in every principal of account \`${p.account.value}\` needs a reason`, { suggestion: 'trust one role (`role "NAME" in ACCOUNT`), or add `because "…"`' });
      }
      if (!trusted) return undefined;
      return {
        kind: 'aws',
        arn: `arn:${PARTITION}:iam::${trusted.id}:root`,
        account: trusted,
        ...(p.externalId ? { externalId: p.externalId.value } : {}),
        mfa: p.mfa !== undefined,
        ...(p.because ? { because: p.because.value } : {}),
        span: p.span,
      };
    }
    case 'sso': {
      const trusted = resolveAccount(ctx, p.account);
      const name = checkPermissionSetName(ctx, p.permissionSet);
      const region = identityCenterRegion(ctx, p.span);
      if (!trusted || name === undefined || region === undefined) return undefined;
      return {
        kind: 'aws',
        arn: `arn:${PARTITION}:iam::${trusted.id}:root`,
        account: trusted,
        mfa: false,
        permissionSet: { name, principalArn: ssoRoleArnPattern(PARTITION, trusted.id, region, name) },
        span: p.span,
      };
    }
  }
}

/** A permission-set name AWS accepts, or a diagnostic: it is written into an `ArnLike` pattern, where `*` and `?` would match other sets. */
export function checkPermissionSetName(ctx: ResolveContext, word: Word): string | undefined {
  if (!checkNameCharacters(ctx.bag, word, { what: 'permission-set name', unicode: false })) return undefined;
  const problem = permissionSetNameProblem(word.value);
  if (problem === undefined) return word.value;
  ctx.bag.add('IAM2198', word.span, `\`${word.value}\` is not a permission-set name: ${problem}`, {
    suggestion: 'write the exact name of one permission set (1 to 32 of letters, digits and `_+=,.@-`, no globs)',
  });
  return undefined;
}

/** The Identity Center home region: its roles' path holds it (except us-east-1), so it must be declared. */
export function identityCenterRegion(ctx: ResolveContext, at: Span): string | undefined {
  if (ctx.identityCenterRegion !== undefined) return ctx.identityCenterRegion;
  if (ctx.declared.has('identity-center')) return undefined; // its bad region is already reported
  ctx.bag.add('IAM2197', at, 'an Identity Center role is named by the home region of Identity Center, and none is declared', {
    suggestion: 'declare it, e.g. `identity-center region eu-west-1` (YAML: `identity-center: { region: eu-west-1 }`)',
  });
  return undefined;
}

/** One exact `sub`, where it was written, and how to name it in a message. */
interface Subject {
  readonly subject: string;
  readonly span: Span;
  readonly written: string;
}

/** One GitHub ref → its exact `sub`; a glob, an empty name or a policy variable is refused. */
function githubSubject(ctx: ResolveContext, repo: string, ref: GithubRef): Subject | undefined {
  const written = ref.value === undefined ? ref.kind : `${ref.kind} "${ref.value.value}"`;
  if (ref.value !== undefined && !checkNameCharacters(ctx.bag, ref.value, { what: `${ref.kind} name`, unicode: true })) return undefined;
  const value = ref.value?.value;
  if (value !== undefined && holdsPolicyVariable(ctx, ref.value!, `${ref.kind} name`)) return undefined;
  if (ref.kind !== 'pull-request' && (value === undefined || value === '' || /[*?\s]/.test(value))) {
    ctx.bag.add('IAM2113', ref.value?.span ?? ref.span, `the \`${ref.kind}\` of a GitHub trust must be one exact name`, { suggestion: 'globs would let other branches, tags or environments assume the role' });
    return undefined;
  }
  return { subject: GITHUB.subject(repo, ref.kind, value ?? ''), span: ref.span, written };
}

/** One Azure DevOps service connection → its exact `sub`. */
function azureSubject(ctx: ResolveContext, connection: Word): Subject | undefined {
  if (!checkNameCharacters(ctx.bag, connection, { what: 'service connection', unicode: true })) return undefined;
  if (holdsPolicyVariable(ctx, connection, 'service connection')) return undefined;
  const parts = connection.value.split('/');
  if (parts.length !== 3 || parts.some((x) => x === '' || /[*?\s]/.test(x))) {
    ctx.bag.add('IAM2113', connection.span, `\`${connection.value}\` is not an Azure DevOps service connection`, { suggestion: 'write `organization/project/connection`' });
    return undefined;
  }
  return { subject: AZURE_DEVOPS.subject(connection.value), span: connection.span, written: `"${connection.value}"` };
}

/**
 * The subjects in the order written, each once. A repeat admits no one more, but it is likely a
 * slip for a name meant to be different, so it is reported where it stands.
 */
function withoutRepeats(ctx: ResolveContext, subjects: readonly Subject[]): string[] {
  const seen = new Set<string>();
  for (const s of subjects) {
    if (seen.has(s.subject)) {
      ctx.bag.add('IAM2199', s.span, `\`${s.written}\` is named twice in this \`for\` clause`, { suggestion: 'remove the repeat, or name the other branch, environment, tag or connection you meant' });
    }
    seen.add(s.subject);
  }
  return [...seen];
}

/**
 * IAM substitutes `${…}` in a condition value at request time (a policy variable), so a subject
 * holding one would match whatever the variable says, not the name written: the trust's `sub`
 * must be the literal text. A name that truly holds `${` cannot be trusted by iamc.
 */
function holdsPolicyVariable(ctx: ResolveContext, word: Word, what: string): boolean {
  if (!word.value.includes('${')) return false;
  ctx.bag.add('IAM2113', word.span, `the ${what} \`${word.value}\` holds \`\${\`, which IAM reads as a policy variable: the trust would match whatever the variable says, not this name`, {
    suggestion: 'write the exact name the token carries',
  });
  return true;
}

/**
 * An external id is a shared secret the caller presents: empty is no secret at all, and a short one
 * can be guessed. AWS accepts 2 to 1,224 characters of `A-Za-z0-9+=,.@:/_-`.
 */
function checkExternalId(ctx: ResolveContext, word: Word | undefined): boolean {
  if (word === undefined) return true;
  if (!checkNameCharacters(ctx.bag, word, { what: 'external id', unicode: false })) return false;
  const problem = externalIdProblem(word.value);
  if (problem !== undefined) {
    ctx.bag.add('IAM2194', word.span, problem, { suggestion: 'use the id the other party gave you, typically a UUID such as `3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b`' });
    return false;
  }
  if (word.value.length < SHORT_EXTERNAL_ID) {
    ctx.bag.add('IAM2195', word.span, `the external id \`${word.value}\` has ${word.value.length} characters: anyone who can guess it can present it`, {
      suggestion: `use an unguessable id of at least ${SHORT_EXTERNAL_ID} characters, typically a UUID`,
    });
  }
  return true;
}

function oidcProvider(kind: OidcProvider['kind'], host: string, audience: string, account: AccountRef): OidcProvider {
  return { kind, host, url: `https://${host}`, audience, account, arn: `arn:${PARTITION}:iam::${account.id}:oidc-provider/${host}` };
}
