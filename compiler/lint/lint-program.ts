/**
 * Lint what iamc compiled, reported at the intent's spans: each emitted statement points at the
 * grants it came from (its `origins`), each trust at the role's `for` clause. The same rules read
 * plain policy JSON; here the ones `verify` already proves (catalogue, resource types, condition
 * keys) are skipped, and one rule needs both a role's trust and its grants: privileged roles
 * assumable without MFA (IAM5118).
 */
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Located, Span } from '../diagnostics/span.js';
import type { IntentGrant, IntentProgram } from '../ir/intent.js';
import type { CompiledProgram, CompiledRole, PolicyDocument, Statement } from '../ir/policy.js';
import type { DocumentKind, LintDocument, LintStatement } from './document.js';
import { expandAction, managesPermissions, qualifiedName } from './action-facts.js';
import { lintDocument } from './lint-document.js';
import { dedupe } from './lint-policy-file.js';
import { canonicalConditions } from '../ir/conditions.js';
import { grantStatements } from '../lower/lower.js';
import { adminManagedPolicyWithoutReason } from './rules/managed-policies.js';
import { managedPolicyWidth } from './rules/managed-policy-width.js';
import { regionRestrictionBlocksGlobalServices } from './rules/region-restriction.js';
import { escalations } from './rules/escalation.js';
import { managedPolicyDocument } from '../ir/managed-policy-document.js';

export function lintProgram(intent: IntentProgram, program: CompiledProgram): Diagnostic[] {
  const grants = new Map<string, IntentGrant>();
  for (const g of [
    ...intent.roles.flatMap((r) => r.grants),
    ...intent.permissionSets.flatMap((p) => p.grants),
    ...intent.boundaries.flatMap((b) => b.statements),
  ]) {
    grants.set(spanKey(g.span), g);
  }
  const view = (kind: DocumentKind, name: string, doc: PolicyDocument, span: Span): LintDocument => ({
    kind,
    name,
    statements: doc.statements.flatMap((s) => byOrigin(s, grants).map((piece) => toLint(piece.statement, span, piece.reasoned))),
    span,
  });

  const out: Diagnostic[] = [];
  for (const role of program.roles) {
    const name = `role \`${role.name}\``;
    out.push(...lintDocument(view('trust', name, role.trust, role.span), { compiled: true }));
    const own = role.policies.map((policy) => view('identity', name, policy, role.span));
    for (const doc of own) out.push(...lintDocument(doc, { compiled: true }));
    out.push(...managedEscalations(intent, role, own.flatMap((d) => d.statements)));
    out.push(...privilegedWithoutMfa(intent, role));
  }
  for (const set of program.permissionSets) out.push(...lintDocument(view('identity', `permission set \`${set.name}\``, set.policy, set.span), { compiled: true }));
  for (const b of program.boundaries) out.push(...lintDocument(view('boundary', `boundary \`${b.name}\``, b.policy, b.span), { compiled: true }));
  for (const scp of program.scps) out.push(...lintDocument(view('scp', `guardrail \`${scp.name}\``, scp.policy, scp.span), { compiled: true }));
  out.push(...regionRestrictionBlocksGlobalServices(intent), ...adminManagedPolicyWithoutReason(intent), ...managedPolicyWidth(intent, program));
  return sortDiagnostics(dedupe(out));
}

/**
 * A merged statement seen as the pieces each grant put into it, each at that grant's place and
 * with that grant's reason: a `because` on one grant neither covers another grant's `*` nor is
 * lost when the two merge. Merging is exact (see merge-statements.ts), so every action × resource
 * of the statement lies in some grant's own statement; whatever no piece explains (lowering added
 * it) is kept whole, unreasoned.
 */
function byOrigin(s: Statement, grants: ReadonlyMap<string, IntentGrant>): { statement: Statement; reasoned: boolean }[] {
  const sources = s.origins.map((o) => grants.get(spanKey(o)));
  if (s.origins.length <= 1 || sources.some((g) => g === undefined)) {
    return [{ statement: s, reasoned: sources.length > 0 && sources.every((g) => g?.because !== undefined) }];
  }
  const conditions = JSON.stringify(canonicalConditions(s.conditions));
  const pieces: { statement: Statement; reasoned: boolean }[] = [];
  const explained = new Set<string>();
  for (const grant of sources as IntentGrant[]) {
    for (const own of grantStatements(grant)) {
      if (own.effect !== s.effect || JSON.stringify(canonicalConditions(own.conditions)) !== conditions) continue;
      const actions = (own.actions ?? []).filter((a) => s.actions?.includes(a));
      const resources = (own.resources ?? []).filter((r) => s.resources?.includes(r));
      if (actions.length === 0 || resources.length === 0) continue;
      for (const a of actions) for (const r of resources) explained.add(`${a}\u0000${r}`);
      pieces.push({ statement: { ...s, actions, resources, origins: [grant.span] }, reasoned: grant.because !== undefined });
    }
  }
  const whole = (s.actions ?? []).every((a) => (s.resources ?? []).every((r) => explained.has(`${a}\u0000${r}`)));
  if (!whole || s.notActions || s.notResources) pieces.push({ statement: s, reasoned: false });
  return pieces;
}

