/**
 * Size accounting: an identity policy too large for one managed policy is split across several
 * (never widened to fit); beyond the attachment limit the compile fails at the role.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { IntentRole } from '../ir/intent.js';
import { policyChars } from '../ir/policy-json.js';
import type { PolicyDocument, Statement } from '../ir/policy.js';
import { MANAGED_POLICIES_PER_ROLE, MANAGED_POLICY_MAX_CHARS, TRUST_POLICY_MAX_CHARS } from './limits.js';

export function splitPolicy(role: IntentRole, statements: readonly Statement[], bag: DiagnosticBag): PolicyDocument[] {
  // The quota counts every attached managed policy: iamc's parts and those the intent names.
  const attached = role.managedPolicies.length;
  if (statements.length === 0) {
    if (attached > MANAGED_POLICIES_PER_ROLE) tooMany(role, attached, 'attaches', bag);
    return [];
  }
  const documents: Statement[][] = [[]];
  for (const statement of statements.flatMap(splitStatement)) {
    const current = documents[documents.length - 1]!;
    if (current.length > 0 && policyChars({ statements: [...current, statement] }) > MANAGED_POLICY_MAX_CHARS) documents.push([statement]);
    else current.push(statement);
  }
  const tooBig = documents.find((d) => policyChars({ statements: d }) > MANAGED_POLICY_MAX_CHARS);
  if (tooBig) {
    bag.add('IAM3101', role.span, `a statement of role \`${role.name}\` alone is larger than a managed policy (${policyChars({ statements: tooBig })} of ${MANAGED_POLICY_MAX_CHARS} characters)`, {
      suggestion: 'split the grant\'s targets across several grants or roles',
    });
  } else if (documents.length + attached > MANAGED_POLICIES_PER_ROLE) {
    const total = policyChars({ statements: [...statements] });
    tooMany(role, documents.length + attached, `needs ${documents.length} for its ${total} characters${attached > 0 ? ` and attaches ${attached} by name` : ''}: that is`, bag);
  }
  return documents.map((d) => ({ statements: d }));
}

function tooMany(role: IntentRole, count: number, how: string, bag: DiagnosticBag): void {
  bag.add('IAM3101', role.span, `role \`${role.name}\` ${how} ${count} managed policies; a role may have ${MANAGED_POLICIES_PER_ROLE}`, {
    suggestion: 'split the role by responsibility',
  });
}

export function checkTrustSize(role: IntentRole, trust: PolicyDocument, bag: DiagnosticBag): void {
  const size = policyChars(trust);
  if (size > TRUST_POLICY_MAX_CHARS) {
    bag.add('IAM3102', role.principal.span, `the trust policy of role \`${role.name}\` has ${size} characters; the default quota is ${TRUST_POLICY_MAX_CHARS}`);
  }
}

/**
 * A statement too large for a managed policy on its own is cut along its resources, then (a
 * reviewed action wildcard expands to hundreds of actions) along its actions: each piece has part
 * of one list and all of the other, with the same conditions, so together the pieces allow exactly
 * what the whole did.
 */
function splitStatement(statement: Statement): Statement[] {
  if (fits(statement)) return [statement];
  // Pieces are measured with the longest Sid they can get (`…Part9999`), so renaming never pushes one over.
  const measured = { ...statement, sid: `${statement.sid}Part9999` };
  const pieces = cut(measured, 'resources').flatMap((piece) => (fits(piece) ? [piece] : cut(piece, 'actions')));
  return pieces.map((piece, i) => ({ ...piece, sid: `${statement.sid}Part${i + 1}` }));
}

const fits = (statement: Statement): boolean => policyChars({ statements: [statement] }) <= MANAGED_POLICY_MAX_CHARS;

/** Consecutive runs of the list, each as long as still fits (at least one entry each). */
function cut(statement: Statement, field: 'resources' | 'actions'): Statement[] {
  const list = statement[field];
  if (!list || list.length < 2) return [statement];
  const pieces: Statement[] = [];
  let current: string[] = [];
  const piece = (values: string[]): Statement => ({ ...statement, [field]: values });
  for (const value of list) {
    if (current.length > 0 && !fits(piece([...current, value]))) {
      pieces.push(piece(current));
      current = [];
    }
    current.push(value);
  }
  pieces.push(piece(current));
  return pieces;
}
