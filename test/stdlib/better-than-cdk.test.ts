/** Each place the stdlib deliberately does better than the AWS CDK grant for the same intent. */
import { describe, expect, it } from 'vitest';
import { PATTERNS, findPattern, resourceTypesFor, stdlibServices, verbsFor } from '../../stdlib/index.js';
import { patternActions, type Pattern } from '../../stdlib/pattern.js';
import { CTX, SAMPLE_TARGETS } from './samples.js';

function pattern(id: string): Pattern {
  const p = PATTERNS.find((x) => x.id === id);
  if (!p) throw new Error(`no pattern ${id}`);
  return p;
}

/** Every (actions, resources, conditions) a pattern produces for a target name. */
function expand(id: string, name: string) {
  const p = pattern(id);
  const built = p.target.build(name, CTX);
  if ('error' in built) throw new Error(built.error);
  return p.parts.map((part) => ({
    actions: [...part.actions],
    resources: [...part.on(built)],
    conditions: [...(part.conditions?.(built) ?? [])],
    why: part.why,
  }));
}

describe('better than CDK', () => {
  it('never grants s3:PutObjectAcl', () => {
    for (const p of PATTERNS) expect(patternActions(p)).not.toContain('s3:PutObjectAcl');
  });

  it('lists a bucket only under the prefix being read', () => {
    const parts = expand('s3.read.objects', 'reports-bucket/reports/*');
    const list = parts.find((p) => p.actions.includes('s3:ListBucket'));
    expect(list).toEqual({
      actions: ['s3:ListBucket'],
      resources: ['arn:aws:s3:::reports-bucket'],
      conditions: [{ operator: 'StringLike', key: 's3:prefix', values: ['reports/*'] }],
      why: undefined,
    });
    const objects = parts.find((p) => p.actions.includes('s3:GetObject'));
    expect(objects?.resources).toEqual(['arn:aws:s3:::reports-bucket/reports/*']);
  });

  it('lists the whole bucket for a whole-bucket objects target (S3 sends no prefix then), and the exact key for one object', () => {
    const whole = expand('s3.read.objects', 'reports-bucket/*').find((p) => p.actions.includes('s3:ListBucket'));
    expect(whole?.conditions).toEqual([]);
    const one = expand('s3.read.objects', 'reports-bucket/2024/a.csv').find((p) => p.actions.includes('s3:ListBucket'));
    expect(one?.conditions[0]?.values).toEqual(['2024/a.csv']);
  });

  it('never lists a bucket without a prefix condition when reading objects', () => {
    for (const part of expand('s3.read.objects', 'b-1/x/*')) {
      if (part.actions.includes('s3:ListBucket')) expect(part.conditions.map((c) => c.key)).toEqual(['s3:prefix']);
    }
  });

  it('suffixes a plain secret name with exactly six characters', () => {
    expect(expand('secretsmanager.read.secret', 'prod/db')[0]?.resources).toEqual([
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-??????',
    ]);
    expect(expand('secretsmanager.read.secret', 'prod/*')[0]?.resources).toEqual([
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/*',
    ]);
  });

  it('does not grant ssm:DescribeParameters', () => {
    expect(patternActions(pattern('ssm.read.parameter'))).toEqual(['ssm:GetParameter', 'ssm:GetParameterHistory', 'ssm:GetParameters']);
  });

  it('drops the leading slash of a parameter path in its ARN', () => {
    expect(expand('ssm.read.parameter', '/app/prod/*')[0]?.resources).toEqual(['arn:aws:ssm:eu-west-1:123456789012:parameter/app/prod/*']);
  });

  it('puts ecr:GetAuthorizationToken alone on `*`, with a reason', () => {
    const parts = expand('ecr.pull.repository', 'team/app');
    const star = parts.filter((p) => p.resources.includes('*'));
    expect(star).toHaveLength(1);
    expect(star[0]?.actions).toEqual(['ecr:GetAuthorizationToken']);
    expect(star[0]?.resources).toEqual(['*']);
    expect(star[0]?.why).toBeTruthy();
    const repo = parts.find((p) => !p.resources.includes('*'));
    expect(repo?.resources).toEqual(['arn:aws:ecr:eu-west-1:123456789012:repository/team/app']);
  });

  it('only parts with a reason are on `*`, in every pattern', () => {
    for (const p of PATTERNS) {
      for (const part of expand(p.id, SAMPLE_TARGETS[p.id]![0]!)) {
        if (part.resources.includes('*')) {
          expect(part.resources, p.id).toEqual(['*']);
          expect(part.why, p.id).toBeTruthy();
        }
      }
    }
  });

  it('puts only Query and Scan on DynamoDB indexes', () => {
    const parts = expand('dynamodb.read.table', 'orders');
    const onIndex = parts.filter((p) => p.resources.some((r) => r.includes('/index/')));
    expect(onIndex.flatMap((p) => p.actions).sort()).toEqual(['dynamodb:Query', 'dynamodb:Scan']);
    expect(onIndex[0]?.resources).toEqual(['arn:aws:dynamodb:eu-west-1:123456789012:table/orders/index/*']);
  });

  it('writes log streams only, not the group ARN', () => {
    expect(expand('logs.write.group', '/aws/lambda/processor')[0]?.resources).toEqual([
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/processor:log-stream:*',
    ]);
  });

  it('expands CDK action wildcards: no pattern action has a glob', () => {
    for (const p of PATTERNS) for (const a of patternActions(p)) expect(a).not.toMatch(/[*?]/);
  });
});

describe('targets', () => {
  it('invokes a function and its versions and aliases', () => {
    expect(expand('lambda.invoke.function', 'processor')[0]?.resources).toEqual([
      'arn:aws:lambda:eu-west-1:123456789012:function:processor',
      'arn:aws:lambda:eu-west-1:123456789012:function:processor:*',
    ]);
  });
  it('builds a role ARN with the declared path', () => {
    expect(expand('iam.pass.role', 'deployer')[0]?.resources).toEqual(['arn:aws:iam::123456789012:role/ci/deployer']);
    expect(expand('iam.pass.role', 'other')[0]?.resources).toEqual(['arn:aws:iam::123456789012:role/other']);
    expect(pattern('iam.pass.role').takesTo).toBe(true);
    expect(PATTERNS.filter((p) => p.takesTo).map((p) => p.id)).toEqual(['iam.pass.role']);
  });
  it('names a KMS key by id', () => {
    expect(expand('kms.decrypt.key', '1234abcd-12ab-34cd-56ef-1234567890ab')[0]?.resources).toEqual([
      'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    ]);
  });
  it('reads a bucket: list on the bucket, get on its objects', () => {
    expect(expand('s3.read.bucket', 'reports-bucket')).toEqual([
      { actions: ['s3:GetBucketLocation', 's3:ListBucket'], resources: ['arn:aws:s3:::reports-bucket'], conditions: [], why: undefined },
      { actions: ['s3:GetObject', 's3:GetObjectVersion'], resources: ['arn:aws:s3:::reports-bucket/*'], conditions: [], why: undefined },
    ]);
    expect(patternActions(pattern('s3.write.bucket'))).toContain('s3:DeleteObject');
    expect(patternActions(pattern('s3.write.objects'))).not.toContain('s3:DeleteObject');
  });
});

describe('names AWS would reject are errors', () => {
  it.each([
    ['kms.decrypt.key', 'alias/app', /alias/],
    ['dynamodb.read.table', 'ab', /3 to 255/],
    ['dynamodb.read.table', 'has space', /spaces/],
    ['s3.read.objects', 'reports-bucket', /bucket\/prefix/],
    ['s3.read.objects', 'Reports/x/*', /lowercase/],
    ['s3.read.objects', 'reports-bucket/', /empty/],
    ['s3.read.bucket', 'a/b', /no `\/`/],
    ['s3.read.bucket', 'ab', /3 to 63/],
    ['s3.read.bucket', '192.168.1.1', /IP address/],
    ['s3.read.bucket', 'a..b', /`\.\.`/],
    ['sqs.send.queue', 'orders:x', /letters/],
    ['lambda.invoke.function', 'f:1', /64 letters/],
    ['iam.pass.role', 'a/b', /role names/],
    ['ssm.read.parameter', '/app//x', /empty level/],
    ['ecr.pull.repository', 'Team/App', /lowercase/],
    ['secretsmanager.read.secret', 'a b', /spaces/],
    ['logs.write.group', 'a:b', /log group names/],
    ['events.put-events.bus', '', /empty/],
  ])('%s rejects `%s`', (id, name, message) => {
    const built = pattern(id).target.build(name, CTX);
    expect('error' in built ? built.error : 'built').toMatch(message);
    if ('error' in built) {
      // The house voice: lowercase first letter, no final period.
      expect(built.error[0]).toBe(built.error[0]?.toLowerCase());
      expect(built.error.endsWith('.')).toBe(false);
    }
  });
});

describe('lookups', () => {
  it('finds patterns by the words users write', () => {
    expect(findPattern('s3', 'read', 'objects')?.id).toBe('s3.read.objects');
    expect(findPattern('states', 'start-execution', 'state-machine')?.id).toBe('states.start-execution.state-machine');
    expect(findPattern('s3', 'consume', 'objects')).toBeUndefined();
  });
  it('keeps PATTERNS sorted by id with unique ids and one pattern per triple', () => {
    const ids = PATTERNS.map((p) => p.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PATTERNS) expect(p.id).toBe(`${p.service}.${p.verb}.${p.resourceType}`);
  });
});

describe('service lists', () => {
  it('lists services, types and verbs sorted', () => {
    expect(stdlibServices()).toEqual(['cloudwatch', 'dynamodb', 'ecr', 'events', 'iam', 'kms', 'lambda', 'logs', 's3', 'secretsmanager', 'sns', 'sqs', 'ssm', 'states', 'xray']);
    expect(resourceTypesFor('s3')).toEqual(['bucket', 'objects']);
    expect(verbsFor('s3', 'objects')).toEqual(['read', 'write']);
    expect(verbsFor('sqs', 'queue')).toEqual(['consume', 'send']);
    expect(verbsFor('nope', 'x')).toEqual([]);
  });
});
