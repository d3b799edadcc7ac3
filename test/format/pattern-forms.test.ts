import { describe, expect, it } from 'vitest';
import { formatDsl } from '../../compiler/format/format.js';

describe('iamc fmt prints the pattern forms back', () => {
  const canonical = [
    'account prod = 111111111111',
    'account tools = 222222222222',
    'region eu-west-1',
    '',
    'role app for ec2 in prod {',
    '  write xray traces',
    '  read cloudwatch metrics when mfa because "dashboards"',
    '  write cloudwatch metrics ["MyApp", "MyApp/*"]',
    '  assume iam role "deployer" in tools',
    '  consume sqs queue "jobs" in tools when mfa',
    '}',
    '',
  ].join('\n');

  it('keeps a targetless grant without a target, and the next line its own grant', () => {
    expect(formatDsl('a.iam', canonical).value).toBe(canonical);
  });

  it('lays out the forms canonically from a cramped file', () => {
    const cramped = canonical.replace('  write xray traces\n', '  write   xray traces\n').replace('"deployer" in tools', '"deployer"   in   tools');
    expect(formatDsl('a.iam', cramped).value).toBe(canonical);
  });
});
