/**
 * What kind of policy a plain JSON file is. IAM JSON does not say, and the rules differ: `s3:*` is
 * a mistake in a workload's identity policy but the point of a boundary. The heuristics, in order:
 * a statement with a principal and an `sts:AssumeRole*` action makes a trust policy; any other
 * principal a resource policy; a file named for a boundary, or a Deny unless
 * `iam:PermissionsBoundary` is something (the shape of a boundary protecting itself), a boundary
 * (an identity policy delegating role creation uses a positive test in an Allow instead); a file named for an SCP or guardrail, or a document of
 * Deny statements only (besides the `FullAWSAccess` allow), an SCP; anything else an identity policy.
 */
import { baseOperator, type DocumentKind, type LintCondition, type LintStatement } from './document.js';

export function documentKind(path: string, statements: readonly LintStatement[]): DocumentKind {
  const withPrincipal = statements.filter((s) => s.principal !== undefined);
  if (withPrincipal.some((s) => (s.actions ?? []).some((a) => /^sts:AssumeRole/i.test(a.value)))) return 'trust';
  if (withPrincipal.length > 0) return 'resource';
  const file = path.split('/').pop() ?? path;
  if (/boundary|boundaries/i.test(file)) return 'boundary';
  if (/\bscps?\b|guardrail|service-control/i.test(file.replace(/[._-]/g, ' '))) return 'scp';
  if (statements.some((s) => s.effect.value === 'Deny' && s.conditions.some(protectsBoundary))) return 'boundary';
  const allowsOnlyEverything = statements
    .filter((s) => s.effect.value === 'Allow')
    .every((s) => s.actions?.length === 1 && s.actions[0]!.value === '*' && s.resources?.length === 1 && s.resources[0]!.value === '*');
  if (statements.length > 0 && statements.some((s) => s.effect.value === 'Deny') && allowsOnlyEverything) return 'scp';
  return 'identity';
}

function protectsBoundary(c: LintCondition): boolean {
  return c.key.value.toLowerCase() === 'iam:permissionsboundary' && baseOperator(c.operator.value).includes('not');
}
