/**
 * The oracle for the compute group's patterns, written from AWS's documentation of each action (the
 * Service Authorization Reference and the service's API reference), never from the stdlib.
 *
 * Each cell reads a request ARN field by field: the resource part is split at the separators AWS
 * puts in it (`service/CLUSTER/SERVICE`, `task-definition/FAMILY:REVISION`, `repository/DOMAIN/NAME`)
 * and each written part is matched against its own field, so a wildcard never reaches across one.
 */
import { ACCOUNT } from '../constants.js';
import { cell, globMatch, regional, resourceOf, type CellsOf } from '../oracle-kit.js';

/** The resource part of an ARN with no region (CloudFront: the account only; Route 53: neither). */
function globalResourceOf(arn: string, service: string, account: string): string | undefined {
  const f = arn.split(':');
  if (f.length < 6 || f[0] !== 'arn' || f[1] !== 'aws' || f[2] !== service || f[3] !== '' || f[4] !== account) return undefined;
  return f.slice(5).join(':');
}

/** `TYPE/` then exactly the written parts, one per `/`-separated field. */
const fields = (service: string, type: string, parts: readonly string[]) => (arn: string): boolean => {
  const r = resourceOf(arn, service);
  if (r === undefined || !r.startsWith(`${type}/`)) return false;
  const have = r.slice(type.length + 1).split('/');
  return have.length === parts.length && parts.every((p, i) => globMatch(p, have[i]!));
};

/** `NAME` alone (CodeCommit repositories, CodePipeline pipelines have no type word in their ARN). */
const bare = (service: string, name: string) => (arn: string): boolean => {
  const r = resourceOf(arn, service);
  return r !== undefined && !r.includes('/') && !r.includes(':') && globMatch(name, r);
};

/** Revisions of a task-definition family: `task-definition/FAMILY:REVISION`. */
const revisions = (family: string) => (arn: string): boolean => {
  const r = resourceOf(arn, 'ecs');
  if (r === undefined || !r.startsWith('task-definition/')) return false;
  const f = r.slice('task-definition/'.length).split(':');
  return f.length === 2 && globMatch(family, f[0]!) && f[1]!.length > 0;
};

/**
 * A revision of another family, to draw requests from: the mutations of a request ARN change its
 * last field (the revision), so without it a family the grant does not name would seldom be asked.
 */
const OTHER_FAMILIES = regional('ecs', 'task-definition/other-family:1');

/** A Lambda function or one of its versions and aliases: `function:NAME[:QUALIFIER]`. */
const functionOrQualified = (name: string) => (arn: string): boolean => {
  const f = resourceOf(arn, 'lambda')?.split(':');
  return f !== undefined && f[0] === 'function' && (f.length === 2 || f.length === 3) && globMatch(name, f[1]!);
};

const star = (arn: string): boolean => arn === '*';

const split2 = (name: string): [string, string] => {
  const slash = name.indexOf('/');
  return [name.slice(0, slash), name.slice(slash + 1)];
};

/** Names a user might write per pattern (`verb service type`), globs included. */
export const COMPUTE_NAMES: Record<string, readonly string[]> = {
  'push ecr repository': ['app', 'team/app', 'team/*'],
  'read ecr repository': ['app', 'team/*'],
  'deploy ecs service': ['prod/web', '*/web', 'prod/api'],
  'run ecs task': ['nightly', 'report-*'],
  'write ecs task-protection': ['prod', 'prod-*'],
  'invoke lambda function-url': ['api', 'api-*'],
  'invalidate cloudfront distribution': ['E2QWRUHAPOMQZL', 'E2*'],
  'assume iam role': ['deploy-target', 'ops'],
  'read elasticfilesystem file-system': ['fs-0123456789abcdef0', 'fs-01*'],
  'mount elasticfilesystem file-system': ['fs-0123456789abcdef0'],
  'connect elasticache serverless-cache': ['sessions/app-user', 'cache-2/reader'],
  'connect elasticache replication-group': ['sessions/app-user'],
  'read codeartifact repository': ['acme/npm-store', 'acme/*'],
  'pull codecommit repository': ['infra', 'infra-*'],
  'push codecommit repository': ['infra'],
  'read codecommit repository': ['infra', 'team.app'],
  'run codebuild project': ['app-build', 'app-*'],
  'write codebuild report-group': ['app-build-tests', 'app-*'],
  'read codepipeline pipeline': ['release', 'nightly'],
  'run codepipeline pipeline': ['release'],
  'read eks cluster': ['prod', 'prod-*'],
  'run elasticmapreduce steps': ['j-2AXXXXXXGAPLF', 'j-2A*'],
  'write elasticmapreduce cluster': ['j-2AXXXXXXGAPLF'],
  'delete elasticmapreduce cluster': ['j-2AXXXXXXGAPLF'],
  'write sagemaker endpoint-config': ['model-v2', 'model-*'],
  'write sagemaker endpoint': ['model-endpoint', 'model-*'],
  'write route53 records': ['Z1D633PJN98FT9', 'Z1*'],
  'read acm certificate': ['12345678-1234-1234-1234-123456789012'],
  'read cloudformation stack': ['app-prod', 'app-*'],
  'write serverlessrepo application': ['my-app'],
};

