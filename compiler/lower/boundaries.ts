/**
 * Boundaries → one policy document, created in every account that bounds something by it.
 *
 * `allow services [s3, ec2]` is the ceiling: Allow `s3:*`, `ec2:*` on `*`. This is the one place a
 * service wildcard is the intent: a boundary grants nothing by itself, it caps what identity
 * policies may grant, and "everything of S3, today's and tomorrow's" is what the user asked for.
 *
 * Its own ARN is written with the `${aws:PrincipalAccount}` policy variable, so the same document
 * protects itself in each account it is created in.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { IntentBoundary } from '../ir/intent.js';
import type { CompiledBoundary, Statement } from '../ir/policy.js';
import { boundaryProtections, delegatedRoleCreation, roleCreationWithoutThisBoundary } from '../../stdlib/boundary.js';
import type { StdlibStatement } from '../../stdlib/statement.js';
import { grantStatements } from './lower.js';
import { finishStatements } from './sids.js';
import { PARTITION } from '../resolve/context.js';

/** The account of whoever the policy is evaluated for: the account the boundary lives in. */
export const OWN_ACCOUNT = '${aws:PrincipalAccount}';

export function boundaryPolicyArn(name: string): string {
  return `arn:${PARTITION}:iam::${OWN_ACCOUNT}:policy/${name}`;
}

export function lowerBoundary(boundary: IntentBoundary, bag: DiagnosticBag): CompiledBoundary {
  void bag;
  const origin = [boundary.span];
  const fromStdlib = (s: StdlibStatement): Statement => ({ ...s, origins: origin });
  const arn = boundaryPolicyArn(boundary.name);
  const statements: Statement[] = [];
  if (boundary.allowServices.length > 0) {
    statements.push({ sid: 'AllowServices', effect: 'Allow', actions: boundary.allowServices.map((s) => `${s}:*`), resources: ['*'], conditions: [], origins: origin });
  }
  statements.push(...boundary.statements.flatMap(grantStatements));
  if (boundary.delegateRoleCreation) statements.push(fromStdlib(delegatedRoleCreation(PARTITION, OWN_ACCOUNT, arn)));
  statements.push(fromStdlib(roleCreationWithoutThisBoundary(PARTITION, OWN_ACCOUNT, arn)));
  statements.push(...boundaryProtections(PARTITION, OWN_ACCOUNT, arn, boundary.delegateRoleCreation).map(fromStdlib));
  return { name: boundary.name, accounts: boundary.accounts, policy: { statements: finishStatements(statements) }, span: boundary.span };
}
