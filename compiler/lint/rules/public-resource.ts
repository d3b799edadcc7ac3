/**
 * A public resource policy (IAM5140): an Allow to principal `*` (or `{"AWS": "*"}`) with no
 * condition pinning who calls or from where: an organisation, an account, a source ARN or
 * account, a VPC or a VPC endpoint. Such a bucket, queue or key policy serves anyone on AWS, and
 * for S3 anyone on the internet. Statements that assume a role are the trust rules' (IAM5116).
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LintDocument } from '../document.js';
import { pinnedBy } from './pins.js';

const PINNING_KEYS = [
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourcevpc',
  'aws:sourcevpce',
];

export function publicResources(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    const everyone = s.principal?.everyone;
    if (s.effect.value !== 'Allow' || everyone === undefined) continue;
    // Only a role's trust grants `sts:` actions to a principal; IAM5116 judges those.
    if ((s.actions ?? []).length > 0 && (s.actions ?? []).every((a) => /^sts:/i.test(a.value))) continue;
    if (pinnedBy(s, PINNING_KEYS)) continue;
    out.push(
      diagnostic('IAM5140', everyone, 'principal `*` with no condition pinning an organisation, account, source or VPC makes the resource public', {
        suggestion: 'name the principals, or add `"StringEquals": { "aws:PrincipalOrgID": "o-…" }` (or `aws:SourceVpce`, `aws:SourceAccount`)',
      }),
    );
  }
  return out;
}
