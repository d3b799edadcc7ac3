import { describe, expect, it } from 'vitest';
import {
  actionsOfService,
  arnMatchesResourceType,
  catalogueVersion,
  conditionKeyApplies,
  expandActionGlob,
  isGlobalConditionKey,
  lookupAction,
  resourceTypeArnFormat,
  resourceTypesForArn,
  serviceExists,
  services,
} from '../../compiler/catalogue/catalogue.js';

const action = (name: string) => {
  const a = lookupAction(name);
  if (!a) throw new Error(`missing ${name}`);
  return a;
};

describe('services', () => {
  it('lists sorted lowercase prefixes', () => {
    const all = services();
    expect(all.length).toBeGreaterThan(300);
    expect([...all].sort()).toEqual(all);
    expect(all).toContain('sqs');
  });
  it('knows services case-insensitively and rejects unknown ones', () => {
    expect(serviceExists('SQS')).toBe(true);
    expect(serviceExists('sqss')).toBe(false);
    expect(actionsOfService('nope')).toEqual([]);
  });
});

describe('lookupAction', () => {
  it('is case-insensitive and returns the catalogue spelling', () => {
    const a = action('SQS:receivemessage');
    expect(a.service).toBe('sqs');
    expect(a.name).toBe('ReceiveMessage');
    expect(a.wildcardOnly).toBe(false);
    expect(a.resourceTypes.map((r) => r.name)).toEqual(['queue']);
  });
  it('marks actions with no resource types wildcard-only', () => {
    expect(action('ssm:DescribeParameters').wildcardOnly).toBe(true);
    expect(action('ecr:GetAuthorizationToken').wildcardOnly).toBe(true);
    expect(action('s3:ListAllMyBuckets').wildcardOnly).toBe(true);
  });
  it('returns undefined for unknown or malformed names', () => {
    expect(lookupAction('sqs:ReceiveMessages')).toBeUndefined();
    expect(lookupAction('nosuch:Thing')).toBeUndefined();
    expect(lookupAction('sqs')).toBeUndefined();
    expect(lookupAction(':x')).toBeUndefined();
  });
  it('merges the resource type definition keys into the action row', () => {
    const bucket = action('s3:ListBucket').resourceTypes.find((r) => r.name === 'bucket');
    expect(bucket?.conditionKeys).toContain('aws:ResourceTag/${TagKey}');
  });
});

describe('actionsOfService', () => {
  it('is sorted by name', () => {
    const names = actionsOfService('sqs').map((a) => a.name);
    expect(names).toContain('SendMessage');
    expect([...names].sort()).toEqual(names);
  });
});

