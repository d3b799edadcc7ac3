/**
 * What the compute group's patterns make of a target before any syntax: options (`family`,
 * `cluster`, `access-point`), targetless patterns and the grants a compile rule stands in front of.
 * These call each pattern's `on` directly, as lowering does.
 */
import { describe, expect, it } from 'vitest';
import { conditionKeyApplies, lookupAction } from '../../../compiler/catalogue/catalogue.js';
import { PATTERNS } from '../../../stdlib/index.js';
import type { Pattern } from '../../../stdlib/pattern.js';
import { CTX } from '../samples.js';

function pattern(id: string): Pattern {
  const p = PATTERNS.find((x) => x.id === id);
  if (!p) throw new Error(`no pattern ${id}`);
  return p;
}

/** Every (actions, resources, conditions) a pattern produces for a target name and options. */
function expand(id: string, name: string, options?: Record<string, string>) {
  const p = pattern(id);
  const built = p.target.build(name, CTX);
  if ('error' in built) throw new Error(built.error);
  const target = { arn: built.arn, written: name, ...(options ? { options } : {}) };
  return p.parts.map((part) => ({ actions: [...part.actions], on: [...part.on(target)], conditions: [...(part.conditions?.(target) ?? [])] }));
}

const R = 'eu-west-1:123456789012';

describe('deploy ecs service', () => {
  it('registers revisions of the service\'s own family when no `family` is written', () => {
    expect(expand('ecs.deploy.service', 'prod/web')[1]).toEqual({ actions: ['ecs:RegisterTaskDefinition'], on: [`arn:aws:ecs:${R}:task-definition/web:*`], conditions: [] });
  });
  it('registers revisions of the family `family` names, and only of it', () => {
    const parts = expand('ecs.deploy.service', 'prod/web', { family: 'web-task' });
    expect(parts[1]?.on).toEqual([`arn:aws:ecs:${R}:task-definition/web-task:*`]);
    expect(parts[0]?.on).toEqual([`arn:aws:ecs:${R}:service/prod/web`]);
  });
  it('declares `family` as an option that refuses a name ECS would refuse', () => {
    const family = pattern('ecs.deploy.service').options?.['family'];
    expect(family?.check?.('web-task')).toBeUndefined();
    expect(family?.check?.('web task')).toMatch(/ECS names/);
    expect(family?.check?.('web:3')).toMatch(/ECS names/);
  });
  it('derives the family from the service part of a meaning glob, never across the `/`', () => {
    // Resolve calls `on` with the meaning of a name, whose wildcards are private-use characters.
    const meaning = `arn:aws:ecs:${R}:service/prod/web-\uE000`;
    const parts = pattern('ecs.deploy.service').parts;
    expect(parts[1]!.on({ arn: meaning })).toEqual([`arn:aws:ecs:${R}:task-definition/web-\uE000:*`]);
  });
  it('reads task definitions on `*` only, with a reason', () => {
    const star = pattern('ecs.deploy.service').parts.find((p) => p.actions.includes('ecs:DescribeTaskDefinition'));
    expect(star?.on({ arn: 'x' })).toEqual(['*']);
    expect(star?.why).toMatch(/only on `\*`/);
  });
});

describe('run ecs task', () => {
  it('holds RunTask to one cluster when `cluster` is written', () => {
    expect(expand('ecs.run.task', 'nightly', { cluster: 'prod' })[0]?.conditions).toEqual([
      { operator: 'ArnLike', key: 'ecs:cluster', values: [`arn:aws:ecs:${R}:cluster/prod`] },
    ]);
    expect(expand('ecs.run.task', 'nightly')[0]?.conditions).toEqual([]);
  });
});

