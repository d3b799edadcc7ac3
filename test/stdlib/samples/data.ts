/** Sample targets for the data group's patterns: names a user would write, plain and globbed. */
export const DATA_SAMPLES: Record<string, readonly string[]> = {
  'aoss.connect.collection': ['a1b2c3d4e5f6g7h8i9j0', 'a1b2*'],
  'athena.query.workgroup': ['primary', 'analytics-*'],
  'es.read.domain': ['search', 'search-*'],
  'es.write.domain': ['search'],
  'es.read.index': ['search/orders', 'search/orders-*', 'search/logs-2026*'],
  'es.write.index': ['search/orders', 'search/orders-*'],
  'es.delete.index': ['search/orders-2025*'],
  'firehose.write.delivery-stream': ['clicks', 'clicks-*'],
  'glue.read.table': ['sales/orders', 'sales/*', 'analytics_*/events'],
  'glue.write.table': ['sales/orders', 'sales/*'],
  'kinesis.read.stream': ['clicks', 'clicks-*'],
  'kinesis.write.stream': ['clicks', 'clicks-*'],
  'rds-data.query.cluster': ['orders-db', 'orders-*'],
  'rds-db.connect.user': ['db-ABCDEFGHIJKLMNOPQRSTUVWXYZ/app_user', 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ/reporting', 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ/report_reader'],
  'redshift-data.query.cluster': ['warehouse'],
};
