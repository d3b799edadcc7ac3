/**
 * Deliberately broken variants of lowering and of the review gates, for the mutation check
 * (`scripts/mutation-check.mjs`): each one makes the emitted policies grant more than the intent, or
 * lets a wider grant past a gate, and the tests must notice. `IAMC_MUTANT` is read here and nowhere else; unset, every
 * function below is the identity.
 */
import type { CompiledBoundary, CompiledRole, CompiledScp, PolicyDocument, Statement } from '../ir/policy.js';

export const MUTANTS = {
  'extra-action': 'every Allow statement gains a destructive action of its service',
  'widened-resource': 'every resource loses its last name segment to `*`',
  'dropped-condition': 'Allow statements lose their conditions (`when`, `s3:prefix`, `iam:PassedToService`)',
  'dropped-namespace': 'a target that becomes a condition loses it: `write cloudwatch metrics "A"` puts metric data in every namespace',
  'swapped-principal': 'the trust policy names a wider or different principal',
  'loose-secret-suffix': 'a secret’s `-??????` suffix becomes `*`, matching sibling secrets',
  'unchecked-names': 'resolve lets a name glob cross a `/` or `:` the name did not write (`tenant-*/public/*`, role `app-*`)',
  'flat-denotation': 'the proof reads a name target as the flat ARN glob lowering built, not as what the name means',
  'textual-wildcard': 'wildcard-ness of a resource is decided by its text (`resource === \'*\'`), not by containment',
  'presence-only-pin': 'the linter takes a trust condition’s key being present for a pin, whatever its operator and value',
  'unprotected-boundary': 'a boundary loses its Deny statements: bounded roles may replace or remove it, edit it, or create unbounded roles',
  'loose-exemption': 'a guardrail’s exempt role becomes a name glob (`role/break-glass*`) and its name is no longer protected',
  'every-bucket-closed': 'an S3 resource that starts with `*` (every bucket of every account) counts as naming resources',
  'arn-equals-exact': 'the linter reads `ArnEquals` as an exact match, so a wildcard under it pins a trust',
  'blank-reason': 'an empty `because` is accepted as a reason',
  'manifest-type-trusted': '`iamc check OUT/` believes the manifest’s policy type wherever the file lies',
  'loose-sso-suffix': 'an Identity Center role’s 16 `?` become `*` in trusts and exemptions, so `Admin` also matches the set `Admin_Ops`',
} as const;

export type MutantName = keyof typeof MUTANTS;

export function activeMutant(): MutantName | undefined {
  const name = process.env['IAMC_MUTANT'];
  return name !== undefined && name in MUTANTS ? (name as MutantName) : undefined;
}

/** The hook lowering calls on each role it produces. */
export function mutateRole(role: CompiledRole): CompiledRole {
  const mutant = activeMutant();
  if (mutant === undefined || mutant === 'unprotected-boundary' || mutant === 'loose-exemption') return role;
  // Review-gate mutants leave lowering alone; the gate they break reads them.
  if (mutant === 'every-bucket-closed' || mutant === 'arn-equals-exact' || mutant === 'blank-reason' || mutant === 'manifest-type-trusted') return role;
  // A review-gate mutant leaves lowering alone; `wildcardReach` reads it.
  if (mutant === 'textual-wildcard') return role;
  if (mutant === 'swapped-principal') return { ...role, trust: { statements: role.trust.statements.map(swapPrincipal) } };
  if (mutant === 'loose-sso-suffix') return { ...role, trust: { statements: role.trust.statements.map(looseSsoSuffix) } };
  const change = STATEMENT_MUTANTS[mutant];
  if (change === undefined) return role;
  const policies = role.policies.map((doc): PolicyDocument => ({ statements: doc.statements.map((s) => (s.effect === 'Allow' ? change(s) : s)) }));
  return { ...role, policies };
}

