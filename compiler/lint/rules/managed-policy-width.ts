/**
 * How much wider an attached AWS managed policy is than the role's own grants (IAM5162, a note):
 * the managed document is outside the containment proof, so the reviewer is told, in actions, how
 * far past the intent it reaches. Actions only: a count over resources and conditions would claim
 * a precision it does not have. Customer policies are left out: their documents are not here.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { IntentProgram } from '../../ir/intent.js';
import type { CompiledProgram, PolicyDocument } from '../../ir/policy.js';
import { managedPolicyDocument } from '../../ir/managed-policy-document.js';
import { actionsOfService, expandActionGlob, services } from '../../catalogue/catalogue.js';

export function managedPolicyWidth(intent: IntentProgram, program: CompiledProgram): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const role of intent.roles) {
    const compiled = program.roles.find((r) => r.name === role.name && r.account.id === role.account.id);
    if (!compiled) continue;
    const own = allowedActions(compiled.policies);
    for (const m of role.managedPolicies) {
      const doc = m.aws ? managedPolicyDocument(m.policy) : undefined;
      if (!doc) continue;
      const wider = [...allowedActions([doc])].filter((a) => !own.has(a)).length;
      if (wider === 0) continue;
      const name = m.policy.slice(m.policy.lastIndexOf('/') + 1);
      out.push(
        diagnostic('IAM5162', m.span, `\`${name}\` allows ${wider.toLocaleString('en-US')} action${wider === 1 ? '' : 's'} that role \`${role.name}\`'s grants do not`, {
          detail: 'a managed policy is outside the containment proof: it is attached as AWS writes it, today and after AWS changes it',
          suggestion: 'grant what the role needs instead, or keep the policy and review its document',
        }),
      );
    }
  }
  return out;
}

/** The catalogue actions the documents' Allow statements name (by `Action` or `NotAction`), lowercase. */
function allowedActions(docs: readonly PolicyDocument[]): Set<string> {
  const out = new Set<string>();
  for (const s of docs.flatMap((d) => d.statements)) {
    if (s.effect !== 'Allow') continue;
    if (s.actions) for (const a of s.actions.flatMap(expand)) out.add(a);
    if (s.notActions) {
      const excluded = new Set(s.notActions.flatMap(expand));
      for (const a of everyAction()) if (!excluded.has(a)) out.add(a);
    }
  }
  return out;
}

function expand(action: string): string[] {
  if (action === '*') return everyAction();
  return expandActionGlob(action).map((a) => a.toLowerCase());
}

let all: string[] | undefined;
function everyAction(): string[] {
  all ??= services().flatMap((s) => actionsOfService(s).map((a) => `${a.service}:${a.name}`.toLowerCase()));
  return all;
}