/**
 * Patterns whose cells are below but whose grants the generator cannot write yet: a compile rule
 * asks more of them than a name (`deploy lambda function` is refused as an escalation unless the
 * rule notes an exact function instead; `attach ec2 vpc` asks for a `because`). They join
 * `COMPUTE_NAMES` when the generated intents can carry that.
 */
export const COMPUTE_PENDING_NAMES: Record<string, readonly string[]> = {
  'deploy lambda function': ['processor'],
  'attach ec2 vpc': ['vpc-0123456789abcdef0'],
};

/**
 * Patterns that take no target: their grant is the plain string (`- read ec2 images`). They join
 * `COMPUTE_NAMES` with `[]` once the intent generator writes targetless grants.
 */
export const COMPUTE_TARGETLESS: readonly string[] = ['read ec2 images', 'read ec2 instances', 'read organizations accounts', 'respond codepipeline jobs'];

const DEPLOY_LAMBDA = [
  'lambda:GetAlias',
  'lambda:GetFunction',
  'lambda:GetFunctionConfiguration',
  'lambda:ListAliases',
  'lambda:ListVersionsByFunction',
  'lambda:PublishVersion',
  'lambda:UpdateAlias',
  'lambda:UpdateFunctionCode',
];

const CODECOMMIT_READ = [
  'codecommit:BatchDescribeMergeConflicts', 'codecommit:BatchGetCommits', 'codecommit:BatchGetPullRequests', 'codecommit:DescribeMergeConflicts',
  'codecommit:DescribePullRequestEvents', 'codecommit:EvaluatePullRequestApprovalRules', 'codecommit:GetBlob', 'codecommit:GetBranch',
  'codecommit:GetComment', 'codecommit:GetCommentsForComparedCommit', 'codecommit:GetCommentsForPullRequest', 'codecommit:GetCommit',
  'codecommit:GetCommitHistory', 'codecommit:GetCommitsFromMergeBase', 'codecommit:GetDifferences', 'codecommit:GetFile', 'codecommit:GetFolder',
  'codecommit:GetMergeCommit', 'codecommit:GetMergeConflicts', 'codecommit:GetMergeOptions', 'codecommit:GetObjectIdentifier',
  'codecommit:GetPullRequest', 'codecommit:GetReferences', 'codecommit:GetRepository', 'codecommit:GetRepositoryTriggers', 'codecommit:GetTree',
  'codecommit:GetUploadArchiveStatus', 'codecommit:GitPull', 'codecommit:ListBranches', 'codecommit:ListPullRequests', 'codecommit:ListTagsForResource',
];

const PIPELINE_READ = ['codepipeline:GetPipeline', 'codepipeline:GetPipelineExecution', 'codepipeline:GetPipelineState', 'codepipeline:ListPipelineExecutions'];

const ecr = (actions: string[]): CellsOf => (name) => [
  cell(actions, [regional('ecr', `repository/${name}`)], (arn) => {
    // ECR repository names have `/` levels, but the name is one field of the ARN: matched whole.
    const r = resourceOf(arn, 'ecr');
    return r !== undefined && r.startsWith('repository/') && globMatch(name, r.slice('repository/'.length));
  }),
];

const efs = (actions: string[]): CellsOf => (name) => [cell(actions, [regional('elasticfilesystem', `file-system/${name}`)], fields('elasticfilesystem', 'file-system', [name]))];

