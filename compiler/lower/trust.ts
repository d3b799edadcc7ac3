/** Intent principals → trust policy documents. */
import type { IntentPrincipal } from '../ir/intent.js';
import type { PolicyDocument, Statement } from '../ir/policy.js';

export function trustPolicy(principal: IntentPrincipal): PolicyDocument {
  return { statements: [trustStatement(principal)] };
}

function trustStatement(p: IntentPrincipal): Statement {
  switch (p.kind) {
    case 'service':
      return {
        sid: 'TrustService',
        effect: 'Allow',
        principal: { Service: [p.service] },
        actions: ['sts:AssumeRole'],
        conditions: p.conditions,
        origins: [p.span],
      };
    case 'oidc':
      return {
        sid: p.provider.kind === 'github' ? 'TrustGithubActions' : 'TrustAzureDevops',
        effect: 'Allow',
        principal: { Federated: [p.provider.arn] },
        actions: ['sts:AssumeRoleWithWebIdentity'],
        // StringEquals, never StringLike or ForAllValues: the token must carry exactly this audience and subject.
        conditions: [
          { operator: 'StringEquals', key: `${p.provider.host}:aud`, values: [p.provider.audience] },
          { operator: 'StringEquals', key: `${p.provider.host}:sub`, values: p.subjects },
        ],
        origins: [p.span],
      };
    case 'aws':
      return {
        sid: p.permissionSet !== undefined ? 'TrustIdentityCenter' : p.arn.endsWith(':root') ? 'TrustAccount' : 'TrustRole',
        effect: 'Allow',
        principal: { AWS: [p.arn] },
        actions: ['sts:AssumeRole'],
        conditions: [
          // The account, narrowed to the one role Identity Center made there for the set: a role's
          // own ARN cannot be the Principal, its name ends in a suffix AWS picks when it provisions.
          ...(p.permissionSet !== undefined ? [{ operator: 'ArnLike', key: 'aws:PrincipalArn', values: [p.permissionSet.principalArn] }] : []),
          ...(p.externalId !== undefined ? [{ operator: 'StringEquals', key: 'sts:ExternalId', values: [p.externalId] }] : []),
          ...(p.mfa ? [{ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'] }] : []),
        ],
        origins: [p.span],
      };
  }
}
