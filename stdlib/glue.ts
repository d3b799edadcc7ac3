import { checkName } from './arn.js';
import type { ArnContext, Pattern, TargetArn, TargetShape } from './pattern.js';

/** Glue keeps database and table names in lower case; Athena reads only letters, digits and `_`. */
const PART = /^[a-z0-9_*?-]{1,255}$/;

function partError(what: string, part: string): string | undefined {
  if (part.length === 0) return `the ${what} name is empty`;
  if (/[A-Z]/.test(part)) return `the ${what} name \`${part}\` has capitals: Glue stores names in lower case, and a grant on \`${part}\` would never match`;
  if (!PART.test(part)) return `the ${what} name \`${part}\` may hold only lowercase letters, digits, \`_\` and \`-\``;
  return undefined;
}

/** `DATABASE/TABLE`: two names, each validated on its own; `*` never crosses the `/` between them. */
const table: TargetShape = {
  catalogueType: 'table',
  nameHint: '`database/table` (globs allowed in each)',
  regional: true,
  meaning: { kind: 'segment', template: 'arn:{partition}:glue:{region}:{account}:table/{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name);
    if (error) return { error };
    const parts = name.split('/');
    if (parts.length !== 2) return { error: 'name the table as `database/table`: one `/` between the database and the table' };
    const problem = partError('database', parts[0]!) ?? partError('table', parts[1]!);
    if (problem) return { error: problem };
    return { arn: `arn:${ctx.partition}:glue:${ctx.region}:${ctx.account}:table/${name}` };
  },
};

/**
 * Glue checks a table call against the catalog, the database and the table together: the policy
 * must allow all three ARNs (Glue's "Specifying Glue resource ARNs").
 */
function catalogDatabase(t: TargetArn): string[] {
  const at = t.arn.indexOf(':table/');
  const base = t.arn.slice(0, at + 1);
  const rest = t.arn.slice(at + ':table/'.length);
  const database = rest.slice(0, rest.indexOf('/'));
  return [`${base}catalog`, `${base}database/${database}`];
}
const catalogDatabaseTable = (t: TargetArn): readonly string[] => [...catalogDatabase(t), t.arn];

export const gluePatterns: readonly Pattern[] = [
  {
    id: 'glue.read.table',
    service: 'glue',
    verb: 'read',
    resourceType: 'table',
    doc: 'read a Data Catalog table’s definition and partitions (what Athena, Spark and Glue jobs ask)',
    target: table,
    parts: [
      { actions: ['glue:GetDatabase'], on: (t) => catalogDatabase(t) },
      { actions: ['glue:BatchGetPartition', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable'], on: catalogDatabaseTable },
    ],
    versusCdk:
      '`grantRead` also grants GetTables (every table of the database, not only this one) and the table-version reads; the data itself is `read s3 objects` on the table’s location',
  },
  {
    id: 'glue.write.table',
    service: 'glue',
    verb: 'write',
    resourceType: 'table',
    doc: 'add and update partitions of a Data Catalog table (never its schema)',
    target: table,
    parts: [
      {
        actions: ['glue:BatchCreatePartition', 'glue:BatchUpdatePartition', 'glue:CreatePartition', 'glue:UpdatePartition'],
        on: catalogDatabaseTable,
      },
    ],
    versusCdk:
      '`grantWrite` also grants DeletePartition and BatchDeletePartition (deleting, not writing); the data itself is `write s3 objects` on the table’s location',
  },
];
