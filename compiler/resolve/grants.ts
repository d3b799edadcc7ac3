/**
 * Grants → intent IR: look the pattern up in the stdlib, build each target's ARN in every account
 * the grant applies to, check raw actions against the catalogue, and insist on `because` wherever
 * the intent widens on purpose (docs/language.md, "Grants").
 */
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Grant, GrantLike, RawStatement, Word } from '../syntax/ast.js';
import type { AccountRef, IntentGrant, IntentTarget, PatternGrant, RawGrant } from '../ir/intent.js';
import { actionsOfService, arnMatchesResourceType, expandActionGlob, lookupAction, services, resourceTypesForArn, serviceExists, wildcardSuffices } from '../catalogue/catalogue.js';
import { findPattern, resourceTypesFor, stdlibServices, verbsFor } from '../../stdlib/index.js';
import type { TargetShape, ArnContext } from '../../stdlib/pattern.js';
import { arnContext, resolveAccount, type ResolveContext } from './context.js';
import { checkNameCharacters } from './characters.js';
import { resolveConditions } from './conditions.js';
import { arnFields, arnShapeProblem, wildcardReach, type Reach } from '../glob/wildcard-reach.js';
import { refuseWidening } from './name-check.js';
import { checkRolePath } from './role-paths.js';
import { resolveOptions } from './options.js';
import { meaningOfName } from '../ir/name-meaning.js';
import type { Pattern } from '../../stdlib/pattern.js';
import { alsoCalledHint } from './service-names.js';

/**
 * The meaning of a target (an ARN written as such means itself), or undefined when the ARN the
 * pattern would emit reaches beyond it; that refusal is reported here.
 */
function targetMeaning(ctx: ResolveContext, pattern: Pattern, word: Word, account: AccountRef, arn: string): string | undefined {
  if (word.value.startsWith('arn:')) return word.value;
  const meaning = meaningOfName(pattern.target.meaning, word.value, arnContext(ctx, account));
  return refuseWidening(ctx, pattern, word, arn, meaning) ? undefined : meaning;
}

export function resolveGrants(ctx: ResolveContext, grants: readonly GrantLike[], accounts: readonly AccountRef[]): IntentGrant[] {
  const out: IntentGrant[] = [];
  for (const grant of grants) {
    const resolved = grant.kind === 'grant' ? resolvePatternGrant(ctx, grant, accounts) : resolveRaw(ctx, grant);
    if (resolved) out.push(resolved);
  }
  return out;
}

