/**
 * Guardrails → service control policies. Every statement denies (SCPs grant nothing); exempt roles
 * are spared by an `ArnNotLike` on `aws:PrincipalArn` added to every statement, so no rule of the
 * guardrail reaches them. Exempt names are exact (resolve refuses globs), and a `ProtectExemptRoles`
 * Deny keeps anyone else from creating or taking over a role of such a name in a member account.
 *
 * `restrict regions … except [iam, …]` is a Deny with `NotAction: ["iam:*", …]`. The service
 * wildcards are deliberate: the exempt services' actions cannot be listed within the 5,120-byte
 * SCP quota (IAM alone has hundreds), and in the NotAction of a Deny a wildcard only narrows the
 * deny, so an action AWS adds later is exempt exactly as "except iam" says. It can never grant.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { IntentGuardrail } from '../ir/intent.js';
import { policyObject } from '../ir/policy-json.js';
import type { CompiledScp, Statement } from '../ir/policy.js';
import { GUARDRAILS, exemptRoleProtection, exemptRoles, regionRestriction } from '../../stdlib/guardrails.js';
import { PARTITION } from '../resolve/context.js';
import { grantStatements } from './lower.js';
import { SCP_MAX_BYTES, SCPS_PER_TARGET } from './limits.js';
import { finishStatements } from './sids.js';

export function lowerGuardrail(guardrail: IntentGuardrail, bag: DiagnosticBag): CompiledScp {
  const statements: Statement[] = [];
  for (const rule of guardrail.rules) {
    if (rule.kind === 'stdlib') {
      const pattern = GUARDRAILS.find((g) => g.id === rule.id);
      for (const s of pattern?.statements(PARTITION) ?? []) statements.push({ ...s, origins: [rule.span] });
    } else if (rule.kind === 'restrict-regions') {
      statements.push({ ...regionRestriction(rule.regions, rule.exceptServices), origins: [rule.span] });
    } else statements.push(...grantStatements(rule));
  }
  const protection = exemptRoleProtection(PARTITION, guardrail.exemptRoles);
  if (protection) statements.push({ ...protection, origins: [guardrail.span] });
  const exempt = exemptRoles(PARTITION, guardrail.exemptRoles, guardrail.exemptPermissionSets.map((p) => p.principalArn));
  const withExempt = exempt ? statements.map((s) => ({ ...s, conditions: [...s.conditions, exempt] })) : statements;
  const policy = { statements: finishStatements(withExempt) };
  const bytes = scpBytes(policy);
  if (bytes > SCP_MAX_BYTES) {
    bag.add('IAM3103', guardrail.span, `guardrail \`${guardrail.name}\` is ${bytes} bytes as an SCP; Organizations allows ${SCP_MAX_BYTES}`, {
      suggestion: 'split the guardrail in two and attach both',
    });
  }
  return { name: guardrail.name, policy, targets: guardrail.attachTo.map((t) => ({ kind: t.kind, id: t.id })), span: guardrail.span };
}

/** Organizations counts an SCP in bytes after removing whitespace outside strings. */
export function scpBytes(policy: CompiledScp['policy']): number {
  return Buffer.byteLength(JSON.stringify(policyObject(policy)), 'utf8');
}

/** At most 5 SCPs on one root, OU or account; reported at each guardrail beyond the fifth. */
export function checkScpsPerTarget(guardrails: readonly IntentGuardrail[], bag: DiagnosticBag): void {
  const byTarget = new Map<string, IntentGuardrail[]>();
  for (const g of guardrails) {
    for (const t of g.attachTo) {
      const key = `${t.kind} ${t.id}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), g]);
    }
  }
  for (const [key, attached] of [...byTarget.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (attached.length <= SCPS_PER_TARGET) continue;
    const [kind, id] = key.split(' ');
    const where = kind === 'root' ? 'the root' : `${kind} \`${id}\``;
    for (const g of attached.slice(SCPS_PER_TARGET)) {
      const span = g.attachTo.find((t) => `${t.kind} ${t.id}` === key)!.span;
      bag.add('IAM3150', span, `${attached.length} guardrails attach to ${where}; Organizations allows ${SCPS_PER_TARGET} SCPs on one target`, {
        detail: 'the default `FullAWSAccess` policy counts among the five while it stays attached',
        related: attached.slice(0, SCPS_PER_TARGET).map((other) => ({ message: `\`${other.name}\` attaches here too`, span: other.span })),
        suggestion: 'merge guardrails that share a target',
      });
    }
  }
}
