/**
 * The override table reaches the compiler: a grant AWS honours, refused before by the catalogue's
 * errors, compiles, and the gates keep their meaning for the actions the table does not touch.
 */
import { describe, expect, it } from 'vitest';
import { codes, compileText, policy } from '../helpers/compile.js';

const head = 'account prod = 123456789012\nregion eu-west-1\n';
const compile = (body: string) => compileText({ 'main.iam': `${head}role r for ec2 in prod {\n${body}}\n` });
const GROUP = 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/app/orders';
const SM = 'arn:aws:states:eu-west-1:123456789012:stateMachine:orders';

describe('raw grants the catalogue got wrong compile', () => {
  it('takes a log-read policy on `log-group:NAME:*`', () => {
    const result = compile(`  allow ["logs:FilterLogEvents", "logs:StartQuery", "logs:DescribeLogStreams"] on "${GROUP}:*"\n`);
    expect(codes(result).filter((c) => !c.startsWith('IAM5'))).toEqual([]);
    const statements = policy(result, 'iam/roles/r.policy.json').Statement;
    expect(statements.flatMap((s) => s.Resource as string[])).toEqual([`${GROUP}:*`]);
  });
  it('takes the task-token actions on their state machine', () => {
    const result = compile(`  allow ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"] on "${SM}"\n`);
    expect(codes(result)).toEqual([]);
  });
});

describe('the raw-statement gate asks for a reason where `*` is the narrowest resource', () => {
  it('asks for a reason for PutMetricData named on a resource it never acts on', () => {
    expect(codes(compile(`  allow "cloudwatch:PutMetricData" on "${SM}"\n`))).toContain('IAM2112');
  });
  it('does not ask for one for PutMetricData on its optional dataset type', () => {
    expect(codes(compile('  allow "cloudwatch:PutMetricData" on "arn:aws:cloudwatch:eu-west-1:123456789012:dataset/d1"\n'))).not.toContain('IAM2112');
  });
  it('does not ask for one for an action with several optional types on one of them', () => {
    expect(codes(compile('  allow "s3:GetObject" on "arn:aws:s3:::bucket/key"\n'))).toEqual([]);
  });
});

describe('a finding that rests on a corrected row says so', () => {
  it('names the correction when a task-token action is named on an activity', () => {
    const result = compile('  allow "states:SendTaskSuccess" on "arn:aws:states:eu-west-1:123456789012:activity:worker"\n');
    const dead = result.diagnostics.filter((d) => d.code === 'IAM5123' || d.code === 'IAM4103');
    expect(dead.length).toBeGreaterThan(0);
    for (const d of dead) expect(d.detail).toContain('iamc corrects AWS\'s catalogue');
  });
});
