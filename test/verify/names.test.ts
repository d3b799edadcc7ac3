/**
 * Names mean names (docs/language.md, "What a name means"): a glob in a target never reaches across
 * a `/` or `:` its position gives meaning to. Resolve refuses such targets with an ARN the emitted
 * glob would allow; the proof, reading the same intent from the name's meaning and not from the ARN
 * lowering built, refuses the flat ARN with a counterexample.
 */
import { describe, expect, it } from 'vitest';
import type { PatternGrant } from '../../compiler/ir/intent.js';
import { meaningOfName } from '../../compiler/ir/name-meaning.js';
import type { Statement } from '../../compiler/ir/policy.js';
import { verifyDocument } from '../../compiler/verify/verify.js';
import { globMatches } from '../../compiler/glob/glob.js';
import { findPattern } from '../../stdlib/index.js';
import { compileText, policy } from '../helpers/compile.js';

const ACCOUNT = '123456789012';

function compileGrant(grant: string): ReturnType<typeof compileText> {
  return compileText({ 'a.iam': `account prod = ${ACCOUNT}\nregion eu-west-1\nrole app for ec2 in prod {\n  ${grant}\n}\n` });
}

/** The example ARN a refusal shows: "the ARN `X` also allows `Y`". */
function example(grant: string): { code: string; emitted: string; allowed: string } {
  const d = compileGrant(grant).diagnostics.find((x) => x.severity === 'error');
  expect(d, grant).toBeDefined();
  const m = /the ARN `([^`]+)` also allows `([^`]+)`/.exec(d!.detail ?? '');
  return { code: d!.code, emitted: m?.[1] ?? '', allowed: m?.[2] ?? '' };
}

describe('a name glob never crosses a separator its position gives meaning to', () => {
  it('refuses a bucket glob followed by a key: it would reach other folders of the bucket', () => {
    const { code, emitted, allowed } = example('read s3 objects "tenant-*/public/*"');
    expect(code).toBe('IAM2130');
    // The example is allowed by the emitted ARN, yet its key is not under `public/` in its own bucket.
    expect(globMatches(emitted, allowed)).toBe(true);
    const key = allowed.slice('arn:aws:s3:::'.length).split('/').slice(1).join('/');
    expect(key.startsWith('public/')).toBe(false);
  });

  it('refuses a role-name glob: it would pass a role on another path (OrgAdmin on /app-team/)', () => {
    const { code, emitted, allowed } = example('pass iam role "app-*" to ecs-tasks');
    expect(code).toBe('IAM2130');
    expect(globMatches(emitted, allowed)).toBe(true);
    expect(allowed.slice(allowed.indexOf(':role/') + ':role/'.length)).toContain('/');
    // Readable: a role on a real path, not an empty name (`role/app-/`).
    expect(allowed).toMatch(/:role\/app-[^/]+\/[^/]+$/);
  });

  it('refuses a `?` in a role name too: it can stand for `/`', () => {
    expect(example('pass iam role "ap?" to ecs-tasks').code).toBe('IAM2130');
  });

  it.each([
    ['a table glob with a tail, which reaches another table’s indexes', 'read dynamodb table "Ord*s"'],
    ['a parameter glob inside a level, which reaches deeper levels', 'read ssm parameter "/app/prod*"'],
    ['a function glob with a tail, which reaches another function’s qualifiers', 'invoke lambda function "proc*-x"'],
  ])('refuses %s', (_, grant) => {
    expect(example(grant).code).toBe('IAM2130');
  });

  it.each([
    ['whole buckets by glob', 'read s3 objects "tenant-*/*"'],
    ['a bucket glob', 'read s3 bucket "tenant-*"'],
    ['a key prefix', 'read s3 objects "my-bucket/reports/*"'],
    ['a queue glob', 'consume sqs queue "orders-*"'],
    ['a function glob ending in `*`', 'invoke lambda function "processor-*"'],
    ['a table glob ending in `*` (indexes included)', 'read dynamodb table "Orders*"'],
    ['everything below a parameter path', 'read ssm parameter "/app/prod/*"'],
    ['a secret glob', 'read secretsmanager secret "app/prod/*"'],
    ['a log group glob', 'write logs group "/aws/ec2/app/*"'],
    ['a state machine glob ending in `*`', 'start-execution states state-machine "orders-*"'],
    // StartExecution takes only state machine ARNs, whose names never hold `:`: nothing to cross.
    ['a state machine glob with a tail', 'start-execution states state-machine "orders-*-flow"'],
    // Writes take only table ARNs, whose names never hold `/`: the glob cannot reach an index.
    ['a table glob with a tail, for writes', 'write dynamodb table "Ord*s"'],
    ['a literal role', 'pass iam role "ecs-app" to ecs-tasks'],
  ])('accepts %s', (_, grant) => {
    expect(compileGrant(grant).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps a raw ARN as written: the escape hatch states its own meaning', () => {
    const result = compileGrant('allow "s3:GetObject" on "arn:aws:s3:::tenant-*/public/*" because "tenants publish here"');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('listing stays inside the objects named', () => {
  const listStatements = (grant: string) =>
    policy(compileGrant(grant), 'iam/roles/app.policy.json').Statement.filter((s) => ([] as string[]).concat(s['Action'] as string[]).includes('s3:ListBucket'));

  it('lists a prefix only under it', () => {
    const [list] = listStatements('read s3 objects "my-bucket/reports/*"');
    expect(list?.['Condition']).toEqual({ StringLike: { 's3:prefix': 'reports/*' } });
  });

  it('grants no listing for a single key: any prefix of it would show other keys', () => {
    expect(listStatements('read s3 objects "my-bucket/data.csv"')).toEqual([]);
  });

  it('grants no listing for a key glob with a tail (`exports/*.csv`)', () => {
    expect(listStatements('read s3 objects "my-bucket/exports/*.csv"')).toEqual([]);
  });
});

describe('the proof reads names by their meaning, not by the ARN lowering built', () => {
  const span = { file: 'a.iam', line: 1, column: 1, offset: 0, endLine: 1, endColumn: 2, endOffset: 1 };
  const ctx = { partition: 'aws', region: 'eu-west-1', account: ACCOUNT, rolePath: () => '/' };

  function flatGrant(service: string, verb: string, type: string, name: string, flatArn: string): { grant: PatternGrant; statement: Statement } {
    const pattern = findPattern(service, verb, type)!;
    const grant: PatternGrant = {
      kind: 'pattern',
      pattern,
      targets: [{ arn: flatArn, meaning: meaningOfName(pattern.target.meaning, name, ctx), written: name, span }],
      conditions: [],
      span,
    };
    const part = pattern.parts[0]!;
    const statement: Statement = { sid: 'S', effect: 'Allow', actions: [...part.actions], resources: [...part.on({ arn: flatArn })], conditions: [], origins: [span] };
    return { grant, statement };
  }

  it.each([
    ['s3', 'read', 'objects', 'tenant-*/public/*', 'arn:aws:s3:::tenant-*/public/*'],
    ['iam', 'pass', 'role', 'app-*', `arn:aws:iam::${ACCOUNT}:role/app-*`],
    ['dynamodb', 'read', 'table', 'Ord*s', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Ord*s`],
  ])('refuses the flat ARN of %s %s %s `%s` with a counterexample', (service, verb, type, name, flatArn) => {
    const { grant, statement } = flatGrant(service, verb, type, name, flatArn);
    const found = verifyDocument('role `app`', { statements: [statement] }, [grant], span);
    const failure = found.find((d) => d.code === 'IAM4101');
    expect(failure, JSON.stringify(found)).toBeDefined();
    const witness = /for example `([^`]+)`/.exec(failure!.detail ?? '')?.[1];
    expect(witness).toBeDefined();
    expect(globMatches(flatArn, witness!)).toBe(true);
  });

  it('accepts the same ARN where the name means it (a literal bucket, a prefix)', () => {
    const { grant, statement } = flatGrant('s3', 'read', 'objects', 'tenant-a/public/*', 'arn:aws:s3:::tenant-a/public/*');
    expect(verifyDocument('role `app`', { statements: [statement] }, [grant], span).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('a permission set names one resource, not one per account', () => {
  const program = (target: string): string =>
    `account prod = 111111111111\naccount dev = 222222222222\nregion eu-west-1\npermission-set Reader session 1h {\n  ${target}\n  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod, dev]\n}\n`;

  it('refuses a name whose ARN holds the account when the set serves several accounts', () => {
    const result = compileText({ 'a.iam': program('consume sqs queue "orders"') });
    expect(result.diagnostics.map((d) => d.code)).toContain('IAM2132');
  });

  it('accepts a name with no account in its ARN (an S3 bucket), and a written ARN', () => {
    for (const target of ['read s3 bucket "analytics-reports"', 'consume sqs queue "arn:aws:sqs:eu-west-1:111111111111:orders"']) {
      const result = compileText({ 'a.iam': program(target) });
      expect(result.diagnostics.filter((d) => d.severity === 'error'), target).toEqual([]);
    }
  });
});
