/** Hand-built compiled programs for the Terraform emitter, covering every resource it writes. */
import type { Span } from '../../../compiler/diagnostics/span.js';
import type { CompiledProgram, PolicyDocument, Statement } from '../../../compiler/ir/policy.js';

export const span: Span = { file: 'fixture.iam', line: 1, column: 1, offset: 0, endLine: 1, endColumn: 2, endOffset: 1 };

const prod = { name: 'prod', id: '123456789012' };
const source = { name: 'source', id: '111111111111' };

export function statement(partial: Partial<Statement> & Pick<Statement, 'sid'>): Statement {
  return { effect: 'Allow', conditions: [], origins: [span], ...partial };
}

export function doc(...statements: Statement[]): PolicyDocument {
  return { statements };
}

const githubProvider = {
  kind: 'github' as const,
  host: 'token.actions.githubusercontent.com',
  url: 'https://token.actions.githubusercontent.com',
  audience: 'sts.amazonaws.com',
  account: prod,
  arn: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
};

/** A program with one of everything; `text` is user text put in every place user text can reach. */
export function fullProgram(text = 'plain text'): CompiledProgram {
  return {
    roles: [
      {
        name: 'ec2-app',
        account: prod,
        path: '/app/',
        description: text,
        trust: doc(statement({ sid: 'TrustEc2', principal: { Service: ['ec2.amazonaws.com'] }, actions: ['sts:AssumeRole'] })),
        policies: [
          doc(statement({ sid: 'ReadSsmParameter', actions: ['ssm:GetParameter'], resources: ['arn:aws:ssm:eu-west-1:123456789012:parameter/app/prod/*'] })),
          doc(statement({ sid: 'WriteLogsGroup', actions: ['logs:PutLogEvents'], resources: ['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/ec2/app/*'] })),
        ],
        managedPolicies: ['arn:aws:iam::aws:policy/SecurityAudit', 'arn:aws:iam::123456789012:policy/team/Mine'],
        boundary: 'developer-boundary',
        instanceProfile: 'ec2-app',
        span,
      },
      {
        name: 'github-deploy',
        account: prod,
        path: '/',
        maxSessionSeconds: 3600,
        trust: doc(
          statement({
            sid: 'TrustGithub',
            principal: { Federated: [githubProvider.arn] },
            actions: ['sts:AssumeRoleWithWebIdentity'],
            conditions: [
              { operator: 'StringEquals', key: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] },
              { operator: 'StringEquals', key: 'token.actions.githubusercontent.com:sub', values: [`repo:acme/infra:ref:refs/heads/${text}`] },
            ],
          }),
        ),
        policies: [doc(statement({ sid: 'WriteS3Objects', actions: ['s3:PutObject'], resources: [`arn:aws:s3:::my-prod-bucket/${text}`] }))],
        managedPolicies: [],
        oidcProvider: githubProvider,
        span,
      },
      {
        name: 'cross-account-access',
        account: source,
        path: '/',
        trust: doc(
          statement({
            sid: 'TrustRole',
            principal: { AWS: ['arn:aws:iam::123456789012:role/app-role'] },
            actions: ['sts:AssumeRole'],
            conditions: [{ operator: 'StringEquals', key: 'sts:ExternalId', values: [text] }],
          }),
        ),
        policies: [doc(statement({ sid: 'ReadS3Bucket', actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::enterprise-shared-data-b'] }))],
        managedPolicies: [],
        span,
      },
    ],
    boundaries: [
      {
        name: 'developer-boundary',
        accounts: [prod],
        policy: doc(statement({ sid: 'AllowServices', actions: ['s3:*'], resources: ['*'] })),
        span,
      },
    ],
    scps: [
      {
        name: 'enterprise-security-guardrails',
        policy: doc(statement({ sid: 'DenyLeaveOrganization', effect: 'Deny', actions: ['organizations:LeaveOrganization'], resources: ['*'] })),
        targets: [
          { kind: 'ou', id: 'ou-ab12-34cd5678' },
          { kind: 'root', id: '' },
        ],
        span,
      },
    ],
    permissionSets: [
      {
        name: 'DataEngineer',
        sessionDuration: 'PT2H',
        description: text,
        policy: doc(statement({ sid: 'ReadS3Bucket', actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::analytics-reports'] })),
        boundary: 'developer-boundary',
        managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/team/Extra'],
        assignments: [{ principalType: 'GROUP', principalId: '9067b5c2-b0d1-706d-e061-0734a974d092', accountIds: ['123456789012', '111111111111'] }],
        span,
      },
    ],
    analyzers: [
      {
        name: 'organization-security-analyzer',
        type: 'ORGANIZATION',
        archiveRules: [{ name: 'archive-111122223333', principal: '111122223333', reason: text }],
        alert: true,
        span,
      },
    ],
  };
}