function toLint(s: Statement, ownerSpan: Span, reasoned: boolean): LintStatement {
  const span = s.origins[0] ?? ownerSpan;
  const at = (values: readonly string[] | undefined): Located<string>[] | undefined => values?.map((value) => ({ value, span }));
  const principal = s.principal
    ? {
        ...(s.principal.AWS?.includes('*') ? { everyone: span } : {}),
        aws: at(s.principal.AWS?.filter((a) => a !== '*')) ?? [],
        service: at(s.principal.Service) ?? [],
        federated: at(s.principal.Federated) ?? [],
        span,
      }
    : undefined;
  return {
    effect: { value: s.effect, span },
    sid: s.sid,
    ...(principal ? { principal } : {}),
    ...optional('actions', at(s.actions)),
    ...optional('notActions', at(s.notActions)),
    ...optional('resources', at(s.resources)),
    ...optional('notResources', at(s.notResources)),
    conditions: s.conditions.map((c) => ({ operator: { value: c.operator, span }, key: { value: c.key, span }, values: at(c.values) ?? [] })),
    reasoned,
    span,
  };
}

/** A role that can change permissions, assumable by AWS principals, must demand MFA. */
function privilegedWithoutMfa(intent: IntentProgram, role: CompiledRole): Diagnostic[] {
  const declared = intent.roles.find((r) => r.name === role.name && r.account.id === role.account.id);
  if (!declared || declared.principal.kind !== 'aws' || declared.principal.mfa) return [];
  for (const policy of role.policies) {
    for (const s of policy.statements) {
      if (s.effect !== 'Allow') continue;
      const privileged = (s.actions ?? []).flatMap(expandAction).find(managesPermissions);
      if (!privileged) continue;
      const grantSpan = s.origins[0] ?? role.span;
      return [
        diagnostic('IAM5118', declared.principal.span, `role \`${role.name}\` can manage permissions (\`${qualifiedName(privileged)}\`) and is assumable without MFA`, {
          suggestion: 'add `mfa` to the `for` clause',
          related: [{ message: `\`${qualifiedName(privileged)}\` is granted here`, span: grantSpan }],
        }),
      ];
    }
  }
  return [];
}

/**
 * An AWS managed policy joins the role's own statements for the escalation rule (IAM5122): a
 * managed `lambda:CreateFunction` beside the role's own `iam:PassRole` on `*` escalates as surely
 * as one policy holding both. Findings within the role's own statements are reported per policy
 * already; a managed policy attached with `because` was reviewed, as IAM5161 asks.
 */
function managedEscalations(intent: IntentProgram, role: CompiledRole, own: readonly LintStatement[]): Diagnostic[] {
  const declared = intent.roles.find((r) => r.name === role.name && r.account.id === role.account.id);
  const unreviewed = (declared?.managedPolicies ?? []).filter((m) => m.aws && m.because === undefined);
  const managed = unreviewed.flatMap((m) => (managedPolicyDocument(m.policy)?.statements ?? []).map((s) => toLint(s, m.span, false)));
  if (managed.length === 0) return [];
  const places = new Map(unreviewed.map((m) => [spanKey(m.span), m]));
  const doc: LintDocument = { kind: 'identity', name: `role \`${role.name}\``, statements: [...own, ...managed], span: role.span };
  return escalations(doc).flatMap((d) => {
    const m = [d.span, ...(d.related ?? []).map((r) => r.span)].map((s) => places.get(spanKey(s))).find((x) => x !== undefined);
    return m ? [{ ...d, detail: `\`${m.policy.slice(m.policy.lastIndexOf('/') + 1)}\` is an AWS managed policy, attached as written and outside the containment proof`, suggestion: `attach a narrower policy, or say why: \`${m.written} because "…"\`` }] : [];
  });
}

function spanKey(span: Span): string {
  return `${span.file}:${span.offset}:${span.endOffset}`;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