function resolvePatternGrant(ctx: ResolveContext, grant: Grant, accounts: readonly AccountRef[]): PatternGrant | undefined {
  const service = grant.service.value;
  const type = grant.resourceType.value;
  const verb = grant.verb.value;
  if (!stdlibServices().includes(service)) {
    ctx.bag.add('IAM2105', grant.service.span, `no stdlib pattern for service \`${service}\``, {
      suggestion: alsoCalledHint(service, stdlibServices()) ?? didYouMean(service, stdlibServices()) ?? 'use `allow "SERVICE:Action" on "ARN"` for services the stdlib does not cover',
    });
    return undefined;
  }
  if (!resourceTypesFor(service).includes(type)) {
    ctx.bag.add('IAM2106', grant.resourceType.span, `\`${service}\` has no resource type \`${type}\``, {
      suggestion: didYouMean(type, resourceTypesFor(service)) ?? `resource types of \`${service}\`: ${resourceTypesFor(service).map((t) => `\`${t}\``).join(', ')}`,
    });
    return undefined;
  }
  const pattern = findPattern(service, verb, type);
  if (!pattern) {
    const verbs = verbsFor(service, type);
    ctx.bag.add('IAM2104', grant.verb.span, `no pattern \`${verb}\` for \`${service} ${type}\``, {
      suggestion: didYouMean(verb, verbs) ?? `verbs for \`${service} ${type}\`: ${verbs.map((v) => `\`${v}\``).join(', ')}`,
    });
    return undefined;
  }

  let to: string | undefined;
  if (pattern.takesTo && !grant.to) {
    ctx.bag.add('IAM2119', grant.span, `\`${verb} ${service} ${type}\` needs \`to SERVICE\`: the service the role is passed to`, {
      suggestion: 'e.g. `to ecs-tasks` or `to lambda`',
    });
    return undefined;
  }
  if (grant.to) {
    if (!pattern.takesTo) {
      ctx.bag.add('IAM2119', grant.to.span, `\`${verb} ${service} ${type}\` does not take \`to\``);
      return undefined;
    }
    to = serviceHost(grant.to.value);
    if (!to) {
      ctx.bag.add('IAM2119', grant.to.span, `\`${grant.to.value}\` is not a service name`, { suggestion: 'write the service as `ecs-tasks`, `lambda` or `ec2`, or its full host `ecs-tasks.amazonaws.com`' });
      return undefined;
    }
  }

  const options = resolveOptions(ctx, grant, pattern);
  if (options === null) return undefined;
  let account: AccountRef | undefined;
  if (grant.account !== undefined) {
    // `in ACCOUNT` builds the targets there; in a permission set that also fixes their account.
    account = resolveAccount(ctx, grant.account);
    if (account === undefined) return undefined;
  }
  const form = pattern.target.form ?? 'name';
  const written = `${verb} ${service} ${type}`;
  if (form !== 'name' && grant.account !== undefined) {
    // Its actions are on `*`: there is no resource for the account to place.
    ctx.bag.add('IAM2119', grant.account.span, `\`${written}\` names no resource, so \`in ${grant.account.value}\` has nothing to place in that account`, {
      suggestion: 'remove `in ACCOUNT`; a role acts in its own account',
    });
    return undefined;
  }
  if (form === 'none' && (grant.targets.length > 0 || grant.targetList)) {
    ctx.bag.add('IAM2133', grant.targets[0]?.span ?? grant.span, `\`${written}\` takes no target: its actions are on \`*\`, each with its reason`, {
      suggestion: `write \`${written}\` alone`,
    });
    return undefined;
  }
  if (form !== 'none' && grant.targets.length === 0) {
    ctx.bag.add('IAM2133', grant.span, `\`${written}\` needs a target: a ${pattern.target.nameHint}`, {
      suggestion: `e.g. \`${written} "NAME"\`; \`iamc stdlib ${service}\` shows what the name is`,
    });
    return undefined;
  }
  const targets = form === 'name' ? namedTargets(ctx, grant, pattern, account !== undefined ? [account] : accounts) : formTargets(ctx, grant, pattern, accounts);
  if (targets === undefined || targets.length === 0) return undefined;
  return {
    kind: 'pattern',
    pattern,
    targets,
    ...(to !== undefined ? { to } : {}),
    ...(options !== undefined ? { options } : {}),
    ...(account !== undefined ? { account } : {}),
    conditions: resolveConditions(ctx, grant.conditions),
    ...(grant.because ? { because: grant.because.value } : {}),
    span: grant.span,
  };
}

/**
 * The targets of a pattern that does not name a resource: a targetless pattern gets one synthetic
 * target (`*`, meaning `*`) so lowering and the proof stay uniform; a condition-form target's value
 * is checked by the shape's rule and carried as written, on `*`. Neither is an ARN, so no ARN
 * check, no widening gate (each part's `why` is the reason) and no name-meaning proof applies.
 */
function formTargets(ctx: ResolveContext, grant: Grant, pattern: Pattern, accounts: readonly AccountRef[]): IntentTarget[] | undefined {
  if (pattern.target.form === 'none') return [{ arn: '*', meaning: '*', written: '', span: grant.span }];
  // The value is checked in the context of the grant's account, as a name would be built there.
  const account = accounts[0];
  if (account === undefined) return [];
  const targets: IntentTarget[] = [];
  let ok = true;
  for (const word of grant.targets) {
    if (!checkNameCharacters(ctx.bag, word, { what: 'target', unicode: false })) {
      ok = false;
      continue;
    }
    const built = pattern.target.build(word.value, arnContext(ctx, account));
    if ('error' in built) {
      ctx.bag.add('IAM2111', word.span, `\`${word.value}\` is not a valid ${pattern.target.nameHint}: ${built.error}`, { suggestion: badNameHelp(pattern.target, pattern.service, word.value, arnContext(ctx, account)) });
      ok = false;
      continue;
    }
    if (!targets.some((t) => t.written === word.value)) targets.push({ arn: built.arn, meaning: built.arn, written: word.value, span: word.span });
  }
  return ok ? targets : undefined;
}

