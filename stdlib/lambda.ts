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
    versusCdk: 'same as `grantInvoke`',
  },
];
