/**
 * AST → intent IR. A folder is one program: declarations in any file are visible in all, and a
 * name declared twice is an error showing both places. Files are visited in path order so the
 * result does not depend on the order they were given in.
 */
import { resolveManagedPolicies } from './managed-policies.js';
import { meaningOfName } from '../ir/name-meaning.js';
import { DiagnosticBag, type Result } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Span } from '../diagnostics/span.js';
import type { Declaration, RoleDecl, SourceFile } from '../syntax/ast.js';
import type { AccountRef, IntentGrant, IntentProgram, IntentRole, PatternGrant } from '../ir/intent.js';
import { findPattern } from '../../stdlib/index.js';
import { arnContext, resolveAccount, type ResolveContext } from './context.js';
import { resolveGrants } from './grants.js';
import { resolveOrganization } from './organization.js';
import { unitlessDurationHelp } from '../syntax/duration-help.js';
import { checkNameCharacters } from './characters.js';
import { checkReasons } from './reasons.js';
import { resolvePrincipal } from './principal.js';
import { isRegion, AWS_REGIONS } from './regions.js';
import { MAX_SESSION_SECONDS, MIN_SESSION_SECONDS, descriptionProblem, isAccountId, parseDuration, pathProblem, roleNameProblem } from './values.js';

export function resolveProgram(files: readonly SourceFile[]): Result<IntentProgram> {
  const bag = new DiagnosticBag();
  const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const declarations = ordered.flatMap((f) => f.declarations);

  const declared = collectDeclarations(bag, declarations);
  checkReasons(bag, declarations);
  const accounts = new Map<string, AccountRef & { span: Span }>();
  const declaredAccounts = new Set<string>();
  for (const d of declared.get('account')?.values() ?? []) {
    if (d.kind !== 'account') continue;
    declaredAccounts.add(d.name.value);
    // A literal 12-digit id means that account everywhere (trusts, guardrail targets,
    // assignments); a name that is one would silently redirect every such use.
    if (isAccountId(d.name.value)) {
      bag.add('IAM2170', d.name.span, `an account cannot be named \`${d.name.value}\`: a 12-digit name is read as that account id wherever it is used`, {
        suggestion: d.name.value === d.id.value ? `drop the declaration and write \`${d.id.value}\` where it is used, or name it with a word` : `name the account with a word, e.g. \`account prod = ${d.id.value}\``,
      });
      continue;
    }
    // `prоd` with a Cyrillic о would read as `prod` wherever it is used, and carry another id.
    if (!checkNameCharacters(bag, d.name, { what: 'account name', unicode: false })) continue;
    if (!isAccountId(d.id.value)) {
      bag.add('IAM2101', d.id.span, `\`${d.id.value}\` is not an AWS account id`, { suggestion: 'an account id is exactly 12 digits, e.g. `123456789012` (quote it in YAML to keep leading zeros)' });
      continue;
    }
    accounts.set(d.name.value, { name: d.name.value, id: d.id.value, span: d.span });
  }

  const region = declaredRegion(bag, declared.get('region')?.values().next().value);
  const identityCenterRegion = declaredRegion(bag, declared.get('identity-center')?.values().next().value);

  const ctx: ResolveContext = {
    bag,
    accounts,
    declaredAccounts,
    declared,
    ...(region !== undefined ? { region } : {}),
    ...(identityCenterRegion !== undefined ? { identityCenterRegion } : {}),
  };
  const roles: IntentRole[] = [];
  for (const d of declared.get('role')?.values() ?? []) {
    if (d.kind !== 'role') continue;
    const role = resolveRole(ctx, d);
    if (role) roles.push(role);
  }
  const kinds = <K extends Declaration['kind']>(kind: K) =>
    [...(declared.get(kind)?.values() ?? [])].filter((d): d is Extract<Declaration, { kind: K }> => d.kind === kind);
  const org = resolveOrganization(
    ctx,
    { boundaries: kinds('boundary'), guardrails: kinds('guardrail'), permissionSets: kinds('permission-set'), analyzers: kinds('analyzer') },
    roles,
  );

  const program: IntentProgram = {
    accounts: [...accounts.values()],
    ...(region !== undefined ? { region } : {}),
    roles,
    ...org,
  };
  return { value: program, diagnostics: bag.items };
}