function namedTargets(ctx: ResolveContext, grant: Grant, pattern: Pattern, accounts: readonly AccountRef[]): IntentTarget[] | undefined {
  const service = grant.service.value;
  const targets: IntentTarget[] = [];
  let widened: { word: Word; reach: Reach } | undefined;
  for (const word of grant.targets) {
    // Only S3 object keys may hold non-ASCII text; every other name AWS accepts is ASCII.
    if (!checkNameCharacters(ctx.bag, word, { what: 'target', unicode: pattern.target.catalogueType === 'object' })) continue;
    if (!checkRolePath(ctx, pattern.target, word, accounts[0])) continue;
    const perAccount = new Set<string>();
    for (const account of accounts) {
      const target = buildTarget(ctx, pattern.target, service, word, account);
      if (!target) continue;
      perAccount.add(target.arn);
      const meaning = targetMeaning(ctx, pattern, word, account, target.arn);
      // A target refused for what it means (IAM2130) is one mistake: no reason is asked of it too.
      if (meaning === undefined) continue;
      if (target.widens) widened ??= { word, reach: target.widens };
      if (!targets.some((t) => t.arn === target.arn)) targets.push({ arn: target.arn, meaning, written: word.value, span: word.span });
    }
    // One document serves every account it is given to (a permission set): a name whose ARN holds
    // the account would let each account reach the others' resource of that name.
    if (perAccount.size > 1) {
      ctx.bag.add('IAM2132', word.span, `\`${word.value}\` is a different resource in each of the ${accounts.length} accounts, and one policy serves them all: each account would also reach the others'`, {
        suggestion: 'write the ARN of the resource you mean (with its account), add `in ACCOUNT` to the grant, or make one permission set per account',
      });
      return undefined;
    }
  }
  if (widened && !grant.because) {
    ctx.bag.add('IAM2112', widened.word.span, `\`${widened.word.value}\` reaches ${widened.reach.what}; say why with \`because "…"\``, {
      suggestion: 'name the resources, or add `because "REASON"` to the grant',
    });
  }
  return targets;
}

/**
 * Help for a name the target's rule refuses. A qualified Lambda function or state machine name
 * (`thumbnailer:prod`) is the usual one: what follows the `:` is the pattern's to add, so the help
 * names the bare name. Otherwise it points to the listing that says what the name is, and
 * to the full ARN, which is always accepted as written.
 */
function badNameHelp(shape: TargetShape, service: string, written: string, context: ArnContext): string {
  const bare = written.split(':')[0]!;
  if (shape.meaning.kind === 'segment-colon' && bare !== written && bare !== '' && !('error' in shape.build(bare, context))) {
    return `write the name alone, \`${bare}\`: a name never holds \`:\`, and what follows one (a version, alias or execution) is the pattern's to add, as \`iamc stdlib ${service}\` shows`;
  }
  return `\`iamc stdlib ${service}\` shows what the name is; a full ARN (\`arn:…\`) is also accepted`;
}

/** `ecs-tasks` → `ecs-tasks.amazonaws.com`; a full host is kept. */
function serviceHost(word: string): string | undefined {
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(word)) return word;
  if (/^[a-z0-9-]+$/.test(word)) return `${word}.amazonaws.com`;
  return undefined;
}

