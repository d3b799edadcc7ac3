/**
 * `iamc explain`: why a compiled role may or may not make one request. The decision comes from
 * iamc's own evaluator; the statements that decided it (or came closest) are traced back to the
 * intent lines they were compiled from, through each statement's `origins`.
 */
import { contextValues, conditionMatches, type Context } from '../eval/conditions.js';
import { evaluate, type Decision, type Evaluation } from '../eval/evaluate.js';
import type { ConditionClause } from '../ir/intent.js';
import type { CompiledProgram, CompiledRole, PolicyDocument, Statement } from '../ir/policy.js';
import type { Span } from '../diagnostics/span.js';
import { closest, didYouMean } from '../diagnostics/did-you-mean.js';
import type { Code } from '../diagnostics/codes.js';
import { actionsOfService, lookupAction, serviceExists } from '../catalogue/catalogue.js';
import { managedPolicyDocument } from '../ir/managed-policy-document.js';

export interface ExplainRequest {
  readonly role: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, readonly string[]>>;
}

/** Which document a statement sits in: `identity`, `identity 2` (a split policy), `boundary NAME`. */
export interface LocatedStatement {
  readonly policy: string;
  readonly statement: Statement;
  /** A statement of an attached managed policy: iamc did not write it, and did not prove it. */
  readonly outsideProof?: true;
}

export type MismatchPart = 'action' | 'resource' | 'condition';

export interface Mismatch {
  readonly part: MismatchPart;
  readonly message: string;
}

export interface NearMiss extends LocatedStatement {
  readonly mismatches: readonly Mismatch[];
}

export interface Explanation {
  readonly role: string;
  readonly roleArn: string;
  readonly boundary?: string;
  readonly request: { readonly action: string; readonly resource: string; readonly context: Context };
  readonly decision: Decision;
  readonly decidedBy: Evaluation['decidedBy'];
  /** The statements that decided: the matching denies, or the matching allows. */
  readonly deciding: readonly LocatedStatement[];
  /** For an implicit deny: the statements that came closest, and what each missed. */
  readonly closest: readonly NearMiss[];
  /**
   * Policy variables (`${aws:username}`) in statements for this action that the request does not
   * carry: the decision depends on them. Variables the request carries were substituted.
   */
  readonly unresolved: readonly string[];
  /** Customer managed policies the role attaches: their documents are not in the output, so the decision leaves them out. */
  readonly unseen: readonly string[];
}

/** Which request argument a problem is about, so the command line can point at it. */
export type RequestArgument = 'role' | 'action' | 'resource';

export interface ExplainProblem {
  readonly code: Code;
  readonly argument: RequestArgument;
  readonly message: string;
  readonly suggestion?: string;
}

export type ExplainOutcome = { readonly ok: true; readonly explanation: Explanation } | ({ readonly ok: false } & ExplainProblem);

/**
 * The action of a request must be one AWS has: a misspelt action would be "implicitly denied",
 * which reads as an answer when it is a typo.
 */
