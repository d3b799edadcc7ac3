/**
 * The compute group's patterns compiled as a user writes them, in both syntaxes: the exact
 * statements each grant becomes, and the coded diagnostic a malformed name gets.
 */
import { describe, expect, it } from 'vitest';
import { codes, compileText, policy } from '../../helpers/compile.js';

const ACCOUNT = '123456789012';
const R = `eu-west-1:${ACCOUNT}`;

interface Emitted {
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/** The role's statements without their Sids, in a stable order. */
function statements(files: Record<string, string>): Emitted[] {
  const result = compileText(files);
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return policy(result, 'iam/roles/r.policy.json')
    .Statement.map(({ Sid: _sid, Effect: _effect, ...rest }) => rest as unknown as Emitted)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const dsl = (grant: string) => ({ 'x.iam': `account prod = ${ACCOUNT}\nregion eu-west-1\nrole r for ec2 in prod {\n  ${grant}\n}\n` });
const yaml = (grant: string) => ({ 'x.iam.yaml': `accounts: { prod: "${ACCOUNT}" }\nregion: eu-west-1\nroles:\n  r:\n    for: ec2\n    in: prod\n    grants:\n      - ${grant}\n` });

const sorted = (xs: Emitted[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** (verb service type, target, statements it must become) — the whole grant, nothing beyond it. */
const CASES: [string, string, Emitted[]][] = [
  [
    'push ecr repository',
    'team/app',
    [
      {
        Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:CompleteLayerUpload', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart'],
        Resource: [`arn:aws:ecr:${R}:repository/team/app`],
      },
      { Action: ['ecr:GetAuthorizationToken'], Resource: ['*'] },
    ],
  ],
  ['read ecr repository', 'team/app', [{ Action: ['ecr:DescribeImages', 'ecr:DescribeRepositories', 'ecr:ListImages'], Resource: [`arn:aws:ecr:${R}:repository/team/app`] }]],
  [
    'deploy ecs service',
    'prod/web',
    [
      { Action: ['ecs:DescribeServices'], Resource: [`arn:aws:ecs:${R}:service/prod/web`] },
      { Action: ['ecs:RegisterTaskDefinition'], Resource: [`arn:aws:ecs:${R}:task-definition/web:*`] },
      {
        Action: ['ecs:UpdateService'],
        Resource: [`arn:aws:ecs:${R}:service/prod/web`],
        Condition: { ArnLike: { 'ecs:task-definition': `arn:aws:ecs:${R}:task-definition/web:?*` } },
      },
      { Action: ['ecs:DescribeTaskDefinition'], Resource: ['*'] },
    ],
  ],
  ['run ecs task', 'nightly-report', [{ Action: ['ecs:RunTask'], Resource: [`arn:aws:ecs:${R}:task-definition/nightly-report:*`] }]],
  ['invoke lambda function-url', 'api', [
    { Action: ['lambda:InvokeFunction'], Resource: [`arn:aws:lambda:${R}:function:api`, `arn:aws:lambda:${R}:function:api:*`], Condition: { Bool: { 'lambda:InvokedViaFunctionUrl': 'true' } } },
    { Action: ['lambda:InvokeFunctionUrl'], Resource: [`arn:aws:lambda:${R}:function:api`, `arn:aws:lambda:${R}:function:api:*`] },
  ]],
  ['invalidate cloudfront distribution', 'E2QWRUHAPOMQZL', [{ Action: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], Resource: [`arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`] }]],
  ['assume iam role', 'deploy-target', [{ Action: ['sts:AssumeRole'], Resource: [`arn:aws:iam::${ACCOUNT}:role/deploy-target`] }]],
  ['read elasticfilesystem file-system', 'fs-0123456789abcdef0', [{ Action: ['elasticfilesystem:ClientMount'], Resource: [`arn:aws:elasticfilesystem:${R}:file-system/fs-0123456789abcdef0`] }]],
  [
    'mount elasticfilesystem file-system',
    'fs-0123456789abcdef0',
    [{ Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], Resource: [`arn:aws:elasticfilesystem:${R}:file-system/fs-0123456789abcdef0`] }],
  ],
  [
    'connect elasticache serverless-cache',
    'sessions/app-user',
    [{ Action: ['elasticache:Connect'], Resource: [`arn:aws:elasticache:${R}:serverlesscache:sessions`, `arn:aws:elasticache:${R}:user:app-user`] }],
  ],
  [
    'connect elasticache replication-group',
    'sessions/app-user',
    [{ Action: ['elasticache:Connect'], Resource: [`arn:aws:elasticache:${R}:replicationgroup:sessions`, `arn:aws:elasticache:${R}:user:app-user`] }],
  ],
  [
    'read codeartifact repository',
    'acme/npm-store',
    [
      { Action: ['codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository'], Resource: [`arn:aws:codeartifact:${R}:repository/acme/npm-store`] },
      { Action: ['codeartifact:GetAuthorizationToken'], Resource: [`arn:aws:codeartifact:${R}:domain/acme`] },
      { Action: ['sts:GetServiceBearerToken'], Resource: ['*'], Condition: { StringEquals: { 'sts:AWSServiceName': 'codeartifact.amazonaws.com' } } },
    ],
  ],
  ['pull codecommit repository', 'infra', [{ Action: ['codecommit:GitPull'], Resource: [`arn:aws:codecommit:${R}:infra`] }]],
  ['push codecommit repository', 'infra', [{ Action: ['codecommit:GitPull', 'codecommit:GitPush'], Resource: [`arn:aws:codecommit:${R}:infra`] }]],
  [
    'write codebuild report-group',
    'app-build-tests',
    [{ Action: ['codebuild:BatchPutCodeCoverages', 'codebuild:BatchPutTestCases', 'codebuild:CreateReport', 'codebuild:UpdateReport'], Resource: [`arn:aws:codebuild:${R}:report-group/app-build-tests`] }],
  ],
  ['write ecs task-protection', 'prod', [{ Action: ['ecs:GetTaskProtection', 'ecs:UpdateTaskProtection'], Resource: [`arn:aws:ecs:${R}:task/prod/*`] }]],
  ['run codebuild project', 'app-build', [{ Action: ['codebuild:BatchGetBuilds', 'codebuild:StartBuild', 'codebuild:StopBuild'], Resource: [`arn:aws:codebuild:${R}:project/app-build`] }]],
  [
    'read codepipeline pipeline',
    'release',
    [{ Action: ['codepipeline:GetPipeline', 'codepipeline:GetPipelineExecution', 'codepipeline:GetPipelineState', 'codepipeline:ListPipelineExecutions'], Resource: [`arn:aws:codepipeline:${R}:release`] }],
  ],
  [
    'run codepipeline pipeline',
    'release',
    [
      {
        Action: ['codepipeline:GetPipeline', 'codepipeline:GetPipelineExecution', 'codepipeline:GetPipelineState', 'codepipeline:ListPipelineExecutions', 'codepipeline:StartPipelineExecution'],
        Resource: [`arn:aws:codepipeline:${R}:release`],
      },
    ],
  ],
  [
    'read eks cluster',
    'prod',
    [
      { Action: ['eks:DescribeCluster'], Resource: [`arn:aws:eks:${R}:cluster/prod`] },
      { Action: ['eks:ListClusters'], Resource: ['*'] },
    ],
  ],
  [
    'run elasticmapreduce steps',
    'j-2AXXXXXXGAPLF',
    [{ Action: ['elasticmapreduce:AddJobFlowSteps', 'elasticmapreduce:CancelSteps', 'elasticmapreduce:DescribeStep', 'elasticmapreduce:ListSteps'], Resource: [`arn:aws:elasticmapreduce:${R}:cluster/j-2AXXXXXXGAPLF`] }],
  ],
  [
    'write elasticmapreduce cluster',
    'j-2AXXXXXXGAPLF',
    [
      {
        Action: [
          'elasticmapreduce:DescribeCluster',
          'elasticmapreduce:ListInstanceFleets',
          'elasticmapreduce:ListInstanceGroups',
          'elasticmapreduce:ModifyInstanceFleet',
          'elasticmapreduce:ModifyInstanceGroups',
          'elasticmapreduce:SetTerminationProtection',
        ],
        Resource: [`arn:aws:elasticmapreduce:${R}:cluster/j-2AXXXXXXGAPLF`],
      },
    ],
  ],
  ['delete elasticmapreduce cluster', 'j-2AXXXXXXGAPLF', [{ Action: ['elasticmapreduce:TerminateJobFlows'], Resource: [`arn:aws:elasticmapreduce:${R}:cluster/j-2AXXXXXXGAPLF`] }]],
  [
    'write sagemaker endpoint-config',
    'model-v2',
    [{ Action: ['sagemaker:CreateEndpointConfig', 'sagemaker:DescribeEndpointConfig'], Resource: [`arn:aws:sagemaker:${R}:endpoint-config/model-v2`] }],
  ],
  [
    'write sagemaker endpoint',
    'model-endpoint',
    [
      { Action: ['sagemaker:CreateEndpoint', 'sagemaker:UpdateEndpoint'], Resource: [`arn:aws:sagemaker:${R}:endpoint-config/model-endpoint`, `arn:aws:sagemaker:${R}:endpoint/model-endpoint`] },
      { Action: ['sagemaker:DescribeEndpoint'], Resource: [`arn:aws:sagemaker:${R}:endpoint/model-endpoint`] },
    ],
  ],
  [
    'write route53 records',
    'Z1D633PJN98FT9',
    [
      {
        Action: ['route53:ChangeResourceRecordSets'],
        Resource: ['arn:aws:route53:::hostedzone/Z1D633PJN98FT9'],
        Condition: { 'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsActions': ['CREATE', 'UPSERT'] }, Null: { 'route53:ChangeResourceRecordSetsActions': 'false' } },
      },
      { Action: ['route53:ListResourceRecordSets'], Resource: ['arn:aws:route53:::hostedzone/Z1D633PJN98FT9'] },
    ],
  ],
  ['read acm certificate', '12345678-1234-1234-1234-123456789012', [{ Action: ['acm:DescribeCertificate', 'acm:GetCertificate'], Resource: [`arn:aws:acm:${R}:certificate/12345678-1234-1234-1234-123456789012`] }]],
  [
    'read cloudformation stack',
    'app-prod',
    [{ Action: ['cloudformation:DescribeStackEvents', 'cloudformation:DescribeStackResources', 'cloudformation:DescribeStacks'], Resource: [`arn:aws:cloudformation:${R}:stack/app-prod/*`] }],
  ],
  [
    'write serverlessrepo application',
    'my-app',
    [
      {
        Action: [
          'serverlessrepo:CreateApplicationVersion',
          'serverlessrepo:GetApplication',
          'serverlessrepo:ListApplicationDependencies',
          'serverlessrepo:ListApplicationVersions',
          'serverlessrepo:UpdateApplication',
        ],
        Resource: [`arn:aws:serverlessrepo:${R}:applications/my-app`],
      },
      { Action: ['serverlessrepo:CreateApplication', 'serverlessrepo:ListApplications'], Resource: ['*'] },
    ],
  ],
];