/** The hook lowering calls on each boundary it produces. */
export function mutateBoundary(boundary: CompiledBoundary): CompiledBoundary {
  if (activeMutant() !== 'unprotected-boundary') return boundary;
  return { ...boundary, policy: { statements: boundary.policy.statements.filter((s) => s.effect !== 'Deny') } };
}

/** The hook lowering calls on each SCP it produces. */
export function mutateScp(scp: CompiledScp): CompiledScp {
  if (activeMutant() === 'loose-sso-suffix') return { ...scp, policy: { statements: scp.policy.statements.map(looseSsoSuffix) } };
  if (activeMutant() !== 'loose-exemption') return scp;
  const statements = scp.policy.statements
    .filter((s) => s.sid !== 'ProtectExemptRoles')
    .map((s) => ({ ...s, conditions: s.conditions.map((c) => (c.key === 'aws:PrincipalArn' && c.operator === 'ArnNotLike' ? { ...c, values: c.values.map((v) => `${v}*`) } : c)) }));
  return { ...scp, policy: { statements } };
}

const DESTRUCTIVE: Record<string, string> = {
  sqs: 'sqs:DeleteQueue',
  s3: 's3:DeleteObject',
  dynamodb: 'dynamodb:DeleteTable',
  sns: 'sns:DeleteTopic',
  kms: 'kms:ScheduleKeyDeletion',
  ssm: 'ssm:PutParameter',
  secretsmanager: 'secretsmanager:PutSecretValue',
  logs: 'logs:DeleteLogGroup',
  lambda: 'lambda:UpdateFunctionCode',
  ecr: 'ecr:PutImage',
  states: 'states:DeleteStateMachine',
  events: 'events:PutRule',
  iam: 'iam:DeleteRole',
};

const STATEMENT_MUTANTS: Partial<Record<MutantName, (s: Statement) => Statement>> = {
  'extra-action': (s) => {
    const service = s.actions?.[0]?.split(':')[0];
    if (service === undefined) return s;
    const extra = DESTRUCTIVE[service] ?? `${service}:*`;
    return { ...s, actions: [...new Set([...(s.actions ?? []), extra])].sort() };
  },
  'widened-resource': (s) => ({
    ...s,
    resources: s.resources?.map((r) => {
      if (r === '*') return r;
      const at = Math.max(r.lastIndexOf('/'), r.lastIndexOf(':'));
      return `${r.slice(0, at + 1)}*`;
    }),
  }),
  'dropped-condition': (s) => ({ ...s, conditions: [] }),
  'dropped-namespace': (s) => ({ ...s, conditions: s.conditions.filter((c) => c.key !== 'cloudwatch:namespace') }),
  'loose-secret-suffix': (s) => ({ ...s, resources: s.resources?.map((r) => r.replace(/-\?{6}$/, '*')) }),
  // Breaks the linter (lint/rules/pins.ts), not lowering.
  'presence-only-pin': (s) => s,
};

function looseSsoSuffix(s: Statement): Statement {
  const loose = (v: string): string => (v.includes('/AWSReservedSSO_') ? v.replace(/\?{16}$/, '*') : v);
  return { ...s, conditions: s.conditions.map((c) => (c.key === 'aws:PrincipalArn' ? { ...c, values: c.values.map(loose) } : c)) };
}

function swapPrincipal(s: Statement): Statement {
  const p = s.principal;
  if (p?.AWS) return { ...s, principal: { AWS: p.AWS.map((arn) => arn.replace(/:(role|user)\/.*$/, ':root')) } };
  if (p?.Service) return { ...s, principal: { Service: p.Service.map((svc) => (svc === 'ecs-tasks.amazonaws.com' ? 'lambda.amazonaws.com' : 'ecs-tasks.amazonaws.com')) } };
  if (p?.Federated) return { ...s, principal: { Federated: p.Federated.map((arn) => arn.replace(/::\d{12}:/, '::111111111111:')) } };
  return s;
}