describe('ARN formats', () => {
  it('returns the format for a type, case-insensitively', () => {
    expect(resourceTypeArnFormat('sqs', 'QUEUE')).toBe('arn:${Partition}:sqs:${Region}:${Account}:${QueueName}');
    expect(resourceTypeArnFormat('sqs', 'topic')).toBeUndefined();
  });
  it.each([
    ['arn:aws:sqs:eu-west-1:123456789012:orders', 'sqs', 'queue', true],
    ['arn:aws:sqs:eu-west-1:123456789012:orders-*', 'sqs', 'queue', true],
    ['arn:aws:sns:eu-west-1:123456789012:orders', 'sqs', 'queue', false],
    ['arn:aws:s3:::bucket', 's3', 'bucket', true],
    // A bucket name never holds `/` (the object format says so), so this is an object only.
    ['arn:aws:s3:::bucket/key', 's3', 'bucket', false],
    ['arn:aws:s3:::bucket/key', 's3', 'object', true],
    ['arn:aws:s3:::bucket/reports/*', 's3', 'object', true],
    ['arn:aws:s3:::bucket', 's3', 'object', false],
    // `*` may stand for `/…`, so a glob bucket ARN can name objects too.
    ['arn:aws:s3:::bucket*', 's3', 'object', true],
    ['arn:aws:dynamodb:eu-west-1:1:table/T', 'dynamodb', 'table', true],
    ['arn:aws:dynamodb:eu-west-1:1:table/T/index/*', 'dynamodb', 'table', false],
    ['arn:aws:dynamodb:eu-west-1:1:table/T/index/*', 'dynamodb', 'index', true],
    ['arn:aws:logs:eu-west-1:1:log-group:/aws/app:log-stream:*', 'logs', 'log-stream', true],
    ['arn:aws:logs:eu-west-1:1:log-group:/aws/app:log-stream:*', 'logs', 'log-group', false],
    ['arn:aws:logs:eu-west-1:1:log-group:/aws/app', 'logs', 'log-group', true],
    ['arn:aws:lambda:eu-west-1:1:function:f', 'lambda', 'function', true],
    ['arn:aws:lambda:eu-west-1:1:function:f:*', 'lambda', 'function', true],
    ['arn:aws:ssm:eu-west-1:1:parameter/app/prod/*', 'ssm', 'parameter', true],
    ['arn:aws:iam::1:role/path/name', 'iam', 'role', true],
    ['arn:aws:sqs:eu-west-1:1:?', 'sqs', 'queue', true],
    ['arn:aws:sqs:eu-west-1:1:', 'sqs', 'queue', false],
    ['*', 'sqs', 'queue', true],
    ['arn:aws:sqs:eu-west-1:1:q', 'sqs', 'nosuchtype', false],
  ])('%s fits %s %s: %s', (arn, service, type, expected) => {
    expect(arnMatchesResourceType(arn, service, type)).toBe(expected);
  });
  it('finds which of an action’s types an ARN fits', () => {
    expect(resourceTypesForArn(action('dynamodb:Query'), 'arn:aws:dynamodb:r:1:table/T/index/*')).toEqual(['index']);
    expect(resourceTypesForArn(action('dynamodb:Query'), 'arn:aws:dynamodb:r:1:table/T')).toEqual(['table']);
    expect(resourceTypesForArn(action('s3:GetObject'), 'arn:aws:s3:::b')).toEqual([]);
  });
});

describe('condition keys', () => {
  it('knows global keys, with placeholder suffixes', () => {
    expect(isGlobalConditionKey('aws:SourceIp')).toBe(true);
    expect(isGlobalConditionKey('AWS:sourceip')).toBe(true);
    expect(isGlobalConditionKey('aws:PrincipalTag/team')).toBe(true);
    expect(isGlobalConditionKey('aws:PrincipalTag/')).toBe(false);
    expect(isGlobalConditionKey('s3:prefix')).toBe(false);
  });
  it('applies action keys, resource-type keys and global keys', () => {
    expect(conditionKeyApplies(action('s3:ListBucket'), 's3:prefix')).toBe(true);
    expect(conditionKeyApplies(action('s3:GetObject'), 's3:prefix')).toBe(false);
    expect(conditionKeyApplies(action('s3:ListBucket'), 'aws:SourceVpce')).toBe(true);
    expect(conditionKeyApplies(action('sqs:SendMessage'), 'aws:ResourceTag/team')).toBe(true);
  });
  it('applies tag keys only where the action or its types list them', () => {
    expect(conditionKeyApplies(action('ssm:DescribeParameters'), 'aws:ResourceTag/team')).toBe(false);
  });
  it('applies iam:PermissionsBoundary to CreateRole, not to PassRole', () => {
    expect(conditionKeyApplies(action('iam:CreateRole'), 'iam:PermissionsBoundary')).toBe(true);
    expect(conditionKeyApplies(action('iam:PutRolePermissionsBoundary'), 'iam:PermissionsBoundary')).toBe(true);
    expect(conditionKeyApplies(action('iam:PassRole'), 'iam:PermissionsBoundary')).toBe(false);
  });
});

describe('expandActionGlob', () => {
  it('expands to exact catalogue names, sorted', () => {
    expect(expandActionGlob('ssm:GetParameter*')).toEqual([
      'ssm:GetParameter',
      'ssm:GetParameterHistory',
      'ssm:GetParameters',
      'ssm:GetParametersByPath',
    ]);
    expect(expandActionGlob('SQS:?eceivemessage')).toEqual(['sqs:ReceiveMessage']);
    expect(expandActionGlob('sqs:Nothing*')).toEqual([]);
    expect(expandActionGlob('nosuch:*')).toEqual([]);
  });
});

describe('catalogueVersion', () => {
  it('names the data package version', () => {
    expect(catalogueVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
