/**
 * What `iamc stdlib` shows, as one plain model: grant patterns, principals, guardrails, boundary
 * protections, administrator-equivalent managed policies and the catalogue overrides. The JSON
 * format prints the model as it is; the text format lays the same model out, so the two never
 * disagree about what the library holds.
 */
import { catalogueVersion } from '../compiler/catalogue/catalogue.js';
import { CATALOGUE_OVERRIDES, type CatalogueOverride } from '../compiler/catalogue/overrides.js';
import type { ConditionClause } from '../compiler/ir/intent.js';
import { boundaryProtections, delegatedRoleCreation, roleCreationWithoutThisBoundary } from '../stdlib/boundary.js';
import { exemptRoleProtection, GUARDRAILS, regionRestriction } from '../stdlib/guardrails.js';
import { PATTERNS } from '../stdlib/index.js';
import { ADMIN_EQUIVALENT_POLICIES } from '../stdlib/managed-policies.js';
import type { Pattern, TargetArn } from '../stdlib/pattern.js';
import { AZURE_DEVOPS, GITHUB, SERVICE_TRUSTS } from '../stdlib/principals.js';
import type { StdlibStatement } from '../stdlib/statement.js';

/** Placeholders in templates: filled by the compiler from the program (account, region, the name). */
const NAME = '{name}';
const PLACEHOLDER_CONTEXT = { partition: '{partition}', region: '{region}', account: '{account}' } as const;

export interface PatternListing {
  readonly id: string;
  /** The words a user writes: `read s3 objects`. */
  readonly words: string;
  readonly service: string;
  readonly verb: string;
  readonly resourceType: string;
  readonly doc: string;
  readonly note?: string;
  readonly target: { readonly form: string; readonly hint: string; readonly meaning: string; readonly template: string; readonly catalogueType?: string };
  readonly takesTo: boolean;
  readonly options: readonly { readonly word: string; readonly hint: string }[];
  readonly parts: readonly {
    readonly actions: readonly string[];
    /** The resources, with `{name}` where the target's name goes and `{option}` for options. */
    readonly resources: readonly string[];
    readonly conditions: readonly string[];
    readonly why?: string;
  }[];
  readonly versusCdk?: string;
}

export interface StatementListing {
  readonly sid: string;
  readonly effect: string;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly string[];
}

export interface StdlibListing {
  readonly catalogue: string;
  readonly patterns: readonly PatternListing[];
  readonly principals: readonly { readonly form: string; readonly trusts: string; readonly doc: string; readonly conditions: readonly string[] }[];
  readonly guardrails: readonly { readonly words: string; readonly doc: string; readonly statements: readonly StatementListing[] }[];
  readonly boundaryProtections: readonly { readonly when: string; readonly statements: readonly StatementListing[] }[];
  readonly managedPolicies: readonly { readonly name: string; readonly reach: string }[];
  readonly catalogueOverrides: readonly CatalogueOverride[];
}

const clause = (c: ConditionClause): string => `${c.operator} ${c.key} = ${c.values.join(', ')}`;

function listPattern(p: Pattern): PatternListing {
  const form = p.target.form ?? 'name';
  const template = p.target.meaning.template
    .replace('{partition}', PLACEHOLDER_CONTEXT.partition)
    .replace('{region}', PLACEHOLDER_CONTEXT.region)
    .replace('{account}', PLACEHOLDER_CONTEXT.account);
  const options = Object.entries(p.options ?? {}).map(([word, o]) => ({ word, hint: o.hint }));
  const target: TargetArn = {
    arn: form === 'name' ? template : '*',
    ...(form === 'none' ? {} : { written: NAME }),
    options: Object.fromEntries(options.map((o) => [o.word, `{${o.word}}`])),
  };
  return {
    id: p.id,
    words: `${p.verb} ${p.service} ${p.resourceType}`,
    service: p.service,
    verb: p.verb,
    resourceType: p.resourceType,
    doc: p.doc,
    ...(p.note !== undefined ? { note: p.note } : {}),
    target: { form, hint: p.target.nameHint, meaning: p.target.meaning.kind, template, ...(p.target.catalogueType ? { catalogueType: p.target.catalogueType } : {}) },
    takesTo: p.takesTo === true,
    options,
    parts: p.parts.map((part) => ({
      actions: part.actions,
      resources: part.on(target),
      conditions: (part.conditions?.(target) ?? []).map(clause),
      ...(part.why !== undefined ? { why: part.why } : {}),
    })),
    ...(p.versusCdk !== undefined ? { versusCdk: p.versusCdk } : {}),
  };
}

