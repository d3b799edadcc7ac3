/**
 * Drift between the stdlib and AWS's catalogue: every action exists, every resource a pattern
 * builds fits a type the action accepts (or is `*` for wildcard-only actions, with a reason), and
 * every condition key applies.
 */
import { describe, expect, it } from 'vitest';
import { arnMatchesResourceType, conditionKeyApplies, lookupAction } from '../../compiler/catalogue/catalogue.js';
import { PATTERNS } from '../../stdlib/index.js';
import type { Pattern } from '../../stdlib/pattern.js';
import { CTX, SAMPLE_TARGETS } from './samples.js';

export function catalogueProblems(pattern: Pattern, samples: readonly string[]): string[] {
  const problems: string[] = [];
  for (const part of pattern.parts) {
    for (const name of part.actions) {
      if (name.includes('*') || name.includes('?')) problems.push(`${name} is a wildcard`);
      const action = lookupAction(name);
      if (!action) {
        problems.push(`${name} is not in the catalogue`);
        continue;
      }
      if (`${action.service}:${action.name}` !== name) problems.push(`${name} is spelt ${action.service}:${action.name}`);
      for (const sample of samples) {
        const built = pattern.target.build(sample, CTX);
        if ('error' in built) {
          problems.push(`${sample}: ${built.error}`);
          continue;
        }
        const resources = part.on(built);
        if (resources.length === 1 && resources[0] === '*') {
          // `*` is the request that names no resource: allowed where AWS requires none (every type optional).
          if (!action.wildcardOnly && action.resourceTypes.some((rt) => rt.required)) problems.push(`${name} is on * but accepts resources`);
          if (!part.why) problems.push(`${name} is on * without a why`);
        } else {
          for (const arn of resources) {
            const fits = action.resourceTypes.some((rt) => arnMatchesResourceType(arn, action.service, rt.name));
            if (!fits) problems.push(`${name} accepts no resource like ${arn}`);
          }
        }
        for (const clause of part.conditions?.(built) ?? []) {
          if (!conditionKeyApplies(action, clause.key)) problems.push(`${clause.key} does not apply to ${name}`);
        }
      }
    }
  }
  return problems;
}

describe('every pattern agrees with the catalogue', () => {
  it('has a sample target for every pattern', () => {
    expect(Object.keys(SAMPLE_TARGETS).sort()).toEqual(PATTERNS.map((p) => p.id));
  });
  it.each(PATTERNS.map((p) => [p.id, p] as const))('%s', (_id, pattern) => {
    expect(catalogueProblems(pattern, SAMPLE_TARGETS[pattern.id] ?? [])).toEqual([]);
  });
  it('builds targets that fit the shape’s own catalogue type', () => {
    // A targetless or condition-form target builds no resource ARN (`*`): nothing to fit.
    for (const pattern of PATTERNS.filter((p) => (p.target.form ?? 'name') === 'name')) {
      for (const sample of SAMPLE_TARGETS[pattern.id] ?? []) {
        const built = pattern.target.build(sample, CTX);
        expect('arn' in built && arnMatchesResourceType(built.arn, pattern.service, pattern.target.catalogueType), `${pattern.id} ${sample}`).toBe(true);
      }
    }
  });
});

describe('the drift check catches drift', () => {
  const sqs = PATTERNS.find((p) => p.id === 'sqs.send.queue')!;
  it('reports a misspelt action', () => {
    const broken: Pattern = { ...sqs, parts: [{ ...sqs.parts[0]!, actions: ['sqs:SendMesage'] }] };
    expect(catalogueProblems(broken, ['orders'])).toEqual(['sqs:SendMesage is not in the catalogue']);
  });
  it('reports wrong case', () => {
    const broken: Pattern = { ...sqs, parts: [{ ...sqs.parts[0]!, actions: ['sqs:sendMessage'] }] };
    expect(catalogueProblems(broken, ['orders'])).toEqual(['sqs:sendMessage is spelt sqs:SendMessage']);
  });
  it('reports a dead grant and a key that does not apply', () => {
    const broken: Pattern = {
      ...sqs,
      parts: [
        { actions: ['ssm:DescribeParameters'], on: (t) => [t.arn] },
        { actions: ['sqs:SendMessage'], on: () => ['*'] },
        { actions: ['sqs:SendMessage'], on: (t) => [t.arn], conditions: () => [{ operator: 'StringLike', key: 's3:prefix', values: ['x'] }] },
      ],
    };
    expect(catalogueProblems(broken, ['orders'])).toEqual([
      'ssm:DescribeParameters accepts no resource like arn:aws:sqs:eu-west-1:123456789012:orders',
      'sqs:SendMessage is on * but accepts resources',
      'sqs:SendMessage is on * without a why',
      's3:prefix does not apply to sqs:SendMessage',
    ]);
  });
});
