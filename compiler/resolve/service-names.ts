/**
 * Product names people write where IAM wants a service prefix: `stepfunctions` for `states`,
 * `eventbridge` for `events`, `efs` for `elasticfilesystem`. Edit distance cannot find these
 * (the words share few letters), so they are listed; each maps to the prefixes whose patterns
 * the product's users want. Only prefixes the standard library has are ever offered.
 */
export const ALSO_CALLED: Readonly<Record<string, readonly string[]>> = {
  'api-gateway': ['execute-api'],
  apigateway: ['execute-api'],
  cognito: ['cognito-idp'],
  dynamo: ['dynamodb'],
  efs: ['elasticfilesystem'],
  elasticsearch: ['es'],
  emr: ['elasticmapreduce'],
  eventbridge: ['events', 'scheduler'],
  'cloudwatch-logs': ['logs'],
  cloudwatchlogs: ['logs'],
  opensearch: ['es', 'aoss'],
  'parameter-store': ['ssm'],
  pinpoint: ['mobiletargeting'],
  rds: ['rds-db', 'rds-data'],
  redshift: ['redshift-data'],
  sam: ['serverlessrepo'],
  secrets: ['secretsmanager'],
  sfn: ['states'],
  'step-functions': ['states'],
  stepfunctions: ['states'],
  sts: ['iam'],
  'kinesis-firehose': ['firehose'],
  'cost-explorer': ['ce'],
};

/** The stdlib services a product name stands for, or none. */
export function servicesAlsoCalled(word: string, services: readonly string[]): readonly string[] {
  const listed = Object.hasOwn(ALSO_CALLED, word.toLowerCase()) ? ALSO_CALLED[word.toLowerCase()]! : [];
  return listed.filter((s) => services.includes(s));
}

/** "the standard library has these patterns under `states`" or undefined. */
export function alsoCalledHint(word: string, services: readonly string[]): string | undefined {
  const meant = servicesAlsoCalled(word, services);
  if (meant.length === 0) return undefined;
  return `the standard library has these patterns under ${meant.map((s) => `\`${s}\``).join(' and ')}: \`iamc stdlib ${meant[0]}\``;
}