function listStatement(s: StdlibStatement): StatementListing {
  return {
    sid: s.sid,
    effect: s.effect,
    ...(s.actions ? { actions: s.actions } : {}),
    ...(s.notActions ? { notActions: s.notActions } : {}),
    resources: s.resources,
    conditions: s.conditions.map(clause),
  };
}

function principals(): StdlibListing['principals'] {
  const ctx = { ...PLACEHOLDER_CONTEXT, functionGlob: '{function}' };
  const services = Object.entries(SERVICE_TRUSTS)
    .filter(([form]) => form !== 'generic')
    .map(([form, t]) => ({ form: form === 'lambda' ? 'lambda "FUNCTION-GLOB"' : form, trusts: t.service, doc: t.doc, conditions: t.conditions(ctx).map(clause) }));
  const subject = `StringEquals ${GITHUB.host}:sub = ${GITHUB.subject('{org/repo}', 'branch', '{branch}')}`;
  return [
    ...services,
    {
      form: 'github "ORG/REPO" REF[, REF…] where REF is branch|environment|tag "X" | pull-request',
      trusts: `oidc-provider/${GITHUB.host}`,
      doc: 'a GitHub Actions job of that repository on any of the refs given (an environment admits any branch deploying to it)',
      conditions: [`StringEquals ${GITHUB.host}:aud = ${GITHUB.audience}`, subject],
    },
    {
      form: 'azure-devops "ORG/PROJECT/CONNECTION"[, …] organization-id "GUID"',
      trusts: `oidc-provider/${AZURE_DEVOPS.host('{organization-id}')}`,
      doc: 'any of the Azure DevOps service connections given, by workload identity federation',
      conditions: [`StringEquals ${AZURE_DEVOPS.host('{organization-id}')}:aud = ${AZURE_DEVOPS.audience}`, `StringEquals ${AZURE_DEVOPS.host('{organization-id}')}:sub = ${AZURE_DEVOPS.subject('{org/project/connection}')}`],
    },
    { form: 'role "NAME" in ACCOUNT [external-id "X"] [mfa]', trusts: 'arn:{partition}:iam::{account}:role/NAME', doc: 'one role of another (or the same) account', conditions: [] },
    { form: 'account ACCOUNT [external-id "X"] [mfa] because "REASON"', trusts: 'arn:{partition}:iam::{account}:root', doc: 'every principal the account allows to assume it', conditions: [] },
    { form: 'service "HOST.amazonaws.com"', trusts: '{host}', doc: SERVICE_TRUSTS.generic.doc, conditions: SERVICE_TRUSTS.generic.conditions(ctx).map(clause) },
  ];
}

function guardrails(): StdlibListing['guardrails'] {
  return [
    ...GUARDRAILS.map((g) => ({ words: `${g.kind} ${g.name}`, doc: g.doc, statements: g.statements('aws').map(listStatement) })),
    {
      words: 'restrict regions [REGIONS] except [SERVICES]',
      doc: 'denies every action outside the regions, except the services named (example: `["eu-west-1"] except [iam, sts]`)',
      statements: [listStatement(regionRestriction(['eu-west-1'], ['iam', 'sts']))],
    },
    {
      words: 'exempt role "NAME"',
      doc: 'spares the role in every rule, and keeps its name out of everyone else\'s reach (example: `break-glass`)',
      statements: [listStatement(exemptRoleProtection('aws', ['break-glass'])!)],
    },
  ];
}

function boundaries(): StdlibListing['boundaryProtections'] {
  const account = '{account}';
  const arn = `arn:aws:iam::${account}:policy/{boundary}`;
  const always = boundaryProtections('aws', account, arn, true);
  const undelegated = boundaryProtections('aws', account, arn, false).filter((s) => !always.some((a) => a.sid === s.sid));
  return [
    { when: 'always', statements: always.map(listStatement) },
    { when: 'without `delegate role-creation`', statements: [...undelegated, roleCreationWithoutThisBoundary('aws', account, arn)].map(listStatement) },
    { when: 'with `delegate role-creation`', statements: [delegatedRoleCreation('aws', account, arn)].map(listStatement) },
  ];
}

