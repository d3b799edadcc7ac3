import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

// 1–20 letters, digits and `-`, starting with a letter: one flat string, and nothing follows it in
// the ARN (`cache/NAME`).
const cluster = regional('dax', 'application', 'cache/', 'DAX cluster name', {
  pattern: /^[A-Za-z*?][A-Za-z0-9*?-]{0,19}$/,
  message: 'cluster names are 1 to 20 letters, digits and `-`, starting with a letter',
});

export const daxPatterns: readonly Pattern[] = [
  {
    id: 'dax.read.cluster',
    service: 'dax',
    verb: 'read',
    resourceType: 'cluster',
    doc: 'get, query and scan items through a DAX cluster',
    target: cluster,
    parts: [{ actions: ['dax:BatchGetItem', 'dax:GetItem', 'dax:Query', 'dax:Scan'], on: itself }],
    note: 'DAX authorises the client on the cluster only; the cluster reaches the table with its own role',
  },
  {
    id: 'dax.write.cluster',
    service: 'dax',
    verb: 'write',
    resourceType: 'cluster',
    doc: 'put and update items through a DAX cluster, and check conditions in transactions (no DeleteItem)',
    target: cluster,
    parts: [{ actions: ['dax:BatchWriteItem', 'dax:ConditionCheckItem', 'dax:PutItem', 'dax:UpdateItem'], on: itself }],
    note: 'BatchWriteItem is one API for puts and deletes: DAX authorises the call, not each request in it, so a batch can delete items',
  },
  {
    id: 'dax.delete.items',
    service: 'dax',
    verb: 'delete',
    resourceType: 'items',
    doc: 'delete items through a DAX cluster, named by the cluster (never the cluster itself)',
    target: cluster,
    parts: [{ actions: ['dax:DeleteItem'], on: itself }],
  },
];