describe('write sagemaker endpoint', () => {
  it('creates the endpoint from the configuration `config` names, or the one named like it', () => {
    expect(expand('sagemaker.write.endpoint', 'churn', { config: 'churn-v7' })[0]?.on).toEqual([`arn:aws:sagemaker:${R}:endpoint/churn`, `arn:aws:sagemaker:${R}:endpoint-config/churn-v7`]);
    expect(expand('sagemaker.write.endpoint', 'churn')[0]?.on).toEqual([`arn:aws:sagemaker:${R}:endpoint/churn`, `arn:aws:sagemaker:${R}:endpoint-config/churn`]);
  });
});

describe('elasticfilesystem access points', () => {
  it.each(['elasticfilesystem.read.file-system', 'elasticfilesystem.mount.file-system'])('%s holds the mount to the access point written', (id) => {
    expect(expand(id, 'fs-0123456789abcdef0', { 'access-point': 'fsap-0123456789abcdef0' })[0]?.conditions).toEqual([
      { operator: 'StringEquals', key: 'elasticfilesystem:AccessPointArn', values: [`arn:aws:elasticfilesystem:${R}:access-point/fsap-0123456789abcdef0`] },
    ]);
  });
  it('never grants root access', () => {
    for (const p of PATTERNS) expect(p.parts.flatMap((x) => x.actions)).not.toContain('elasticfilesystem:ClientRootAccess');
  });
});

describe('deploy lambda function', () => {
  it('updates code, publishes versions and moves aliases on that function, its versions and aliases', () => {
    expect(expand('lambda.deploy.function', 'processor')).toEqual([
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
        on: [`arn:aws:lambda:${R}:function:processor`, `arn:aws:lambda:${R}:function:processor:*`],
        conditions: [],
      },
    ]);
  });
  it('never changes a function\'s configuration (its role, environment or layers)', () => {
    for (const p of PATTERNS) expect(p.parts.flatMap((x) => x.actions)).not.toContain('lambda:UpdateFunctionConfiguration');
  });
});

describe('targetless compute patterns', () => {
  it.each([
    ['ec2.read.images', ['ec2:DescribeImages']],
    ['ec2.read.instances', ['ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', 'ec2:DescribeRegions']],
    ['organizations.read.accounts', ['organizations:ListAccounts']],
    ['codepipeline.respond.jobs', ['codepipeline:PutJobFailureResult', 'codepipeline:PutJobSuccessResult']],
  ])('%s is its actions on `*`, each part with a reason', (id, actions) => {
    const p = pattern(id);
    expect(p.target.form).toBe('none');
    expect(p.parts.flatMap((x) => x.actions)).toEqual(actions);
    for (const part of p.parts) {
      expect(part.on({ arn: '*' })).toEqual(['*']);
      expect(part.why).toBeTruthy();
    }
  });
});

describe('conditions an option adds', () => {
  // The catalogue test builds targets without options; these are the conditions only options add.
  it.each([
    ['ecs.run.task', 'nightly', { cluster: 'prod' }],
    ['elasticfilesystem.read.file-system', 'fs-0123456789abcdef0', { 'access-point': 'fsap-0123456789abcdef0' }],
    ['elasticfilesystem.mount.file-system', 'fs-0123456789abcdef0', { 'access-point': 'fsap-0123456789abcdef0' }],
  ] as const)('%s: every key applies to every action it is put on', (id, name, options) => {
    const parts = expand(id, name, options);
    expect(parts.some((p) => p.conditions.length > 0)).toBe(true);
    for (const part of parts) {
      for (const action of part.actions) {
        for (const c of part.conditions) expect(conditionKeyApplies(lookupAction(action)!, c.key), `${c.key} on ${action}`).toBe(true);
      }
    }
  });
  it('declares each option it reads, with a check that refuses a malformed value', () => {
    expect(pattern('ecs.run.task').options?.['cluster']?.check?.('prod cluster')).toBeTruthy();
    expect(pattern('elasticfilesystem.mount.file-system').options?.['access-point']?.check?.('ap-1')).toMatch(/fsap-/);
    expect(pattern('sagemaker.write.endpoint').options?.['config']?.check?.('Churn')).toMatch(/lowercase/);
  });
});