/** The whole library, or one service's patterns (the other sections belong to no service). */
export function stdlibListing(service?: string, resourceType?: string): StdlibListing {
  const patterns = PATTERNS.filter((p) => (service === undefined || p.service === service) && (resourceType === undefined || p.resourceType === resourceType)).map(listPattern);
  const whole = service === undefined;
  return {
    catalogue: catalogueVersion(),
    patterns,
    principals: whole ? principals() : [],
    guardrails: whole ? guardrails() : [],
    boundaryProtections: whole ? boundaries() : [],
    managedPolicies: whole ? ADMIN_EQUIVALENT_POLICIES.map((p) => ({ name: p.name, reach: p.reach })) : [],
    catalogueOverrides: CATALOGUE_OVERRIDES.filter((o) => service === undefined || (o.kind === 'resource-types' ? o.action.split(':')[0] : o.resourceType.split('/')[0]) === service),
  };
}

function statementLines(s: StatementListing): string[] {
  const actions = s.actions ? s.actions.join(', ') : `every action except ${(s.notActions ?? []).join(', ')}`;
  return [`    ${s.effect} ${actions}`, `      on ${s.resources.join(', ')}`, ...s.conditions.map((c) => `      when ${c}`)];
}

export function renderStdlibText(listing: StdlibListing): string {
  const lines: string[] = [];
  for (const p of listing.patterns) {
    // The first line is what one writes; what each placeholder stands for follows on its own line,
    // so a hint's own backticks and commas never read as part of the grant.
    const target = p.target.form === 'none' ? '' : ' "NAME"';
    const options = p.options.map((o) => ` [${o.word} "VALUE"]`).join('');
    lines.push(`${p.words}${target}${p.takesTo ? ' to SERVICE' : ''}${options}`);
    lines.push(`    ${p.doc}`);
    lines.push(`    target: ${p.target.form === 'none' ? 'none; written alone' : p.target.form === 'condition' ? `${p.target.hint} (a condition, not a resource)` : p.target.hint}`);
    for (const o of p.options) lines.push(`    option ${o.word}: ${o.hint}`);
    for (const part of p.parts) {
      lines.push(`    ${part.actions.join(', ')}`);
      lines.push(`      on ${part.resources.join(', ')}`);
      for (const c of part.conditions) lines.push(`      when ${c}`);
      if (part.why) lines.push(`      why: ${part.why}`);
    }
    if (p.note) lines.push(`    note: ${p.note}`);
    if (p.versusCdk) lines.push(`    versus CDK: ${p.versusCdk}`);
    lines.push('');
  }
  if (listing.principals.length > 0) {
    lines.push('principals (role NAME for …):');
    for (const p of listing.principals) {
      lines.push(`    ${p.form}`, `      ${p.doc}; trusts ${p.trusts}`);
      for (const c of p.conditions) lines.push(`      when ${c}`);
    }
    lines.push('');
  }
  if (listing.guardrails.length > 0) {
    lines.push('guardrails (SCP statements):');
    for (const g of listing.guardrails) {
      lines.push(`  ${g.words}`, `    ${g.doc}`);
      for (const s of g.statements) lines.push(...statementLines(s));
    }
    lines.push('');
  }
  if (listing.boundaryProtections.length > 0) {
    lines.push('boundary protections (added to every boundary policy):');
    for (const b of listing.boundaryProtections) {
      lines.push(`  ${b.when}:`);
      for (const s of b.statements) lines.push(...statementLines(s));
    }
    lines.push('');
  }
  if (listing.managedPolicies.length > 0) {
    lines.push('administrator-equivalent managed policies (a permission set attaching one needs `because`):');
    for (const m of listing.managedPolicies) lines.push(`    ${m.name}: ${m.reach}`);
    lines.push('');
  }
  if (listing.catalogueOverrides.length > 0) {
    lines.push(`catalogue overrides (corrections to AWS's catalogue, ${listing.catalogue}):`);
    for (const o of listing.catalogueOverrides) {
      lines.push(`    ${o.kind === 'resource-types' ? o.action : `${o.resourceType} ARNs`}`);
      lines.push(`      catalogue: ${o.catalogue}`, `      AWS enforces: ${o.enforced}`, `      source: ${o.source} (checked ${o.checked})`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
