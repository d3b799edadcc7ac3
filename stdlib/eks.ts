import { everything, itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const cluster = regional('eks', 'cluster', 'cluster/', 'cluster name', {
  pattern: /^[A-Za-z0-9*?][A-Za-z0-9_*?-]{0,99}$/,
  message: 'cluster names are up to 100 letters, digits, `-` and `_`',
});

export const eksPatterns: readonly Pattern[] = [
  {
    id: 'eks.read.cluster',
    service: 'eks',
    verb: 'read',
    resourceType: 'cluster',
    doc: 'describe a cluster (what `aws eks update-kubeconfig` needs)',
    target: cluster,
    parts: [
      { actions: ['eks:DescribeCluster'], on: itself },
      { actions: ['eks:ListClusters'], on: everything, why: 'EKS accepts ListClusters only on `*`; it returns cluster names' },
    ],
    note: 'reading the cluster is not access to Kubernetes: that is the cluster\'s access entries',
  },
];