export function requestActionProblem(action: string): ExplainProblem | undefined {
  const match = /^([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(action);
  if (!match) {
    return { code: 'IAM0050', argument: 'action', message: `\`${action}\` is not an action`, suggestion: 'a request names one action, `service:Action`, e.g. `s3:GetObject` (no wildcards)' };
  }
  const service = match[1]!;
  if (!serviceExists(service)) {
    return { code: 'IAM0050', argument: 'action', message: `\`${service}\` is not a service in AWS's action catalogue` };
  }
  if (lookupAction(action) === undefined) {
    const names = actionsOfService(service).map((a) => `${service}:${a.name}`);
    const near = didYouMean(action, names);
    return { code: 'IAM0050', argument: 'action', message: `\`${action}\` is not an action in AWS's action catalogue`, ...(near !== undefined ? { suggestion: near } : {}) };
  }
  return undefined;
}

/** A request names one resource: an ARN, or `*` for actions that take none. */
export function requestResourceProblem(resource: string): ExplainProblem | undefined {
  if (resource === '*' || /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/.test(resource)) return undefined;
  return {
    code: 'IAM0051',
    argument: 'resource',
    message: `\`${resource}\` is not an ARN`,
    suggestion: 'write the full ARN, e.g. `arn:aws:s3:::my-bucket/report.csv`, or `*` for an action that takes no resource',
  };
}

/** At most this many near misses are shown: past three, a list stops explaining. */
const MAX_CLOSEST = 3;

export function explainRequest(program: CompiledProgram, request: ExplainRequest): ExplainOutcome {
  const role = program.roles.find((r) => r.name === request.role);
  if (!role) {
    const names = program.roles.map((r) => r.name);
    const near = closest(request.role, names);
    return {
      ok: false,
      code: 'IAM0006',
      argument: 'role',
      message: `no role \`${request.role}\` in the compiled program`,
      ...(near !== undefined
        ? { suggestion: `did you mean \`${near}\`?` }
        : names.length > 0
          ? { suggestion: `roles: ${names.slice(0, 10).map((n) => `\`${n}\``).join(', ')}${names.length > 10 ? ', …' : ''}` }
          : {}),
    };
  }
  const problem = requestActionProblem(request.action) ?? requestResourceProblem(request.resource);
  if (problem !== undefined) return { ok: false, ...problem };
  const roleArn = `arn:aws:iam::${role.account.id}:role${role.path}${role.name}`;
  const boundaryDoc = role.boundary === undefined ? undefined : program.boundaries.find((b) => b.name === role.boundary)?.policy;
  const context: Record<string, string | readonly string[]> = {
    'aws:PrincipalArn': roleArn,
    'aws:PrincipalAccount': role.account.id,
  };
  for (const [key, values] of Object.entries(request.context)) context[key] = values.length === 1 ? values[0]! : values;
  const evalRequest = { principal: roleArn, action: request.action, resource: request.resource, context };

  // The evaluator compares policy variables as written; AWS replaces them with the request's
  // values first. Boundaries use `${aws:PrincipalAccount}` to serve many accounts, and intents may
  // use any AWS variable: each the request carries is put in before evaluating.
  const boundary = boundaryDoc && substituteVariables(boundaryDoc, context);
  const policies = role.policies.map((p) => substituteVariables(p, context));
  // Attached managed policies are part of the role's access, though not of the proof.
  const managed = role.managedPolicies.flatMap((arn) => {
    const doc = managedPolicyDocument(arn);
    return doc ? [{ name: arn.slice(arn.lastIndexOf('/') + 1), doc: substituteVariables(doc, context) }] : [];
  });
  const unseen = role.managedPolicies.filter((arn) => managedPolicyDocument(arn) === undefined);
  const evaluation = evaluate({ identity: [...policies, ...managed.map((m) => m.doc)], ...(boundary ? { boundary: [boundary] } : {}) }, evalRequest);
  const identity = [
    ...located(role, policies),
    ...managed.flatMap((m) => m.doc.statements.map((statement) => ({ policy: `AWS managed ${m.name}`, statement, outsideProof: true as const }))),
  ];
  const bounded = boundary ? boundary.statements.map((statement) => ({ policy: `boundary ${role.boundary!}`, statement })) : [];
  const all = [...identity, ...bounded];
  const applies = (s: Statement) => statementApplies(s, evalRequest);

  const forThisAction = all.filter((l) => statementApplies(onlyActions(l.statement), evalRequest));
  const unresolved = [...new Set(forThisAction.flatMap((l) => variablesOf(l.statement)))].sort();
  let deciding: LocatedStatement[] = [];
  let near: NearMiss[] = [];
  if (evaluation.decision === 'ExplicitlyDenied') {
    deciding = all.filter((l) => l.statement.effect === 'Deny' && applies(l.statement));
  } else if (evaluation.decision === 'Allowed') {
    deciding = all.filter((l) => l.statement.effect === 'Allow' && applies(l.statement));
  } else if (evaluation.decidedBy === 'boundary') {
    // The identity policy allows; the boundary does not. Show both sides.
    deciding = identity.filter((l) => l.statement.effect === 'Allow' && applies(l.statement));
    near = closestMisses(bounded, evalRequest);
  } else {
    near = closestMisses(identity, evalRequest);
  }
  return {
    ok: true,
    explanation: {
      role: role.name,
      roleArn,
      ...(role.boundary !== undefined ? { boundary: role.boundary } : {}),
      request: { action: request.action, resource: request.resource, context },
      decision: evaluation.decision,
      decidedBy: evaluation.decidedBy,
      deciding,
      closest: near,
      unresolved,
      unseen,
    },
  };
}

function located(role: CompiledRole, policies: readonly PolicyDocument[]): LocatedStatement[] {
  return policies.flatMap((doc, i) => doc.statements.map((statement) => ({ policy: i === 0 ? 'identity' : `identity ${i + 1}`, statement })));
}

type EvalRequestShape = { principal: string; action: string; resource: string; context: Context };

/** Does this one statement cover the request (as an Allow)? Asked of the evaluator, not re-implemented. */
function statementApplies(s: Statement, request: EvalRequestShape): boolean {
  const alone: PolicyDocument = { statements: [{ ...s, effect: 'Allow' }] };
  return evaluate({ identity: [alone] }, request).decision === 'Allowed';
}

/** The statement with one part taken out of play, so each part can be asked about on its own. */
function onlyActions(s: Statement): Statement {
  return { sid: s.sid, effect: 'Allow', ...(s.actions ? { actions: s.actions } : {}), ...(s.notActions ? { notActions: s.notActions } : {}), resources: ['*'], conditions: [], origins: s.origins };
}
function onlyResources(s: Statement): Statement {
  return { sid: s.sid, effect: 'Allow', actions: ['*'], ...(s.resources ? { resources: s.resources } : {}), ...(s.notResources ? { notResources: s.notResources } : {}), conditions: [], origins: s.origins };
}

function closestMisses(candidates: readonly LocatedStatement[], request: EvalRequestShape): NearMiss[] {
  const scored = candidates
    .filter((l) => l.statement.effect === 'Allow')
    .map((l, index) => {
      const mismatches = mismatchesOf(l.statement, request);
      const parts = new Set(mismatches.map((m) => m.part));
      // The action matters most (a statement for another action is barely related), then the resource.
      const score = (parts.has('action') ? 0 : 4) + (parts.has('resource') ? 0 : 2) + (parts.has('condition') ? 0 : 1);
      return { near: { ...l, mismatches }, score, index };
    })
    // A statement that matches neither the action nor the resource is not close: leave it out.
    .filter((s) => s.score >= 2)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, MAX_CLOSEST).map((s) => s.near);
}

function mismatchesOf(s: Statement, request: EvalRequestShape): Mismatch[] {
  const out: Mismatch[] = [];
  if (!statementApplies(onlyActions(s), request)) {
    const listed = s.actions ?? [];
    out.push({
      part: 'action',
      message: s.actions
        ? `\`${request.action}\` is not among its actions ${quoteList(listed)}`
        : `\`${request.action}\` is excluded by its \`NotAction\` ${quoteList(s.notActions ?? [])}`,
    });
  }
  if (!statementApplies(onlyResources(s), request)) {
    out.push({
      part: 'resource',
      message: s.resources
        ? `\`${request.resource}\` does not match its resources ${quoteList(s.resources)}`
        : s.notResources
          ? `\`${request.resource}\` is excluded by its \`NotResource\` ${quoteList(s.notResources)}`
          : `it names no resource`,
    });
  }
  for (const clause of s.conditions) {
    if (conditionMatches(clause, request.context)) continue;
    const given = contextValues(request.context, clause.key);
    out.push({
      part: 'condition',
      message:
        given === undefined
          ? `condition ${describeCondition(clause)} needs \`${clause.key}\`, which the request does not carry (give it with \`--context ${clause.key}=VALUE\`)`
          : `condition ${describeCondition(clause)} does not hold for ${quoteList(given)}`,
    });
  }
  return out;
}

export function describeCondition(clause: ConditionClause): string {
  return `\`${clause.operator} ${clause.key} ${clause.values.length === 1 ? clause.values[0]! : `[${clause.values.join(', ')}]`}\``;
}

function quoteList(values: readonly string[]): string {
  const shown = values.slice(0, 5).map((v) => `\`${v}\``).join(', ');
  return values.length > 5 ? `${shown}, … (${values.length} in all)` : shown;
}

/** `${aws:username}`, `${aws:PrincipalTag/team}`; the escapes `${*}`, `${?}`, `${$}` are not variables. */
const VARIABLE = /\$\{([A-Za-z0-9-]+:[^}\s]+)\}/g;

/** Variables left in a statement's resources and condition values. */
function variablesOf(s: Statement): string[] {
  const texts = [...(s.resources ?? []), ...(s.notResources ?? []), ...s.conditions.flatMap((c) => c.values)];
  return texts.flatMap((t) => [...t.matchAll(VARIABLE)].map((m) => `\${${m[1]!}}`));
}

/** Each variable the request carries (single-valued; keys compare case-insensitively, as in AWS). */
function substituteVariables(doc: PolicyDocument, context: Context): PolicyDocument {
  const byKey = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  const sub = (text: string) =>
    text.replace(VARIABLE, (whole, key: string) => {
      const value = byKey.get(key.toLowerCase());
      // A multi-valued key has no single substitution; the statement keeps the variable and is reported.
      return typeof value === 'string' ? value : whole;
    });
  return {
    statements: doc.statements.map((s) => ({
      ...s,
      ...(s.resources ? { resources: s.resources.map(sub) } : {}),
      ...(s.notResources ? { notResources: s.notResources.map(sub) } : {}),
      conditions: s.conditions.map((c) => ({ ...c, values: c.values.map(sub) })),
    })),
  };
}

/** Origins as `file:line:col`, for rendering and JSON. */
export function spanLabel(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}
