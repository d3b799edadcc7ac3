/**
 * The denotation of a generated intent (DESIGN §5), written from the language's meaning and
 * REFERENCE.md, independently of the stdlib and of lowering: for each grant, the pattern's actions
 * × the target ARN globs × the stated conditions. The laws compare the emitted policies with it.
 */
import { ACCOUNT, REGION, SOURCE_ACCOUNT, type GrantSpec, type PatternKey, type PrincipalSpec, type RoleSpec } from './intent-gen.js';

export interface OracleCell {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** Each must hold: key → test on the context's value(s). */
  readonly conditions: readonly { readonly key: string; readonly test: (value: string) => boolean }[];
}

export interface OracleRequest {
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

const regional = (service: string, resource: string): string => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** The resources each pattern's actions touch, per target name; from REFERENCE.md and DESIGN §4. */
function patternCells(pattern: PatternKey, name: string, to: string | undefined): OracleCell[] {
  const cell = (actions: string[], resources: string[], conditions: OracleCell['conditions'] = []): OracleCell => ({ actions, resources, conditions });
  switch (pattern) {
    case 'consume sqs queue':
      return [cell(['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'], [regional('sqs', name)])];
    case 'send sqs queue':
      return [cell(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'], [regional('sqs', name)])];
    case 'read dynamodb table':
      return [
        cell(['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'], [regional('dynamodb', `table/${name}`)]),
        cell(['dynamodb:Query', 'dynamodb:Scan'], [regional('dynamodb', `table/${name}/index/*`)]),
      ];
    case 'write dynamodb table':
      return [cell(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], [regional('dynamodb', `table/${name}`)])];
    case 'read s3 objects': {
      const slash = name.indexOf('/');
      const prefix = name.slice(slash + 1);
      return [
        cell(['s3:GetObject', 's3:GetObjectVersion'], [`arn:aws:s3:::${name}`]),
        // Listing only under the objects' own prefix.
        cell(['s3:ListBucket'], [`arn:aws:s3:::${name.slice(0, slash)}`], [{ key: 's3:prefix', test: (v) => globMatch(prefix, v) }]),
      ];
    }
    case 'write s3 objects':
      return [cell(['s3:AbortMultipartUpload', 's3:PutObject', 's3:PutObjectTagging'], [`arn:aws:s3:::${name}`])];
    case 'publish sns topic':
      return [cell(['sns:Publish'], [regional('sns', name)])];
    case 'decrypt kms key':
      return [cell(['kms:Decrypt'], [regional('kms', `key/${name}`)])];
    case 'encrypt kms key':
      return [cell(['kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'], [regional('kms', `key/${name}`)])];
    case 'read ssm parameter':
      return [cell(['ssm:GetParameter', 'ssm:GetParameterHistory', 'ssm:GetParameters'], [regional('ssm', `parameter/${name.replace(/^\//, '')}`)])];
    case 'read secretsmanager secret':
      // Secrets Manager appends `-` and six characters; a name ending in `*` is the user's glob.
      return [cell(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], [regional('secretsmanager', `secret:${name.endsWith('*') ? name : `${name}-??????`}`)])];
    case 'write logs group':
      return [cell(['logs:CreateLogStream', 'logs:PutLogEvents'], [regional('logs', `log-group:${name}:log-stream:*`)])];
    case 'invoke lambda function':
      return [cell(['lambda:InvokeFunction'], [regional('lambda', `function:${name}`), regional('lambda', `function:${name}:*`)])];
    case 'pull ecr repository':
      return [
        cell(['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], [regional('ecr', `repository/${name}`)]),
        cell(['ecr:GetAuthorizationToken'], ['*']),
      ];
    case 'start-execution states state-machine':
      return [cell(['states:StartExecution'], [regional('states', `stateMachine:${name}`)])];
    case 'put-events events bus':
      return [cell(['events:PutEvents'], [regional('events', `event-bus/${name}`)])];
    case 'pass iam role':
      return [cell(['iam:PassRole'], [`arn:aws:iam::${ACCOUNT}:role/${name}`], [{ key: 'iam:PassedToService', test: (v) => v === `${to}.amazonaws.com` }])];
  }
}

function whenConditions(g: GrantSpec): OracleCell['conditions'] {
  const out: { key: string; test: (v: string) => boolean }[] = [];
  if (g.when.vpcEndpoint) out.push({ key: 'aws:SourceVpce', test: (v) => v === g.when.vpcEndpoint });
  if (g.when.sourceIp) out.push({ key: 'aws:SourceIp', test: (v) => inCidr(g.when.sourceIp!, v) });
  if (g.when.mfa) out.push({ key: 'aws:MultiFactorAuthPresent', test: (v) => v.toLowerCase() === 'true' });
  return out;
}

export function roleCells(role: RoleSpec): OracleCell[] {
  const cells = role.grants.flatMap((g) =>
    g.targets.flatMap((t) => patternCells(g.pattern, t, g.to).map((c) => ({ ...c, conditions: [...c.conditions, ...whenConditions(g)] }))),
  );
  // A Lambda role may write its own functions' log group (DESIGN §4).
  if (role.principal.kind === 'lambda') {
    cells.push({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [regional('logs', `log-group:/aws/lambda/${role.principal.fn}:log-stream:*`)], conditions: [] });
  }
  return cells;
}

export function denotes(cells: readonly OracleCell[], r: OracleRequest): boolean {
  return cells.some(
    (c) =>
      c.actions.some((a) => a.toLowerCase() === r.action.toLowerCase()) &&
      c.resources.some((g) => globMatch(g, r.resource)) &&
      c.conditions.every((k) => {
        const v = lookup(r.context, k.key);
        return v !== undefined && v.some(k.test);
      }),
  );
}

/** Who may assume the role, per the `for` clause (REFERENCE.md, "Trust policies"). */
export interface AssumeAttempt {
  readonly principalType: 'Service' | 'Federated' | 'AWS';
  readonly principal: string;
  readonly action: string;
  readonly context: Readonly<Record<string, string>>;
}

export function admits(p: PrincipalSpec, a: AssumeAttempt): boolean {
  const ctx = (k: string): string | undefined => lookup(a.context, k)?.[0];
  switch (p.kind) {
    case 'ec2':
      return a.principalType === 'Service' && a.principal === 'ec2.amazonaws.com' && a.action === 'sts:AssumeRole';
    case 'lambda':
      return (
        a.principalType === 'Service' &&
        a.principal === 'lambda.amazonaws.com' &&
        a.action === 'sts:AssumeRole' &&
        ctx('aws:SourceAccount') === ACCOUNT &&
        globMatch(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:${p.fn}`, ctx('aws:SourceArn') ?? '\u0000')
      );
    case 'github': {
      const sub = p.ref === 'branch' ? `repo:${p.repo}:ref:refs/heads/${p.value}` : p.ref === 'tag' ? `repo:${p.repo}:ref:refs/tags/${p.value}` : `repo:${p.repo}:environment:${p.value}`;
      return (
        a.principalType === 'Federated' &&
        a.principal === `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` &&
        a.action === 'sts:AssumeRoleWithWebIdentity' &&
        ctx('token.actions.githubusercontent.com:aud') === 'sts.amazonaws.com' &&
        ctx('token.actions.githubusercontent.com:sub') === sub
      );
    }
    case 'role':
      return (
        a.principalType === 'AWS' &&
        a.principal === `arn:aws:iam::${SOURCE_ACCOUNT}:role/${p.role}` &&
        a.action === 'sts:AssumeRole' &&
        (p.externalId === undefined || ctx('sts:ExternalId') === p.externalId) &&
        (!p.mfa || ctx('aws:MultiFactorAuthPresent')?.toLowerCase() === 'true')
      );
  }
}

function lookup(context: Readonly<Record<string, string | readonly string[]>>, key: string): readonly string[] | undefined {
  const hit = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  return hit === undefined ? undefined : typeof hit === 'string' ? [hit] : hit;
}

/** IAM globs by regular expression: a second implementation beside the compiler's matcher. */
export function globMatch(glob: string, text: string): boolean {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's').test(text);
}

function inCidr(cidr: string, ip: string): boolean {
  const toInt = (s: string): number | undefined => {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
    return m ? m.slice(1).reduce((acc, o) => acc * 256 + Number(o), 0) : undefined;
  };
  const [base, bits] = cidr.split('/');
  const b = toInt(base ?? '');
  const i = toInt(ip);
  if (b === undefined || i === undefined) return false;
  const size = 2 ** (32 - Number(bits ?? 32));
  return Math.floor(b / size) === Math.floor(i / size);
}
