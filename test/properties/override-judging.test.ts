/**
 * The simulator cannot be given the catalogue override table, and refuses the requests it
 * corrects. The laws must judge those requests (with iamc's evaluator) rather than skip them, or a
 * pattern that wrongly grants an overridden action would pass unseen.
 */
import { describe, expect, it } from 'vitest';
import { overridden, simulateRequest } from './support/simulate.js';
import { loadActionSamples } from './support/catalogue-samples.js';
import type { OracleRequest } from './support/oracle.js';

const SM = 'arn:aws:states:eu-west-1:123456789012:stateMachine:orders';
const GROUP = 'arn:aws:logs:eu-west-1:123456789012:log-group:/app/orders:*';
const policy = (Action: string[], Resource: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource }] });
const request = (action: string, resource: string): OracleRequest => ({ action, resource, context: {} }) as OracleRequest;
const decide = async (p: unknown, r: OracleRequest) => {
  const result = await simulateRequest({ roleName: 'r', identity: [{ name: 'p', policy: p }] }, r);
  return result.resultType === 'single' ? result.overallResult : 'Refused';
};

describe('requests the override table corrects are judged, not refused', () => {
  it('judges a task-token answer on its state machine', async () => {
    const r = request('states:SendTaskSuccess', SM);
    expect(overridden(r)).toBe(true);
    expect(await decide(policy(['states:SendTaskSuccess'], SM), r)).toBe('Allowed');
    expect(await decide(policy(['states:StartExecution'], SM), r)).not.toBe('Allowed');
    expect(await decide(policy(['states:SendTaskSuccess'], `${SM}-other`), r)).not.toBe('Allowed');
  });
  it('judges a log-group action on `log-group:NAME:*`', async () => {
    const r = request('logs:FilterLogEvents', GROUP);
    expect(overridden(r)).toBe(true);
    expect(await decide(policy(['logs:FilterLogEvents'], GROUP), r)).toBe('Allowed');
    expect(await decide(policy(['logs:FilterLogEvents'], GROUP.replace('orders', 'other')), r)).not.toBe('Allowed');
  });
  it('leaves every other request to the simulator', () => {
    expect(overridden(request('states:StartExecution', SM))).toBe(false);
    expect(overridden(request('logs:FilterLogEvents', GROUP.slice(0, -2)))).toBe(false);
  });
  it('generates requests in the corrected forms', async () => {
    const samples = await loadActionSamples(['states', 'logs']);
    expect(samples.find((s) => s.action === 'states:SendTaskSuccess')?.arnFormats).toEqual(['arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}']);
    expect(samples.find((s) => s.action === 'logs:FilterLogEvents')?.arnFormats).toContain('arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:*');
  });
});
