/**
 * Principals as stdlib data: who may assume a role and which conditions make that trust narrow.
 * Sources: GitHub's and Azure DevOps' documentation of their OIDC token formats (issuer, audience,
 * `sub`), as docs/language.md states them, and the AWS docs on the confused deputy problem
 * (`aws:SourceAccount`, `aws:SourceArn`).
 */
import type { ConditionClause } from '../compiler/ir/intent.js';

export interface TrustContext {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** For Lambda: the function-name glob of the `for lambda "…"` clause. */
  readonly functionGlob: string;
}

export interface ServiceTrustShape {
  readonly service: string;
  /** True when the conditions name the region (an ARN in `aws:SourceArn`). */
  readonly needsRegion: boolean;
  readonly conditions: (ctx: TrustContext) => ConditionClause[];
  readonly doc: string;
}

const sourceAccount = (ctx: TrustContext): ConditionClause => ({ operator: 'StringEquals', key: 'aws:SourceAccount', values: [ctx.account] });

export const SERVICE_TRUSTS = {
  lambda: {
    service: 'lambda.amazonaws.com',
    needsRegion: true,
    conditions: (ctx) => [
      sourceAccount(ctx),
      { operator: 'ArnLike', key: 'aws:SourceArn', values: [`arn:${ctx.partition}:lambda:${ctx.region}:${ctx.account}:function:${ctx.functionGlob}`] },
    ],
    doc: 'Lambda functions whose name matches the glob, in the role\'s account and region',
  },
  ec2: {
    service: 'ec2.amazonaws.com',
    needsRegion: false,
    // EC2 assumes the role for an instance profile; it sets no source account or ARN on that call,
    // so a condition here would make the role unusable. The control is who may pass the role.
    conditions: () => [],
    doc: 'EC2 instances, through the instance profile of the same name',
  },
  'ecs-task': {
    service: 'ecs-tasks.amazonaws.com',
    needsRegion: true,
    conditions: (ctx) => [
      sourceAccount(ctx),
      { operator: 'ArnLike', key: 'aws:SourceArn', values: [`arn:${ctx.partition}:ecs:${ctx.region}:${ctx.account}:*`] },
    ],
    doc: 'the application containers of ECS tasks in the role\'s account and region',
  },
  'ecs-execution': {
    service: 'ecs-tasks.amazonaws.com',
    needsRegion: true,
    conditions: (ctx) => [
      sourceAccount(ctx),
      { operator: 'ArnLike', key: 'aws:SourceArn', values: [`arn:${ctx.partition}:ecs:${ctx.region}:${ctx.account}:*`] },
    ],
    doc: 'the ECS agent (image pulls, log delivery) for tasks in the role\'s account and region',
  },
  generic: {
    service: '',
    needsRegion: false,
    conditions: (ctx) => [sourceAccount(ctx)],
    doc: 'any AWS service principal; limited to requests on behalf of the role\'s own account',
  },
} as const satisfies Record<string, ServiceTrustShape>;

export const GITHUB = {
  host: 'token.actions.githubusercontent.com',
  audience: 'sts.amazonaws.com',
  /** The `sub` claim GitHub puts in the job's token; an environment-bound job gets the environment form. */
  subject(repo: string, kind: 'branch' | 'environment' | 'tag' | 'pull-request', value: string): string {
    switch (kind) {
      case 'branch':
        return `repo:${repo}:ref:refs/heads/${value}`;
      case 'tag':
        return `repo:${repo}:ref:refs/tags/${value}`;
      case 'environment':
        return `repo:${repo}:environment:${value}`;
      case 'pull-request':
        return `repo:${repo}:pull_request`;
    }
  },
} as const;

export const AZURE_DEVOPS = {
  /** Workload identity federation issuer; Microsoft is moving tenants to an Entra issuer (docs/language.md). */
  host: (organizationId: string): string => `vstoken.dev.azure.com/${organizationId}`,
  audience: 'api://AzureADTokenExchange',
  subject: (connection: string): string => `sc://${connection}`,
} as const;