function buildTarget(
  ctx: ResolveContext,
  shape: TargetShape,
  service: string,
  word: Word,
  account: AccountRef,
): { arn: string; widens: Reach | undefined } | undefined {
  const text = word.value;
  // Whether a target widens is asked of the ARN it becomes, so every spelling of "all" is one answer.
  const typeRef = { service, type: shape.catalogueType };
  if (text.startsWith('arn:')) {
    const problem = arnShapeProblem(text);
    if (problem !== undefined || !arnMatchesResourceType(text, service, shape.catalogueType)) {
      ctx.bag.add('IAM2111', word.span, `\`${text}\` is not an ARN of a ${service} ${shape.catalogueType}${problem !== undefined ? `: ${problem}` : ''}`, {
        suggestion: `write the name (${shape.nameHint}) and iamc builds the ARN`,
      });
      return undefined;
    }
    return { arn: text, widens: wildcardReach(text, typeRef) };
  }
  if (shape.regional && ctx.region === undefined) {
    ctx.bag.add('IAM2110', word.span, `\`${text}\` needs a region to build its ARN, and no \`region\` is declared`, {
      suggestion: 'declare the default region, e.g. `region eu-west-1`, or write the full ARN',
    });
    return undefined;
  }
  const built = shape.build(text, arnContext(ctx, account));
  if ('error' in built) {
    ctx.bag.add('IAM2111', word.span, `\`${text}\` is not a valid ${shape.nameHint}: ${built.error}`, { suggestion: badNameHelp(shape, service, text, arnContext(ctx, account)) });
    return undefined;
  }
  return { arn: built.arn, widens: wildcardReach(built.arn, typeRef) };
}

export function resolveRaw(ctx: ResolveContext, raw: RawStatement): RawGrant | undefined {
  const effect = raw.effect.value === 'allow' ? 'Allow' : 'Deny';
  const actions: string[] = [];
  for (const word of raw.actions) {
    for (const action of resolveAction(ctx, word, raw)) if (!actions.includes(action)) actions.push(action);
  }
  const resources: IntentTarget[] = [];
  let widened: { word: Word; reach: Reach } | undefined;
  for (const word of raw.resources) {
    const text = word.value;
    // An ARN may hold an S3 key, the one place AWS takes non-ASCII text: warn there, refuse the invisible.
    if (!checkNameCharacters(ctx.bag, word, { what: 'resource', unicode: text.startsWith('arn:aws:s3:::') && text.includes('/') })) continue;
    const problem = rawResourceProblem(text);
    if (problem !== undefined) {
      ctx.bag.add('IAM2111', word.span, `\`${text}\` is not an ARN: ${problem}`, { suggestion: 'the escape hatch takes full ARNs (`arn:aws:…`) or `"*"` with a reason' });
      continue;
    }
    const reach = wildcardReach(text);
    if (reach) widened ??= { word, reach };
    if (!resources.some((r) => r.arn === text)) resources.push({ arn: text, meaning: text, written: text, span: word.span });
  }
  if (effect === 'Allow' && !raw.because) {
    // An action AWS takes on nothing narrower than `*`, named on resources it never acts on.
    const wildcardOnly = raw.actions.find((w) => {
      const action = lookupAction(w.value);
      return action !== undefined && wildcardSuffices(action) && !raw.resources.some((r) => resourceTypesForArn(action, r.value).length > 0);
    });
    if (widened) {
      ctx.bag.add('IAM2112', widened.word.span, `\`${widened.word.value}\` reaches ${widened.reach.what}; say why with \`because "…"\``, {
        suggestion: 'name the resources, or add `because "REASON"`',
      });
    } else if (wildcardOnly) {
      ctx.bag.add('IAM2112', wildcardOnly.span, `AWS takes no narrower resource than \`*\` for \`${wildcardOnly.value}\`; say why with \`because "…"\``);
    }
  }
  if (actions.length === 0 || resources.length === 0) return undefined;
  return {
    kind: 'raw',
    effect,
    actions,
    resources,
    conditions: resolveConditions(ctx, raw.conditions),
    ...(raw.because ? { because: raw.because.value } : {}),
    span: raw.span,
  };
}

/**
 * The escape hatch takes `*` or a whole ARN: a known partition (or a wildcard, which the gate then
 * sees), a service, a region, an account of 12 digits (or `aws`, or a wildcard) and a resource.
 */