/** The region a `region` or `identity-center region` declaration names, or a diagnostic. */
function declaredRegion(bag: DiagnosticBag, decl: Declaration | undefined): string | undefined {
  if (decl?.kind !== 'region' && decl?.kind !== 'identity-center') return undefined;
  if (isRegion(decl.region.value)) return decl.region.value;
  bag.add('IAM2103', decl.region.span, `\`${decl.region.value}\` is not an AWS region`, {
    suggestion: didYouMean(decl.region.value, AWS_REGIONS) ?? 'regions look like `eu-west-1`',
  });
  return undefined;
}

/** Declarations that are one per program (`region`, `identity-center`): named by their kind. */
function singleton(d: Declaration): d is Extract<Declaration, { kind: 'region' | 'identity-center' }> {
  return d.kind === 'region' || d.kind === 'identity-center';
}

/** Declarations by kind and name; the second of two with one name is reported with the first. */
function collectDeclarations(bag: DiagnosticBag, declarations: readonly Declaration[]): Map<Declaration['kind'], Map<string, Declaration>> {
  const byKind = new Map<Declaration['kind'], Map<string, Declaration>>();
  const lowered = new Map<string, Declaration>();
  for (const d of declarations) {
    const name = singleton(d) ? d.kind : d.name.value;
    const nameSpan = singleton(d) ? d.span : d.name.span;
    let table = byKind.get(d.kind);
    if (!table) byKind.set(d.kind, (table = new Map()));
    const caseless = CASELESS[d.kind] !== undefined ? name.toLowerCase() : undefined;
    const first = table.get(name) ?? (caseless !== undefined ? lowered.get(`${d.kind}\u0000${caseless}`) : undefined);
    if (first && !singleton(first) && !singleton(d) && first.name.value !== name) {
      bag.add('IAM2107', nameSpan, `${d.kind} \`${name}\` is declared twice: ${CASELESS[d.kind]} do not tell \`${name}\` from \`${first.name.value}\``, {
        related: [{ message: 'first declared here', span: first.name.span }],
        suggestion: 'rename one of them with a different word, not only different capitals',
      });
      continue;
    }
    if (first) {
      const what = d.kind === 'region' ? 'the default region is' : d.kind === 'identity-center' ? 'the Identity Center region is' : `${d.kind} \`${name}\` is`;
      bag.add('IAM2107', nameSpan, `${what} declared twice`, {
        related: [{ message: 'first declared here', span: singleton(first) ? first.span : first.name.span }],
        suggestion: 'a folder is one program: rename one of them or remove the duplicate',
      });
      continue;
    }
    table.set(name, d);
    if (caseless !== undefined) lowered.set(`${d.kind}\u0000${caseless}`, d);
  }
  return byKind;
}

/**
 * Kinds whose names are one name whatever their capitals: IAM role and policy names ignore case
 * (`App` and `app` cannot both exist in an account), and every kind here names an output file,
 * which a case-insensitive file system would write over.
 */
const CASELESS: Partial<Record<Declaration['kind'], string>> = {
  role: 'IAM role names',
  boundary: 'IAM policy names',
  'permission-set': 'output file names on case-insensitive file systems',
  guardrail: 'output file names on case-insensitive file systems',
};