/** IAM authentication to ElastiCache is checked on the cache (or group) and on the user, each its own request. */
const elasticache = (type: string): CellsOf => (name) => {
  const [cache, user] = split2(name);
  return [
    cell(['elasticache:Connect'], [regional('elasticache', `${type}:${cache}`), regional('elasticache', `user:${user}`)], (arn) => {
      const f = resourceOf(arn, 'elasticache')?.split(':');
      if (f?.length !== 2) return false;
      return (f[0] === type && globMatch(cache, f[1]!)) || (f[0] === 'user' && globMatch(user, f[1]!));
    }),
  ];
};

export const COMPUTE_CELLS: Record<string, CellsOf> = {
  'push ecr repository': (name) => [
    ...ecr(['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:CompleteLayerUpload', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart'])(name, undefined),
    cell(['ecr:GetAuthorizationToken'], ['*'], star),
  ],
  'read ecr repository': ecr(['ecr:DescribeImages', 'ecr:DescribeRepositories', 'ecr:ListImages']),
  'deploy ecs service': (name) => {
    const [cluster, service] = split2(name);
    // Without `family`, the family deployed is the one named like the service.
    return [
      cell(['ecs:DescribeServices'], [regional('ecs', `service/${name}`)], fields('ecs', 'service', [cluster, service])),
      // ECS developer guide, "Condition keys": UpdateService carries the task definition it points
      // the service at as `ecs:task-definition`; a deploy points it at a revision of its own family.
      cell(['ecs:UpdateService'], [regional('ecs', `service/${name}`)], fields('ecs', 'service', [cluster, service]), [
        { key: 'ecs:task-definition', test: revisions(service), near: [regional('ecs', `task-definition/${service}:7`), OTHER_FAMILIES] },
      ]),
      cell(['ecs:RegisterTaskDefinition'], [regional('ecs', `task-definition/${service}:*`), OTHER_FAMILIES], revisions(service)),
      cell(['ecs:DescribeTaskDefinition'], ['*'], star),
    ];
  },
  'run ecs task': (name) => [cell(['ecs:RunTask'], [regional('ecs', `task-definition/${name}:*`), OTHER_FAMILIES], revisions(name))],
  'deploy lambda function': (name) => [cell(DEPLOY_LAMBDA, [regional('lambda', `function:${name}`), regional('lambda', `function:${name}:*`)], functionOrQualified(name))],
  // Lambda developer guide, "Control access to function URLs": InvokeFunctionUrl, and since October
  // 2025 InvokeFunction for calls that came through the URL (`lambda:InvokedViaFunctionUrl`).
  'invoke lambda function-url': (name) => [
    cell(['lambda:InvokeFunctionUrl'], [regional('lambda', `function:${name}`), regional('lambda', `function:${name}:*`)], functionOrQualified(name)),
    cell(['lambda:InvokeFunction'], [regional('lambda', `function:${name}`), regional('lambda', `function:${name}:*`)], functionOrQualified(name), [
      { key: 'lambda:InvokedViaFunctionUrl', test: (v) => v.toLowerCase() === 'true', near: ['true'] },
    ]),
  ],
  'invalidate cloudfront distribution': (name) => [
    cell(['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], [`arn:aws:cloudfront::${ACCOUNT}:distribution/${name}`], (arn) => {
      const r = globalResourceOf(arn, 'cloudfront', ACCOUNT);
      return r !== undefined && r.startsWith('distribution/') && !r.slice('distribution/'.length).includes('/') && globMatch(name, r.slice('distribution/'.length));
    }),
  ],
  // Like `pass iam role`: the generated roles are not declared, so their path is `/`.
  'assume iam role': (name) => [
    cell(['sts:AssumeRole'], [`arn:aws:iam::${ACCOUNT}:role/${name}`], (arn) => {
      const r = resourceOf(arn, 'iam');
      if (r === undefined || !r.startsWith('role/')) return false;
      const last = r.lastIndexOf('/');
      return r.slice(4, last + 1) === '/' && globMatch(name, r.slice(last + 1));
    }),
  ],
  'read elasticfilesystem file-system': efs(['elasticfilesystem:ClientMount']),
  'mount elasticfilesystem file-system': efs(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']),
  'connect elasticache serverless-cache': elasticache('serverlesscache'),
  'connect elasticache replication-group': elasticache('replicationgroup'),
  'read codeartifact repository': (name) => {
    const [domain, repository] = split2(name);
    return [
      cell(['codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository'], [regional('codeartifact', `repository/${name}`)], fields('codeartifact', 'repository', [domain, repository])),
      cell(['codeartifact:GetAuthorizationToken'], [regional('codeartifact', `domain/${domain}`)], fields('codeartifact', 'domain', [domain])),
      cell(['sts:GetServiceBearerToken'], ['*'], star, [{ key: 'sts:AWSServiceName', test: (v) => v === 'codeartifact.amazonaws.com' }]),
    ];
  },
  'write codebuild report-group': (name) => [
    cell(['codebuild:BatchPutCodeCoverages', 'codebuild:BatchPutTestCases', 'codebuild:CreateReport', 'codebuild:UpdateReport'], [regional('codebuild', `report-group/${name}`)], fields('codebuild', 'report-group', [name])),
  ],
  // A cluster's tasks: `task/CLUSTER/TASK-ID`, any task ID.
  'write ecs task-protection': (name) => [
    cell(['ecs:GetTaskProtection', 'ecs:UpdateTaskProtection'], [regional('ecs', `task/${name}/*`)], (arn) => {
      const f = resourceOf(arn, 'ecs')?.split('/');
      return f?.length === 3 && f[0] === 'task' && globMatch(name, f[1]!) && f[2]!.length > 0;
    }),
  ],
  'pull codecommit repository': (name) => [cell(['codecommit:GitPull'], [regional('codecommit', name)], bare('codecommit', name))],
  'push codecommit repository': (name) => [cell(['codecommit:GitPull', 'codecommit:GitPush'], [regional('codecommit', name)], bare('codecommit', name))],
  'read codecommit repository': (name) => [cell(CODECOMMIT_READ, [regional('codecommit', name)], bare('codecommit', name))],
  'run codebuild project': (name) => [cell(['codebuild:BatchGetBuilds', 'codebuild:StartBuild', 'codebuild:StopBuild'], [regional('codebuild', `project/${name}`)], fields('codebuild', 'project', [name]))],
  'read codepipeline pipeline': (name) => [cell(PIPELINE_READ, [regional('codepipeline', name)], bare('codepipeline', name))],
  'run codepipeline pipeline': (name) => [cell([...PIPELINE_READ, 'codepipeline:StartPipelineExecution'], [regional('codepipeline', name)], bare('codepipeline', name))],
  'respond codepipeline jobs': () => [cell(['codepipeline:PutJobFailureResult', 'codepipeline:PutJobSuccessResult'], ['*'], star)],
  'read eks cluster': (name) => [cell(['eks:DescribeCluster'], [regional('eks', `cluster/${name}`)], fields('eks', 'cluster', [name])), cell(['eks:ListClusters'], ['*'], star)],
  'run elasticmapreduce steps': (name) => [
    cell(['elasticmapreduce:AddJobFlowSteps', 'elasticmapreduce:CancelSteps', 'elasticmapreduce:DescribeStep', 'elasticmapreduce:ListSteps'], [regional('elasticmapreduce', `cluster/${name}`)], fields('elasticmapreduce', 'cluster', [name])),
  ],
  'write elasticmapreduce cluster': (name) => [
    cell(
      ['elasticmapreduce:DescribeCluster', 'elasticmapreduce:ListInstanceFleets', 'elasticmapreduce:ListInstanceGroups', 'elasticmapreduce:ModifyInstanceFleet', 'elasticmapreduce:ModifyInstanceGroups', 'elasticmapreduce:SetTerminationProtection'],
      [regional('elasticmapreduce', `cluster/${name}`)],
      fields('elasticmapreduce', 'cluster', [name]),
    ),
  ],
  'delete elasticmapreduce cluster': (name) => [cell(['elasticmapreduce:TerminateJobFlows'], [regional('elasticmapreduce', `cluster/${name}`)], fields('elasticmapreduce', 'cluster', [name]))],
  'write sagemaker endpoint-config': (name) => [
    cell(['sagemaker:CreateEndpointConfig', 'sagemaker:DescribeEndpointConfig'], [regional('sagemaker', `endpoint-config/${name}`)], fields('sagemaker', 'endpoint-config', [name])),
  ],
  // CreateEndpoint and UpdateEndpoint are checked on the endpoint and on its configuration; without
  // `config`, the configuration is the one named like the endpoint.
  'write sagemaker endpoint': (name) => [
    cell(['sagemaker:CreateEndpoint', 'sagemaker:UpdateEndpoint'], [regional('sagemaker', `endpoint/${name}`), regional('sagemaker', `endpoint-config/${name}`)], (arn) =>
      fields('sagemaker', 'endpoint', [name])(arn) || fields('sagemaker', 'endpoint-config', [name])(arn),
    ),
    cell(['sagemaker:DescribeEndpoint'], [regional('sagemaker', `endpoint/${name}`)], fields('sagemaker', 'endpoint', [name])),
  ],
  'write route53 records': (name) => {
    const zone = (arn: string): boolean => {
      const r = globalResourceOf(arn, 'route53', '');
      return r !== undefined && r.startsWith('hostedzone/') && !r.slice('hostedzone/'.length).includes('/') && globMatch(name, r.slice('hostedzone/'.length));
    };
    // Route 53 developer guide, "Using IAM policy conditions for fine-grained access control": the
    // request's change actions are `route53:ChangeResourceRecordSetsActions`; a write creates or
    // upserts (a request carrying one action is drawn: the oracle's test reads one value).
    return [
      cell(['route53:ChangeResourceRecordSets'], [`arn:aws:route53:::hostedzone/${name}`], zone, [
        { key: 'route53:ChangeResourceRecordSetsActions', test: (v) => v === 'CREATE' || v === 'UPSERT', near: ['CREATE', 'UPSERT', 'DELETE'] },
      ]),
      cell(['route53:ListResourceRecordSets'], [`arn:aws:route53:::hostedzone/${name}`], zone),
    ];
  },
  'read acm certificate': (name) => [cell(['acm:DescribeCertificate', 'acm:GetCertificate'], [regional('acm', `certificate/${name}`)], fields('acm', 'certificate', [name]))],
  // A stack's ARN ends in the ID CloudFormation gave it: `stack/NAME/ID`, any ID.
  'read cloudformation stack': (name) => [
    cell(['cloudformation:DescribeStackEvents', 'cloudformation:DescribeStackResources', 'cloudformation:DescribeStacks'], [regional('cloudformation', `stack/${name}/*`)], (arn) => {
      const r = resourceOf(arn, 'cloudformation')?.split('/');
      return r?.length === 3 && r[0] === 'stack' && globMatch(name, r[1]!) && r[2]!.length > 0;
    }),
  ],
  'write serverlessrepo application': (name) => [
    cell(
      ['serverlessrepo:CreateApplicationVersion', 'serverlessrepo:GetApplication', 'serverlessrepo:ListApplicationDependencies', 'serverlessrepo:ListApplicationVersions', 'serverlessrepo:UpdateApplication'],
      [regional('serverlessrepo', `applications/${name}`)],
      fields('serverlessrepo', 'applications', [name]),
    ),
    cell(['serverlessrepo:CreateApplication', 'serverlessrepo:ListApplications'], ['*'], star),
  ],
  'read ec2 images': () => [cell(['ec2:DescribeImages'], ['*'], star)],
  'read ec2 instances': () => [cell(['ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', 'ec2:DescribeRegions'], ['*'], star)],
  'read organizations accounts': () => [cell(['organizations:ListAccounts'], ['*'], star)],
  // Lambda's VPC guide: the function's role manages its network interfaces in the VPC. A new
  // interface is allowed by its type alone; subnets, security groups and existing interfaces must
  // be in the VPC (`ec2:Vpc`, the VPC's ARN).
  'attach ec2 vpc': (name) => {
    const vpc = regional('ec2', `vpc/${name}`);
    const inVpc = [{ key: 'ec2:Vpc', test: (v: string) => v === vpc }];
    const typed = (type: string) => (arn: string): boolean => {
      const r = resourceOf(arn, 'ec2');
      return r !== undefined && r.startsWith(`${type}/`) && r.length > type.length + 1 && !r.slice(type.length + 1).includes('/');
    };
    return [
      cell(['ec2:CreateNetworkInterface'], [regional('ec2', 'network-interface/*')], typed('network-interface')),
      cell(['ec2:CreateNetworkInterface'], [regional('ec2', 'subnet/*'), regional('ec2', 'security-group/*')], (arn) => typed('subnet')(arn) || typed('security-group')(arn), inVpc),
      cell(['ec2:AssignPrivateIpAddresses', 'ec2:DeleteNetworkInterface', 'ec2:UnassignPrivateIpAddresses'], [regional('ec2', 'network-interface/*')], typed('network-interface'), inVpc),
      cell(['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], ['*'], star),
    ];
  },
};
