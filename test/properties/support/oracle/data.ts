/**
 * The oracle for the data group's patterns, written from AWS's documentation of each action (the
 * Service Authorization Reference and the service's API reference), never from the stdlib.
 * Each request ARN is taken apart into the fields AWS gives it and each field matched on its own.
 */
import { cell, flat, globMatch, pathMeans, regional, resourceOf, splitObject, type CellsOf } from '../oracle-kit.js';

/** Names a user might write per pattern (`verb service type`), globs included. */
export const DATA_NAMES: Record<string, readonly string[]> = {
  'delete s3 objects': ['my-bucket/tmp/*', 'exports/out.json', 'tenant-*/*'],
  'backup dynamodb table': ['Orders', 'orders-*'],
  'delete dynamodb items': ['Orders', 'orders-*'],
  'put dynamodb items': ['AuditLog', 'audit-*'],
  'lock dynamodb table': ['terraform-locks', 'tf-lock-?'],
  'read dynamodb stream': ['Orders', 'orders-*'],
  'produce kms key': ['1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-*'],
  'sign kms key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'verify kms key': ['1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-*'],
  'generate-mac kms key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'verify-mac kms key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'write ssm parameter': ['/app/prod/db-url', '/app/prod/*', 'plain'],
  'write secretsmanager secret': ['app/prod/db', 'app/prod/*'],
  'rotate secretsmanager secret': ['app/prod/db', 'api-key'],
  'read kinesis stream': ['clicks', 'clicks-*'],
  'write kinesis stream': ['clicks', 'events-?'],
  'write firehose delivery-stream': ['clicks', 'clicks-*'],
  'query athena workgroup': ['primary', 'analytics-*'],
  'read glue table': ['sales/orders', 'sales/*', 'analytics_*/events'],
  'write glue table': ['sales/orders', 'sales/*'],
  'connect rds-db user': ['db-ABCDEFGHIJKLMNOPQRSTUVWXYZ/app_user', 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ/reporting', 'db-ZYXWVUTSRQPONMLKJIHGFEDCBA/app_user'],
  'query rds-data cluster': ['orders-db', 'orders-*'],
  'read es domain': ['search', 'search-*'],
  'write es domain': ['search'],
  'read es index': ['search/orders', 'search/orders-*'],
  'read es path': ['search/_cat/indices', 'search/orders/_doc/*'],
  'write es path': ['search/orders/_doc/*', 'search/_bulk'],
  'write es index': ['search/orders', 'search/logs-*'],
  'delete es index': ['search/orders-2025*'],
  'connect aoss collection': ['a1b2c3d4e5f6g7h8i9j0', 'a1b2*'],
  'read dax cluster': ['sessions', 'sessions-*'],
  'write dax cluster': ['sessions'],
  'delete dax items': ['sessions-?'],
  'query redshift-data cluster': ['warehouse', 'warehouse-*'],
};

/** Only `*`: for actions AWS accepts on no resource. */
const anything = (actions: string[]) => cell(actions, ['*'], (arn) => arn === '*');

/** `PREFIX/NAME` where the name is one field (no `/`). */
const field = (service: string, type: string, name: string) => (arn: string): boolean => {
  const f = resourceOf(arn, service)?.split('/');
  return f?.length === 2 && f[0] === type && globMatch(name, f[1]!);
};

/** S3 objects: the bucket is everything before the first `/`, the key the rest. */
const objects = (name: string) => {
  const slash = name.indexOf('/');
  const [bucketGlob, keyGlob] = [name.slice(0, slash), name.slice(slash + 1)];
  return (arn: string): boolean => {
    const o = splitObject(arn);
    return o !== undefined && o.key !== undefined && globMatch(bucketGlob, o.bucket) && globMatch(keyGlob, o.key);
  };
};

/** An SSM parameter: the ARN drops the name's leading `/`; the levels are matched one by one. */
const parameter = (name: string) => (arn: string): boolean => {
  const r = resourceOf(arn, 'ssm');
  return r !== undefined && r.startsWith('parameter/') && pathMeans(name, r.slice('parameter/'.length));
};

/** Secrets Manager appends `-` and six characters; a name ending in `*` is the user's glob. */
const secretGlob = (name: string): string => (name.endsWith('*') ? name : `${name}-??????`);

/** Glue's catalog, `database/DB` and `table/DB/TABLE`: AWS checks a table call against all three. */
function glueMeans(name: string, withTable: boolean) {
  const [db, table] = name.split('/') as [string, string];
  return (arn: string): boolean => {
    const r = resourceOf(arn, 'glue');
    if (r === undefined) return false;
    if (r === 'catalog') return true;
    const f = r.split('/');
    if (f.length === 2 && f[0] === 'database') return globMatch(db, f[1]!);
    return withTable && f.length === 3 && f[0] === 'table' && globMatch(db, f[1]!) && globMatch(table, f[2]!);
  };
}

/** An OpenSearch domain's HTTP paths: `domain/NAME` and anything below `domain/NAME/`. */
const domainPaths = (name: string) => (arn: string): boolean => {
  const f = resourceOf(arn, 'es')?.split('/');
  return f !== undefined && f.length >= 2 && f[0] === 'domain' && globMatch(name, f[1]!);
};

/** One index of a domain: `domain/D/INDEX` and anything below it. */
const indexPaths = (name: string) => {
  const [d, i] = name.split('/') as [string, string];
  return (arn: string): boolean => {
    const f = resourceOf(arn, 'es')?.split('/');
    return f !== undefined && f.length >= 3 && f[0] === 'domain' && globMatch(d, f[1]!) && globMatch(i, f[2]!);
  };
};

const TABLE_ITEM = (actions: string[]) => (name: string) => [cell(actions, [regional('dynamodb', `table/${name}`)], field('dynamodb', 'table', name))];
const KEY = (actions: string[]) => (name: string) => [cell(actions, [regional('kms', `key/${name}`)], flat('kms', 'key/', name))];
const STREAM_READ = ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'];
const ES_READ = ['es:ESHttpGet', 'es:ESHttpHead'];
const ES_WRITE = ['es:ESHttpPatch', 'es:ESHttpPost', 'es:ESHttpPut'];

/**
 * `domain/D/P…` for a path glob `D/P…`: the domain's name, then the path's levels one by one (a
 * wildcard stays in its level); a final `/*` is every HTTP path below, whatever it holds.
 */
function esPath(name: string): (arn: string) => boolean {
  const below = name.endsWith('/*');
  const want = (below ? name.slice(0, -2) : name).split('/');
  return (arn) => {
    const r = resourceOf(arn, 'es');
    if (r === undefined || !r.startsWith('domain/')) return false;
    const path = r.slice('domain/'.length);
    const have = path.split('/');
    if (below ? have.length <= want.length : have.length !== want.length) return false;
    return want.every((level, i) => globMatch(level, have[i]!));
  };
}

export const DATA_CELLS: Record<string, CellsOf> = {
  // DeleteObject is authorised on the object ARN (Service Authorization Reference, Amazon S3).
  'delete s3 objects': (name) => [cell(['s3:DeleteObject'], [`arn:aws:s3:::${name}`], objects(name))],
  // Item calls are authorised on the table ARN `table/NAME`.
  'delete dynamodb items': TABLE_ITEM(['dynamodb:DeleteItem']),
  // PutItem, UpdateItem, ConditionCheckItem and DescribeTable are each authorised on the table.
  'put dynamodb items': TABLE_ITEM(['dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
  // CreateBackup and DescribeContinuousBackups on the table; DescribeBackup on `table/NAME/backup/BACKUP`.
  'backup dynamodb table': (name) => [
    ...TABLE_ITEM(['dynamodb:CreateBackup', 'dynamodb:DescribeContinuousBackups'])(name),
    cell(['dynamodb:DescribeBackup'], [regional('dynamodb', `table/${name}/backup/*`)], (arn) => {
      const f = resourceOf(arn, 'dynamodb')?.split('/');
      return f?.length === 4 && f[0] === 'table' && f[2] === 'backup' && f[3]!.length > 0 && globMatch(name, f[1]!);
    }),
  ],
  'lock dynamodb table': TABLE_ITEM(['dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem']),
  // Stream reads are authorised on `table/NAME/stream/LABEL`; ListStreams on no resource.
  'read dynamodb stream': (name) => [
    cell(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], [regional('dynamodb', `table/${name}/stream/*`)], (arn) => {
      const f = resourceOf(arn, 'dynamodb')?.split('/');
      return f?.length === 4 && f[0] === 'table' && f[2] === 'stream' && f[3]!.length > 0 && globMatch(name, f[1]!);
    }),
    anything(['dynamodb:ListStreams']),
  ],
  // Cryptographic calls are authorised on the key ARN `key/KEY-ID`.
  'produce kms key': KEY(['kms:Decrypt', 'kms:GenerateDataKey']),
  'sign kms key': KEY(['kms:Sign']),
  'verify kms key': KEY(['kms:Verify']),
  'generate-mac kms key': KEY(['kms:GenerateMac']),
  'verify-mac kms key': KEY(['kms:VerifyMac']),
  'write ssm parameter': (name) => [cell(['ssm:PutParameter'], [regional('ssm', `parameter/${name.replace(/^\//, '')}`)], parameter(name))],
  'write secretsmanager secret': (name) => [
    cell(['secretsmanager:PutSecretValue'], [regional('secretsmanager', `secret:${secretGlob(name)}`)], flat('secretsmanager', 'secret:', secretGlob(name))),
  ],
  'rotate secretsmanager secret': (name) => [
    cell(
      ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
      [regional('secretsmanager', `secret:${secretGlob(name)}`)],
      flat('secretsmanager', 'secret:', secretGlob(name)),
    ),
    anything(['secretsmanager:GetRandomPassword']),
  ],
  // Stream calls on `stream/NAME`; enhanced fan-out on the consumer `stream/NAME/consumer/C:TIMESTAMP`.
  'read kinesis stream': (name) => [
    cell(STREAM_READ, [regional('kinesis', `stream/${name}`)], field('kinesis', 'stream', name)),
    cell(['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], [regional('kinesis', `stream/${name}/consumer/*`)], (arn) => {
      const f = resourceOf(arn, 'kinesis')?.split('/');
      return f?.length === 4 && f[0] === 'stream' && f[2] === 'consumer' && f[3]!.length > 0 && globMatch(name, f[1]!);
    }),
  ],
  'write kinesis stream': (name) => [cell(['kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'], [regional('kinesis', `stream/${name}`)], field('kinesis', 'stream', name))],
  'write firehose delivery-stream': (name) => [
    cell(['firehose:PutRecord', 'firehose:PutRecordBatch'], [regional('firehose', `deliverystream/${name}`)], field('firehose', 'deliverystream', name)),
  ],
  'query athena workgroup': (name) => [
    cell(
      ['athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:GetWorkGroup', 'athena:StartQueryExecution', 'athena:StopQueryExecution'],
      [regional('athena', `workgroup/${name}`)],
      field('athena', 'workgroup', name),
    ),
  ],
  'read glue table': (name) => {
    const db = name.split('/')[0]!;
    const where = [regional('glue', 'catalog'), regional('glue', `database/${db}`)];
    return [
      cell(['glue:GetDatabase'], where, glueMeans(name, false)),
      cell(['glue:BatchGetPartition', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable'], [...where, regional('glue', `table/${name}`)], glueMeans(name, true)),
    ];
  },
  'write glue table': (name) => {
    const db = name.split('/')[0]!;
    return [
      cell(
        ['glue:BatchCreatePartition', 'glue:BatchUpdatePartition', 'glue:CreatePartition', 'glue:UpdatePartition'],
        [regional('glue', 'catalog'), regional('glue', `database/${db}`), regional('glue', `table/${name}`)],
        glueMeans(name, true),
      ),
    ];
  },
  // IAM database authentication: `dbuser:RESOURCE-ID/USER`, each field its own.
  'connect rds-db user': (name) => {
    const [id, user] = name.split('/') as [string, string];
    return [
      cell(['rds-db:connect'], [regional('rds-db', `dbuser:${name}`)], (arn) => {
        const r = resourceOf(arn, 'rds-db');
        if (r === undefined || !r.startsWith('dbuser:')) return false;
        const f = r.slice('dbuser:'.length).split('/');
        return f.length === 2 && globMatch(id, f[0]!) && globMatch(user, f[1]!);
      }),
    ];
  },
  // The Data API is authorised on the cluster's RDS ARN `cluster:NAME`.
  'query rds-data cluster': (name) => [
    cell(
      ['rds-data:BatchExecuteStatement', 'rds-data:BeginTransaction', 'rds-data:CommitTransaction', 'rds-data:ExecuteStatement', 'rds-data:RollbackTransaction'],
      [regional('rds', `cluster:${name}`)],
      (arn) => {
        const f = resourceOf(arn, 'rds')?.split(':');
        return f?.length === 2 && f[0] === 'cluster' && globMatch(name, f[1]!);
      },
    ),
  ],
  // OpenSearch HTTP calls are authorised on `domain/NAME` followed by the request's path.
  'read es domain': (name) => [cell(ES_READ, [regional('es', `domain/${name}`), regional('es', `domain/${name}/*`)], domainPaths(name))],
  'write es domain': (name) => [cell(ES_WRITE, [regional('es', `domain/${name}`), regional('es', `domain/${name}/*`)], domainPaths(name))],
  'read es index': (name) => [cell(ES_READ, [regional('es', `domain/${name}`), regional('es', `domain/${name}/*`)], indexPaths(name))],
  'write es index': (name) => [cell(ES_WRITE, [regional('es', `domain/${name}`), regional('es', `domain/${name}/*`)], indexPaths(name))],
  'delete es index': (name) => [cell(['es:ESHttpDelete'], [regional('es', `domain/${name}`), regional('es', `domain/${name}/*`)], indexPaths(name))],
  // A path grant is that one HTTP path (`domain/D/LEVEL/…`), levels matched one by one; a final
  // `*` level is every path below (CDK's grantPath* name the path's ARN as written).
  'read es path': (name) => [cell(ES_READ, [regional('es', `domain/${name}`)], esPath(name))],
  'write es path': (name) => [cell(ES_WRITE, [regional('es', `domain/${name}`)], esPath(name))],
  // DAX item calls are authorised on the cluster, `cache/NAME`.
  'read dax cluster': (name) => [cell(['dax:BatchGetItem', 'dax:GetItem', 'dax:Query', 'dax:Scan'], [regional('dax', `cache/${name}`)], field('dax', 'cache', name))],
  'write dax cluster': (name) => [
    cell(['dax:BatchWriteItem', 'dax:ConditionCheckItem', 'dax:PutItem', 'dax:UpdateItem'], [regional('dax', `cache/${name}`)], field('dax', 'cache', name)),
  ],
  'delete dax items': (name) => [cell(['dax:DeleteItem'], [regional('dax', `cache/${name}`)], field('dax', 'cache', name))],
  'connect aoss collection': (name) => [cell(['aoss:APIAccessAll'], [regional('aoss', `collection/${name}`)], field('aoss', 'collection', name))],
  // Statements run on the cluster's Redshift ARN; the statement calls take no resource.
  'query redshift-data cluster': (name) => [
    cell(['redshift-data:BatchExecuteStatement', 'redshift-data:ExecuteStatement'], [regional('redshift', `cluster:${name}`)], (arn) => {
      const f = resourceOf(arn, 'redshift')?.split(':');
      return f?.length === 2 && f[0] === 'cluster' && globMatch(name, f[1]!);
    }),
    anything(['redshift-data:CancelStatement', 'redshift-data:DescribeStatement', 'redshift-data:GetStatementResult', 'redshift-data:ListStatements']),
  ],
};
