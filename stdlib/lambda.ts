import { regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

const fn = regional('lambda', 'function', 'function:', 'function name (globs allowed)', {
  pattern: /^[A-Za-z0-9_*?-]{1,64}$/,
  message: 'function names are up to 64 letters, digits, `-` and `_`',
}, 'segment-colon');

/** The function and its versions and aliases (`NAME:QUALIFIER`), which callers may name. */
const functionAndQualified = (t: TargetArn): readonly string[] => [t.arn, `${t.arn}:*`];

export const lambdaPatterns: readonly Pattern[] = [
  {
    id: 'lambda.invoke.function',
    service: 'lambda',
    verb: 'invoke',
    resourceType: 'function',
    doc: 'invoke a function, any version or alias',
    target: fn,
    parts: [{ actions: ['lambda:InvokeFunction'], on: functionAndQualified }],
    versusCdk: 'same as `grantInvoke`; `grantInvokeVersion` and `grantInvokeLatestVersion` name one version, this pattern every one',
  },
  {
    id: 'lambda.invoke.function-url',
    service: 'lambda',
    verb: 'invoke',
    resourceType: 'function-url',
    doc: 'call a function through its IAM-authenticated function URL (on the function or an alias)',
    target: fn,
    parts: [
      { actions: ['lambda:InvokeFunctionUrl'], on: functionAndQualified },
      // Since October 2025 a new function URL also needs InvokeFunction (Lambda developer guide,
      // "Control access to function URLs"); the condition keeps it to calls that came through the URL.
      {
        actions: ['lambda:InvokeFunction'],
        on: functionAndQualified,
        conditions: () => [{ operator: 'Bool', key: 'lambda:InvokedViaFunctionUrl', values: ['true'] }],
      },
    ],
    versusCdk: 'like `grantInvokeUrl`, which also adds InvokeFunction through the URL; its `lambda:FunctionUrlAuthType` = `AWS_IAM` is left out, since only such URLs consult identity policies',
  },
  {
    id: 'lambda.deploy.function',
    service: 'lambda',
    verb: 'deploy',
    resourceType: 'function',
    doc: 'deploy new code to a function: update its code, publish a version, move its aliases',
    target: fn,
    // What a deploy tool (SAM, Serverless, `aws lambda update-function-code`) calls, and reads back
    // while it waits for the update; AWS authorises each on the function, a version or an alias.
    parts: [
      {
        actions: [
          'lambda:GetAlias',
          'lambda:GetFunction',
          'lambda:GetFunctionConfiguration',
          'lambda:ListAliases',
          'lambda:ListVersionsByFunction',
          'lambda:PublishVersion',
          'lambda:UpdateAlias',
          'lambda:UpdateFunctionCode',
        ],
        on: functionAndQualified,
      },
    ],
    note:
      'never `lambda:UpdateFunctionConfiguration` (role, environment, layers): a deployer that may change the code runs code as the function\'s role, so grant it only for functions whose role the deployer may use anyway; GetFunction and GetFunctionConfiguration return the function\'s environment variables, so a deployer reads what is kept there',
  },
];
