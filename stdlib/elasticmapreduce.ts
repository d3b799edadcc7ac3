import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const cluster = regional('elasticmapreduce', 'cluster', 'cluster/', 'cluster ID, e.g. `j-2AXXXXXXGAPLF`', {
  pattern: /^j-[A-Z0-9*?]{1,20}$/,
  message: 'cluster IDs look like `j-2AXXXXXXGAPLF`',
});

export const elasticmapreducePatterns: readonly Pattern[] = [
  {
    id: 'elasticmapreduce.run.steps',
    service: 'elasticmapreduce',
    verb: 'run',
    resourceType: 'steps',
    doc: 'add steps to a cluster, follow them, and cancel them',
    target: cluster,
    parts: [{ actions: ['elasticmapreduce:AddJobFlowSteps', 'elasticmapreduce:CancelSteps', 'elasticmapreduce:DescribeStep', 'elasticmapreduce:ListSteps'], on: itself }],
    note: 'a step runs any command on the cluster\'s nodes (`command-runner.jar`, a script): whoever may add steps runs code as the cluster\'s EC2 instance profile',
  },
  {
    id: 'elasticmapreduce.write.cluster',
    service: 'elasticmapreduce',
    verb: 'write',
    resourceType: 'cluster',
    doc: 'resize a cluster\'s instance fleets and groups, and set its termination protection',
    target: cluster,
    parts: [
      {
        actions: [
          'elasticmapreduce:DescribeCluster',
          'elasticmapreduce:ListInstanceFleets',
          'elasticmapreduce:ListInstanceGroups',
          'elasticmapreduce:ModifyInstanceFleet',
          'elasticmapreduce:ModifyInstanceGroups',
          'elasticmapreduce:SetTerminationProtection',
        ],
        on: itself,
      },
    ],
    note: 'turning termination protection off makes the cluster deletable by whoever may terminate it; ModifyInstanceGroups also takes new application configurations for a group (`Configurations`), which reconfigure Hadoop, Spark and the like on running nodes',
  },
  {
    id: 'elasticmapreduce.delete.cluster',
    service: 'elasticmapreduce',
    verb: 'delete',
    resourceType: 'cluster',
    doc: 'terminate a cluster',
    target: cluster,
    parts: [{ actions: ['elasticmapreduce:TerminateJobFlows'], on: itself }],
  },
];
