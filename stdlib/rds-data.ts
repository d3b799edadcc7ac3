import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

// The Data API acts on an Aurora cluster, whose ARN is RDS's: `arn:aws:rds:REGION:ACCOUNT:cluster:NAME`. A
// cluster identifier never holds `:` and nothing follows it in the ARN, so the name is read flat.
const cluster = regional('rds', 'cluster', 'cluster:', 'Aurora cluster identifier', {
  pattern: /^[a-z*?][a-z0-9*?-]{0,62}$/,
  message: 'cluster identifiers are 1 to 63 lowercase letters, digits and `-`, starting with a letter',
});

export const rdsDataPatterns: readonly Pattern[] = [
  {
    id: 'rds-data.query.cluster',
    service: 'rds-data',
    verb: 'query',
    resourceType: 'cluster',
    doc: 'run SQL statements and transactions on an Aurora cluster through the Data API',
    target: cluster,
    parts: [
      {
        actions: [
          'rds-data:BatchExecuteStatement',
          'rds-data:BeginTransaction',
          'rds-data:CommitTransaction',
          'rds-data:ExecuteStatement',
          'rds-data:RollbackTransaction',
        ],
        on: itself,
      },
    ],
    versusCdk: '`grantDataApiAccess` grants the same and also reads the cluster’s secret: here that is `read secretsmanager secret`',
    note: 'what the SQL may do is the database user’s (the secret’s) privileges; the Data API signs in with the secret, which needs its own `read secretsmanager secret` grant',
  },
];
