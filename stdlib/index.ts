/**
 * The standard library: every pattern, and the lookups the resolver and `iamc stdlib` use.
 */
import { acmPatterns } from './acm.js';
import { aossPatterns } from './aoss.js';
import { appsyncPatterns } from './appsync.js';
import { athenaPatterns } from './athena.js';
import { bedrockPatterns } from './bedrock.js';
import { cePatterns } from './ce.js';
import { cloudformationPatterns } from './cloudformation.js';
import { cloudfrontPatterns } from './cloudfront.js';
import { cloudwatchPatterns } from './cloudwatch.js';
import { codeartifactPatterns } from './codeartifact.js';
import { codebuildPatterns } from './codebuild.js';
import { codecommitPatterns } from './codecommit.js';
import { codepipelinePatterns } from './codepipeline.js';
import { cognitoIdpPatterns } from './cognito-idp.js';
import { comprehendPatterns } from './comprehend.js';
import { daxPatterns } from './dax.js';
import { dynamodbPatterns } from './dynamodb.js';
import { ec2Patterns } from './ec2.js';
import { ecrPatterns } from './ecr.js';
import { ecsPatterns } from './ecs.js';
import { eksPatterns } from './eks.js';
import { elasticachePatterns } from './elasticache.js';
import { elasticfilesystemPatterns } from './elasticfilesystem.js';
import { elasticmapreducePatterns } from './elasticmapreduce.js';
import { esPatterns } from './es.js';
import { eventsPatterns } from './events.js';
import { executeApiPatterns } from './execute-api.js';
import { firehosePatterns } from './firehose.js';
import { gluePatterns } from './glue.js';
import { iamPatterns } from './iam.js';
import { kinesisPatterns } from './kinesis.js';
import { kmsPatterns } from './kms.js';
import { lambdaPatterns } from './lambda.js';
import { logsPatterns } from './logs.js';
import { mobileanalyticsPatterns } from './mobileanalytics.js';
import { mobiletargetingPatterns } from './mobiletargeting.js';
import { mqPatterns } from './mq.js';
import { organizationsPatterns } from './organizations.js';
import { pollyPatterns } from './polly.js';
import { rdsDataPatterns } from './rds-data.js';
import { rdsDbPatterns } from './rds-db.js';
import { redshiftDataPatterns } from './redshift-data.js';
import { rekognitionPatterns } from './rekognition.js';
import { route53Patterns } from './route53.js';
import { s3Patterns } from './s3.js';
import { sagemakerPatterns } from './sagemaker.js';
import { schedulerPatterns } from './scheduler.js';
import { secretsmanagerPatterns } from './secretsmanager.js';
import { serverlessrepoPatterns } from './serverlessrepo.js';
import { sesPatterns } from './ses.js';
import { snsPatterns } from './sns.js';
import { sqsPatterns } from './sqs.js';
import { ssmPatterns } from './ssm.js';
import { statesPatterns } from './states.js';
import { textractPatterns } from './textract.js';
import { xrayPatterns } from './xray.js';
import type { Pattern } from './pattern.js';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const PATTERNS: readonly Pattern[] = [
  ...acmPatterns,
  ...aossPatterns,
  ...appsyncPatterns,
  ...athenaPatterns,
  ...bedrockPatterns,
  ...cePatterns,
  ...cloudformationPatterns,
  ...cloudfrontPatterns,
  ...cloudwatchPatterns,
  ...codeartifactPatterns,
  ...codebuildPatterns,
  ...codecommitPatterns,
  ...codepipelinePatterns,
  ...cognitoIdpPatterns,
  ...comprehendPatterns,
  ...daxPatterns,
  ...dynamodbPatterns,
  ...ec2Patterns,
  ...ecrPatterns,
  ...ecsPatterns,
  ...eksPatterns,
  ...elasticachePatterns,
  ...elasticfilesystemPatterns,
  ...elasticmapreducePatterns,
  ...esPatterns,
  ...eventsPatterns,
  ...executeApiPatterns,
  ...firehosePatterns,
  ...gluePatterns,
  ...iamPatterns,
  ...kinesisPatterns,
  ...kmsPatterns,
  ...lambdaPatterns,
  ...logsPatterns,
  ...mobileanalyticsPatterns,
  ...mobiletargetingPatterns,
  ...mqPatterns,
  ...organizationsPatterns,
  ...pollyPatterns,
  ...rdsDataPatterns,
  ...rdsDbPatterns,
  ...redshiftDataPatterns,
  ...rekognitionPatterns,
  ...route53Patterns,
  ...s3Patterns,
  ...sagemakerPatterns,
  ...schedulerPatterns,
  ...secretsmanagerPatterns,
  ...serverlessrepoPatterns,
  ...sesPatterns,
  ...snsPatterns,
  ...sqsPatterns,
  ...ssmPatterns,
  ...statesPatterns,
  ...textractPatterns,
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
