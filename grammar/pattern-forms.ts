// Generated from the stdlib by scripts/gen-pattern-forms.ts. Do not edit; regenerate with
// `UPDATE_PATTERN_FORMS=1 npx vitest run test/syntax/dsl/pattern-forms.test.ts`.

/** `VERB SERVICE TYPE` of every pattern that takes no target (`write xray traces`). */
export const TARGETLESS: readonly string[] = ['analyze textract documents', 'detect comprehend text', 'detect rekognition images', 'read ce costs', 'read cloudwatch metrics', 'read ec2 images', 'read ec2 instances', 'read organizations accounts', 'respond codepipeline jobs', 'synthesize polly speech', 'write mobileanalytics events', 'write xray traces'];

/** Every word that starts a pattern option clause (`family "web"`), with what its value is (the first pattern's hint). */
export const OPTION_WORDS: Readonly<Record<string, string>> = {
  'access-point': 'access point ID, e.g. `fsap-0123456789abcdef0`',
  'cluster': 'cluster name',
  'config': 'endpoint configuration name',
  'configuration-set': 'configuration set name',
  'family': 'task definition family (default: the service name)',
  'template': 'email template name',
  'via': 'service that uses the key for the caller (`sqs`, `sns`, `s3`, `secretsmanager`)',
};
