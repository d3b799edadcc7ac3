import { arnBase, checkName, compound, everything, itself } from './arn.js';
import type { ArnContext, Pattern, PatternOption, TargetArn, TargetShape } from './pattern.js';

/** ECS cluster, service and task-definition family names: up to 255 letters, digits, `-` and `_`. */
const ECS_NAME = /^[A-Za-z0-9_*?-]{1,255}$/;
const ECS_NAME_MESSAGE = 'ECS names are up to 255 letters, digits, `-` and `_`';

const service = compound('ecs', 'service', 'service/', 'cluster/service, e.g. `prod/web`', [
  { label: 'cluster', pattern: ECS_NAME, message: ECS_NAME_MESSAGE },
  { label: 'service', pattern: ECS_NAME, message: ECS_NAME_MESSAGE },
]);

/**
 * A task-definition family: its revisions are `task-definition/FAMILY:REVISION`, so the name is a
 * segment before a `:` (a wildcard never reaches into the revision number's place and past it).
 */
const family: TargetShape = {
  catalogueType: 'task-definition',
  nameHint: 'task definition family',
  regional: true,
  meaning: { kind: 'segment-colon', template: 'arn:{partition}:ecs:{region}:{account}:task-definition/{name}:*' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, { pattern: ECS_NAME, message: ECS_NAME_MESSAGE });
    if (error) return { error };
    return { arn: `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.account}:task-definition/${name}:*` };
  },
};

const checkFamily = (value: string): string | undefined => (ECS_NAME.test(value) ? undefined : ECS_NAME_MESSAGE);

const familyOption: PatternOption = { hint: 'task definition family (default: the service name)', check: checkFamily };

/** Every revision of the family the grant names, or of the service's own name when it names none. */
function familyRevisions(t: TargetArn): readonly string[] {
  const name = t.options?.family ?? t.arn.slice(t.arn.lastIndexOf('/') + 1);
  return [`${arnBase(t.arn)}task-definition/${name}:*`];
}

/**
 * The revisions as the `ecs:task-definition` condition compares them: `?*` because a revision is
 * never empty, so `family:` alone (no revision at all) does not match as IAM's `*` would let it.
 */
function revisionCondition(t: TargetArn): readonly string[] {
  return familyRevisions(t).map((arn) => arn.replace(/:\*$/, ':?*'));
}

/** The cluster a `run` grant names, as the ARN `ecs:cluster` compares with. */
function clusterCondition(t: TargetArn) {
  const cluster = t.options?.cluster;
  return cluster === undefined ? [] : [{ operator: 'ArnLike', key: 'ecs:cluster', values: [`${arnBase(t.arn)}cluster/${cluster}`] }];
}

/** The tasks of a cluster: `task/CLUSTER/TASK-ID`, the ID ECS picks. */
const clusterTasks: TargetShape = {
  catalogueType: 'task',
  nameHint: 'cluster name',
  regional: true,
  meaning: { kind: 'segment', template: 'arn:{partition}:ecs:{region}:{account}:task/{name}/*' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, { pattern: ECS_NAME, message: ECS_NAME_MESSAGE });
    if (error) return { error };
    return { arn: `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.account}:task/${name}/*` };
  },
};

export const ecsPatterns: readonly Pattern[] = [
  {
    id: 'ecs.deploy.service',
    service: 'ecs',
    verb: 'deploy',
    resourceType: 'service',
    doc: 'deploy a service: register a task definition revision and point the service at it (`deploy ecs service "CLUSTER/SERVICE" family FAMILY`)',
    target: service,
    options: { family: familyOption },
    parts: [
      { actions: ['ecs:DescribeServices'], on: itself },
      { actions: ['ecs:RegisterTaskDefinition'], on: familyRevisions },
      {
        actions: ['ecs:DescribeTaskDefinition'],
        on: everything,
        why: 'a deploy reads the running task definition to derive the next one; ECS authorises DescribeTaskDefinition only on `*`, so it reads every family\'s definitions, their plain `environment` values included (`secrets` are only references)',
      },
      {
        // UpdateService takes any registered task definition: without this condition a deployer
        // could point the service at another family's revision and run as that family's task role.
        actions: ['ecs:UpdateService'],
        on: itself,
        conditions: (t) => [{ operator: 'ArnLike', key: 'ecs:task-definition', values: revisionCondition(t) }],
      },
    ],
    versusCdk: 'no CDK grant; the ECS deploy actions GitHub\'s `amazon-ecs-deploy-task-definition` documents, on one service and one family',
    note: 'the service can be pointed only at a revision of the family (`ecs:task-definition`), so every update names one: `update-service --force-new-deployment` alone, or a desired count alone, is refused. The task and execution roles the new revision names are passed with a separate `pass iam role … to ecs-tasks` grant',
  },
  {
    id: 'ecs.run.task',
    service: 'ecs',
    verb: 'run',
    resourceType: 'task',
    doc: 'run tasks from a task-definition family (`run ecs task FAMILY cluster CLUSTER` limits them to one cluster)',
    target: family,
    options: { cluster: { hint: 'cluster name', check: checkFamily } },
    parts: [{ actions: ['ecs:RunTask'], on: itself, conditions: clusterCondition }],
    versusCdk: '`TaskDefinition.grantRun` also passes the task\'s roles; iamc keeps passing a role a separate `pass iam role` grant',
    note: 'the task\'s roles are passed with `pass iam role … to ecs-tasks`; RunTask may override the containers\' commands and environment, so whoever may run the family runs any code as its task role',
  },
  {
    id: 'ecs.write.task-protection',
    service: 'ecs',
    verb: 'write',
    resourceType: 'task-protection',
    doc: 'protect the tasks of a cluster from scale-in, and read that protection (a task protecting itself)',
    target: clusterTasks,
    parts: [{ actions: ['ecs:GetTaskProtection', 'ecs:UpdateTaskProtection'], on: itself }],
    versusCdk: '`Cluster.grantTaskProtection` plus `ecs:GetTaskProtection`',
  },
];