describe('compute patterns compile to exactly their statements', () => {
  it.each(CASES)('%s "%s" (DSL and YAML)', (grant, target, expected) => {
    expect(statements(dsl(`${grant} "${target}"`))).toEqual(sorted(expected));
    expect(statements(yaml(`${grant}: "${target}"`))).toEqual(sorted(expected));
  });

  it('attaches a function to one VPC, each interface, subnet and security group held to it by `ec2:Vpc`', () => {
    const vpc = `arn:aws:ec2:${R}:vpc/vpc-0123456789abcdef0`;
    const expected: Emitted[] = [
      { Action: ['ec2:CreateNetworkInterface'], Resource: [`arn:aws:ec2:${R}:network-interface/*`] },
      { Action: ['ec2:CreateNetworkInterface'], Resource: [`arn:aws:ec2:${R}:security-group/*`, `arn:aws:ec2:${R}:subnet/*`], Condition: { ArnEquals: { 'ec2:Vpc': vpc } } },
      {
        Action: ['ec2:AssignPrivateIpAddresses', 'ec2:DeleteNetworkInterface', 'ec2:UnassignPrivateIpAddresses'],
        Resource: [`arn:aws:ec2:${R}:network-interface/*`],
        Condition: { ArnEquals: { 'ec2:Vpc': vpc } },
      },
      { Action: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], Resource: ['*'] },
    ];
    // Interfaces are named by AWS when created: the grant reaches all of the VPC's and needs a reason.
    expect(statements(dsl('attach ec2 vpc "vpc-0123456789abcdef0" because "the function runs in this VPC"'))).toEqual(sorted(expected));
    expect(statements(yaml('attach ec2 vpc: "vpc-0123456789abcdef0"\n        because: "the function runs in this VPC"'))).toEqual(sorted(expected));
    expect(codes(compileText(dsl('attach ec2 vpc "vpc-0123456789abcdef0"')))).toEqual(['IAM5107', 'IAM5107', 'IAM5107']);
  });
});

