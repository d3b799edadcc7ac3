/** `iamc explain` and `iamc diff` on the pattern forms: a targetless grant, a namespace condition, `in ACCOUNT`. */
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const HEAD = 'account prod = 111111111111\naccount tools = 222222222222\nregion eu-west-1\n\nrole app for ec2 in prod {\n';
// `because` on the metrics grant: the linter's rule for a stdlib part on `*` whose action takes only
// an optional resource type is taught separately; the reason keeps these runs about explain and diff.
const BASE = `${HEAD}  write cloudwatch metrics "MyApp" because "metrics have no ARN"\n}\n`;
const NEXT = `${HEAD}  write cloudwatch metrics "Billing" because "metrics have no ARN"\n  write xray traces\n  consume sqs queue "jobs" in tools\n}\n`;

describe('iamc explain on the pattern forms', () => {
  const dir = project({ 'base/app.iam': BASE, 'next/app.iam': NEXT });

  it('names the namespace a request missed, at the grant that wrote it', async () => {
    const run = await runCli(['explain', '--role', 'app', '--action', 'cloudwatch:PutMetricData', '--resource', '*', '--context', 'cloudwatch:namespace=Other', 'next'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('implicitly denied');
    expect(run.stdout).toContain('from next/app.iam:6:3: write cloudwatch metrics "Billing"');
    expect(run.stdout).toContain('✗ condition: condition `StringEquals cloudwatch:namespace Billing` does not hold for `Other`');
  });

  it('traces an action of a targetless grant to its line', async () => {
    const run = await runCli(['explain', '--role', 'app', '--action', 'xray:PutTraceSegments', '--resource', '*', 'next'], dir);
    expect(run.stdout).toContain('allowed: the identity policy allows it');
    expect(run.stdout).toContain('from next/app.iam:7:3: write xray traces');
  });

  it('iamc diff shows the namespace change, the targetless grant and the other account\'s queue, each at its line', async () => {
    const run = await runCli(['diff', 'base', 'next'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('changed allow cloudwatch:PutMetricData on * when StringEquals cloudwatch:namespace MyApp -> allow cloudwatch:PutMetricData on * when StringEquals cloudwatch:namespace Billing  (next/app.iam:6)');
    expect(run.stdout).toContain('+ allow xray:PutTraceSegments on *  (next/app.iam:7)');
    expect(run.stdout).toContain('+ allow sqs:ReceiveMessage on arn:aws:sqs:eu-west-1:222222222222:jobs  (next/app.iam:8)');
  });
});
