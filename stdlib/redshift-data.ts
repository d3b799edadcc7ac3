import { everything, itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

// The Data API runs statements on a provisioned cluster, whose ARN is Redshift's own.
const cluster = regional('redshift', 'cluster', 'cluster:', 'Redshift cluster identifier', {
  pattern: /^[a-z*?][a-z0-9*?-]{0,62}$/,
  message: 'cluster identifiers are 1 to 63 lowercase letters, digits and `-`, starting with a letter',
});

export const redshiftDataPatterns: readonly Pattern[] = [
  {
    id: 'redshift-data.query.cluster',
    service: 'redshift-data',
    verb: 'query',
    resourceType: 'cluster',
    doc: 'run SQL statements on a Redshift cluster through the Data API, follow and cancel them, fetch their results',
    target: cluster,
    parts: [
      { actions: ['redshift-data:BatchExecuteStatement', 'redshift-data:ExecuteStatement'], on: itself },
      {
        actions: ['redshift-data:CancelStatement', 'redshift-data:DescribeStatement', 'redshift-data:GetStatementResult', 'redshift-data:ListStatements'],
        on: everything,
        why: 'these take a statement id, not a resource: AWS accepts them only on `*`',
      },
    ],
    note: 'signing in to the database is separate: `read secretsmanager secret` for a secret, or `allow "redshift:GetClusterCredentialsWithIAM"` on the database',
  },
];
