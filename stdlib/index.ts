/**
 * The standard library: every pattern, and the lookups the resolver and `iamc stdlib` use.
 */
import { cloudwatchPatterns } from './cloudwatch.js';
import { dynamodbPatterns } from './dynamodb.js';
import { ecrPatterns } from './ecr.js';
import { eventsPatterns } from './events.js';
import { iamPatterns } from './iam.js';
import { kmsPatterns } from './kms.js';
import { lambdaPatterns } from './lambda.js';
import { logsPatterns } from './logs.js';
import type { Pattern } from './pattern.js';
import { s3Patterns } from './s3.js';
import { secretsmanagerPatterns } from './secretsmanager.js';
import { snsPatterns } from './sns.js';
import { sqsPatterns } from './sqs.js';
import { ssmPatterns } from './ssm.js';
import { statesPatterns } from './states.js';
import { xrayPatterns } from './xray.js';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const PATTERNS: readonly Pattern[] = [
  ...cloudwatchPatterns,
  ...dynamodbPatterns,
  ...ecrPatterns,
  ...eventsPatterns,
  ...iamPatterns,
  ...kmsPatterns,
  ...lambdaPatterns,
  ...logsPatterns,
  ...s3Patterns,
  ...secretsmanagerPatterns,
  ...snsPatterns,
  ...sqsPatterns,
  ...ssmPatterns,
  ...statesPatterns,
  ...xrayPatterns,
].sort((a, b) => byString(a.id, b.id));

const BY_KEY = new Map(PATTERNS.map((p) => [`${p.service} ${p.verb} ${p.resourceType}`, p]));

/** Words are matched as written: the language's service, verb and type words are lowercase. */
export function findPattern(service: string, verb: string, resourceType: string): Pattern | undefined {
  return BY_KEY.get(`${service} ${verb} ${resourceType}`);
}

export function stdlibServices(): string[] {
  return [...new Set(PATTERNS.map((p) => p.service))].sort(byString);
}

export function verbsFor(service: string, resourceType: string): string[] {
  return [...new Set(PATTERNS.filter((p) => p.service === service && p.resourceType === resourceType).map((p) => p.verb))].sort(byString);
}

export function resourceTypesFor(service: string): string[] {
  return [...new Set(PATTERNS.filter((p) => p.service === service).map((p) => p.resourceType))].sort(byString);
}

export type { Pattern, PatternPart, TargetShape, ArnContext, TargetArn } from './pattern.js';
export { patternActions } from './pattern.js';