function resolveRole(ctx: ResolveContext, d: RoleDecl): IntentRole | undefined {
  const plain = checkNameCharacters(ctx.bag, d.name, { what: 'role name', unicode: false });
  const nameProblem = plain ? roleNameProblem(d.name.value) : 'refused above';
  if (plain && nameProblem) ctx.bag.add('IAM2108', d.name.span, `\`${d.name.value}\` is not a valid role name: ${nameProblem}`);
  const account = resolveAccount(ctx, d.account);
  const settings = resolveSettings(ctx, d);
  if (d.boundary && !ctx.declared.get('boundary')?.has(d.boundary.value)) {
    ctx.bag.add('IAM2116', d.boundary.span, `no boundary named \`${d.boundary.value}\``, {
      suggestion: didYouMean(d.boundary.value, ctx.declared.get('boundary')?.keys() ?? []) ?? `declare it: \`boundary ${d.boundary.value} { … }\``,
    });
  }
  if (!account) return undefined;
  const principal = resolvePrincipal(ctx, d.principal, account);
  const grants = resolveGrants(ctx, d.grants, [account]);
  const managedPolicies = resolveManagedPolicies(ctx, d.managedPolicies, { kind: 'role', name: d.name.value, account });
  // A role may do all its work through managed policies (an auditor with `SecurityAudit`).
  if (d.grants.length === 0 && d.managedPolicies.length === 0) {
    ctx.bag.add('IAM3105', d.name.span, `role \`${d.name.value}\` has no grants`, { suggestion: 'add what the role needs, e.g. `consume sqs queue "orders"`' });
  }
  if (!principal || nameProblem) return undefined;
  // A Lambda function writes its own log group, as AWS's basic execution role allows, scoped to that group.
  const implicit: IntentGrant[] = [];
  if (principal.kind === 'service' && principal.functionGlob !== undefined && ctx.region !== undefined) {
    const logs = findPattern('logs', 'write', 'group');
    if (logs) {
      const name = `/aws/lambda/${principal.functionGlob}`;
      const built = logs.target.build(name, arnContext(ctx, account));
      if ('arn' in built) {
        const grant: PatternGrant = {
          kind: 'pattern',
          pattern: logs,
          targets: [{ arn: built.arn, meaning: meaningOfName(logs.target.meaning, name, arnContext(ctx, account)), written: name, span: principal.span }],
          conditions: [],
          span: principal.span,
        };
        implicit.push(grant);
      }
    }
  }
  return {
    name: d.name.value,
    account,
    principal,
    path: settings.path ?? '/',
    ...(settings.description !== undefined ? { description: settings.description } : {}),
    ...(settings.maxSessionSeconds !== undefined ? { maxSessionSeconds: settings.maxSessionSeconds } : {}),
    ...(d.boundary ? { boundary: d.boundary.value } : {}),
    managedPolicies,
    grants: [...grants, ...implicit],
    span: d.span,
  };
}

function resolveSettings(ctx: ResolveContext, d: RoleDecl): { path?: string; description?: string; maxSessionSeconds?: number } {
  const out: { path?: string; description?: string; maxSessionSeconds?: number } = {};
  const seen = new Map<string, Span>();
  for (const s of d.settings) {
    const name = s.name.value;
    const first = seen.get(name);
    if (first) {
      ctx.bag.add('IAM2118', s.name.span, `\`${name}\` is set twice`, { related: [{ message: 'first set here', span: first }] });
      continue;
    }
    seen.set(name, s.name.span);
    const value = s.value.value;
    if (name === 'max-session') {
      const seconds = parseDuration(value);
      if (seconds === undefined || seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
        ctx.bag.add('IAM2109', s.value.span, seconds === undefined ? `\`${value}\` is not a duration` : `a session lasts 1 h to 12 h; \`${value}\` is outside that`, {
          suggestion: seconds === undefined ? unitlessDurationHelp(value) : 'write hours or minutes between `1h` and `12h`, e.g. `1h`, `90m`',
        });
      } else out.maxSessionSeconds = seconds;
    } else if (name === 'path') {
      if (!checkNameCharacters(ctx.bag, s.value, { what: 'path', unicode: false })) continue;
      const problem = pathProblem(value);
      if (problem) ctx.bag.add('IAM2114', s.value.span, `\`${value}\` is not a valid path: ${problem}`);
      else out.path = value;
    } else {
      const problem = descriptionProblem(value);
      if (problem) ctx.bag.add('IAM2120', s.value.span, problem);
      else out.description = value;
    }
  }
  return out;
}
