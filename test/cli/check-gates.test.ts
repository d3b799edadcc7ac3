/** `iamc check` holds the semantic gates on policy JSON as on intents: `role/?*` is any role. */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const ACCOUNT = '123456789012';
const policy = (roleArn: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: roleArn, Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } },
      { Effect: 'Allow', Action: 'lambda:CreateFunction', Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:f` },
    ],
  });

describe('iamc check on policy JSON', () => {
  it('fails PassRole on `role/?*` with IAM5108 and IAM5122', async () => {
    const dir = project({ 'policy.json': policy(`arn:aws:iam::${ACCOUNT}:role/?*`) });
    const run = await runCli(['check', 'policy.json', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const codes = (JSON.parse(run.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes).toContain('IAM5108');
    expect(codes).toContain('IAM5122');
  });

  it('passes PassRole on a named role', async () => {
    const dir = project({ 'policy.json': policy(`arn:aws:iam::${ACCOUNT}:role/app-x`) });
    expect((await runCli(['check', 'policy.json'], dir)).code).toBe(0);
  });
});