function rawResourceProblem(text: string): string | undefined {
  const shape = arnShapeProblem(text);
  if (shape !== undefined || /^[*?]+$/.test(text)) return shape;
  const [, partition, service, region, account] = arnFields(text) as [string, string, string, string, string];
  if (!/^(aws|aws-cn|aws-us-gov)$/.test(partition) && !/^[a-z*?-]*[*?][a-z*?-]*$/.test(partition)) return `\`${partition}\` is not a partition`;
  if (!/^[a-z0-9*?-]+$/.test(service)) return `\`${service}\` is not a service`;
  if (!/^[a-z0-9*?-]*$/.test(region)) return `\`${region}\` is not a region`;
  if (!/^(\d{12}|aws|)$/.test(account) && !/^[0-9*?]*[*?][0-9*?]*$/.test(account)) return `\`${account}\` is not an account id`;
  return undefined;
}

/**
 * `sqs:ListQueues` → the catalogue's spelling, or a diagnostic. An action wildcard (`ec2:Describe*`)
 * in an `allow` with a reason is a reviewed choice: it becomes the exact actions the catalogue lists
 * today, so the output never widens when AWS adds one (docs/language.md, "Reviewed action
 * wildcards"). Without a reason, in a `deny` (where expanding would let future actions through)
 * or as a whole service (`ec2:*`), a wildcard is refused.
 */
function resolveAction(ctx: ResolveContext, word: Word, raw: RawStatement): string[] {
  const text = word.value;
  const match = /^([a-z0-9-]+):([A-Za-z0-9*?]+)$/.exec(text);
  if (!match) {
    ctx.bag.add('IAM2117', word.span, `\`${text}\` is not an action`, { suggestion: 'actions are written `service:Action`, e.g. `sqs:ListQueues`' });
    return [];
  }
  const [, service, name] = match as unknown as [string, string, string];
  if (!serviceExists(service)) {
    ctx.bag.add('IAM2117', word.span, `\`${service}\` is not a service in AWS's action catalogue`, { suggestion: didYouMean(service, services()) });
    return [];
  }
  if (/[*?]/.test(name)) return expandReviewedWildcard(ctx, word, raw, service, name);
  const found = lookupAction(text);
  if (!found) {
    const names = actionsOfService(service).map((a) => `${service}:${a.name}`);
    ctx.bag.add('IAM2117', word.span, `\`${text}\` is not an action in AWS's action catalogue`, { suggestion: didYouMean(text, names) });
    return [];
  }
  return [`${service}:${found.name}`];
}

function expandReviewedWildcard(ctx: ResolveContext, word: Word, raw: RawStatement, service: string, name: string): string[] {
  const text = word.value;
  if (raw.effect.value === 'deny') {
    ctx.bag.add('IAM2117', word.span, `action wildcard \`${text}\` in a \`deny\` is refused: iamc writes exact actions, and a deny of today's actions would let tomorrow's through`, {
      suggestion: 'list the exact actions; a guardrail (`protect`, `restrict`) denies whole services',
    });
    return [];
  }
  if (/^[*?]+$/.test(name)) {
    ctx.bag.add('IAM2117', word.span, `\`${text}\` is every action of \`${service}\`: full access is not an intent`, {
      suggestion: `write the actions the workload calls, or a wildcard that names them, e.g. \`${service}:Describe*\``,
    });
    return [];
  }
  const expanded = expandActionGlob(text);
  if (expanded.length === 0) {
    ctx.bag.add('IAM2117', word.span, `\`${text}\` matches no action of \`${service}\` in AWS's action catalogue`, {
      suggestion: 'check the spelling: AWS writes actions in PascalCase after the prefix (`ec2:Describe*`)',
    });
    return [];
  }
  if (raw.because === undefined) {
    ctx.bag.add('IAM2117', word.span, `action wildcard \`${text}\` needs a reason: iamc writes the ${expanded.length} action${expanded.length === 1 ? '' : 's'} it matches today, and a reviewer should know why`, {
      suggestion: 'add `because "REASON"`, or list the exact actions',
    });
    return [];
  }
  return expanded;
}