describe('compute patterns refuse malformed names, saying which part is wrong', () => {
  const refused = (grant: string) => compileText(dsl(grant)).diagnostics.map((d) => `${d.code} ${d.message}`);
  it.each([
    ['deploy ecs service "web"', /`web`.*CLUSTER\/SERVICE/],
    ['deploy ecs service "prod/web/extra"', /CLUSTER\/SERVICE/],
    ['deploy ecs service "prod/we.b"', /the service `we\.b`/],
    ['connect elasticache serverless-cache "Sessions/app-user"', /the cache `Sessions`/],
    ['connect elasticache serverless-cache "sessions"', /CACHE\/USER/],
    ['read codeartifact repository "acme"', /DOMAIN\/REPOSITORY/],
    ['read codeartifact repository "ac_me/npm"', /the domain `ac_me`/],
    ['push ecr repository "Team/App"', /lowercase/],
    ['invalidate cloudfront distribution "e2qwruhapomqzl"', /uppercase/],
    ['mount elasticfilesystem file-system "0123"', /fs-/],
    ['run elasticmapreduce steps "cluster-1"', /j-/],
    ['write route53 records "zone.example.com"', /uppercase letters and digits/],
    ['write sagemaker endpoint "ChurnModel"', /lowercase/],
    ['attach ec2 vpc "default"', /vpc-/],
  ])('%s', (grant, message) => {
    const found = refused(grant);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^IAM2111 /);
    expect(found[0]).toMatch(message);
  });
});
