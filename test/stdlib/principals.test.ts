import { describe, expect, it } from 'vitest';
import { AZURE_DEVOPS, GITHUB, SERVICE_TRUSTS } from '../../stdlib/principals.js';
import { isGlobalConditionKey } from '../../compiler/catalogue/catalogue.js';

const CTX = { partition: 'aws', region: 'eu-west-1', account: '123456789012', functionGlob: 'processor' };

describe('principal data', () => {
  it('builds GitHub subjects in the formats GitHub issues', () => {
    expect(GITHUB.host).toBe('token.actions.githubusercontent.com');
    expect(GITHUB.audience).toBe('sts.amazonaws.com');
    expect(GITHUB.subject('org/repo', 'branch', 'main')).toBe('repo:org/repo:ref:refs/heads/main');
    expect(GITHUB.subject('org/repo', 'tag', 'v1')).toBe('repo:org/repo:ref:refs/tags/v1');
    expect(GITHUB.subject('org/repo', 'environment', 'prod')).toBe('repo:org/repo:environment:prod');
    expect(GITHUB.subject('org/repo', 'pull-request', '')).toBe('repo:org/repo:pull_request');
  });
  it('builds Azure DevOps issuer and subject', () => {
    expect(AZURE_DEVOPS.host('0000-guid')).toBe('vstoken.dev.azure.com/0000-guid');
    expect(AZURE_DEVOPS.audience).toBe('api://AzureADTokenExchange');
    expect(AZURE_DEVOPS.subject('org/project/conn')).toBe('sc://org/project/conn');
  });
  it('scopes Lambda trust to the function ARN and the account', () => {
    expect(SERVICE_TRUSTS.lambda.conditions(CTX)).toEqual([
      { operator: 'StringEquals', key: 'aws:SourceAccount', values: ['123456789012'] },
      { operator: 'ArnLike', key: 'aws:SourceArn', values: ['arn:aws:lambda:eu-west-1:123456789012:function:processor'] },
    ]);
  });
  it('sets no condition for EC2, which sets no source keys when it assumes an instance role', () => {
    expect(SERVICE_TRUSTS.ec2.conditions()).toEqual([]);
  });
  it('uses ecs-tasks for both ECS roles, scoped to the account and region', () => {
    expect(SERVICE_TRUSTS['ecs-task'].service).toBe('ecs-tasks.amazonaws.com');
    expect(SERVICE_TRUSTS['ecs-execution'].service).toBe('ecs-tasks.amazonaws.com');
    expect(SERVICE_TRUSTS['ecs-task'].conditions(CTX)[1]?.values).toEqual(['arn:aws:ecs:eu-west-1:123456789012:*']);
  });
  it('uses only global condition keys', () => {
    for (const t of Object.values(SERVICE_TRUSTS)) for (const c of t.conditions(CTX)) expect(isGlobalConditionKey(c.key)).toBe(true);
  });
});
