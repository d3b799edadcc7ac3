/**
 * The denotation of a generated intent (DESIGN §5), written from the language's meaning
 * (docs/language.md, "What a name means") and independently of the stdlib and of lowering: for each
 * grant, the pattern's actions × the resources its names mean × the stated conditions. A name is
 * never read as one flat ARN glob: each request ARN is taken apart into the fields AWS gives it
 * (bucket and key, role path and name, table and index, function and qualifier) and each field is
 * matched on its own, so a wildcard can never reach across a `/` or `:` the name did not write.
 */
import { ACCOUNT, AZURE_ORG, REGION, SOURCE_ACCOUNT, type GrantSpec, type PatternKey, type PrincipalSpec, type RoleSpec } from './intent-gen.js';
import { cell, flat, globMatch, pathMeans, regional, resourceOf, splitObject, type OracleCell, type OracleRequest } from './oracle-kit.js';
import { GROUP_CELLS } from './oracle/index.js';

export type { OracleCell, OracleRequest } from './oracle-kit.js';
export { globMatch } from './oracle-kit.js';

/** The resources each pattern's actions touch, per target name; from the language reference. */
export function patternCells(pattern: PatternKey, name: string, to: string | undefined): OracleCell[] {
  switch (pattern) {
    case 'consume sqs queue':
      return [cell(['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'], [regional('sqs', name)], flat('sqs', '', name))];
    case 'send sqs queue':
      return [cell(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'], [regional('sqs', name)], flat('sqs', '', name))];
    case 'read dynamodb table': {
      const table = (arn: string): string[] | undefined => resourceOf(arn, 'dynamodb')?.split('/');
      return [
        cell(['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'], [regional('dynamodb', `table/${name}`)], (arn) => {
          const f = table(arn);
          return f?.length === 2 && f[0] === 'table' && globMatch(name, f[1]!);
        }),
        cell(['dynamodb:Query', 'dynamodb:Scan'], [regional('dynamodb', `table/${name}/index/*`)], (arn) => {
          const f = table(arn);
          return f?.length === 4 && f[0] === 'table' && f[2] === 'index' && globMatch(name, f[1]!);
        }),
      ];
    }
    case 'write dynamodb table':
      return [
        cell(['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], [regional('dynamodb', `table/${name}`)], (arn) => {
          const f = resourceOf(arn, 'dynamodb')?.split('/');
          return f?.length === 2 && f[0] === 'table' && globMatch(name, f[1]!);
        }),
      ];
    case 'read s3 objects':
    case 'write s3 objects': {
      const slash = name.indexOf('/');
      const [bucketGlob, keyGlob] = [name.slice(0, slash), name.slice(slash + 1)];
      const objects = (arn: string): boolean => {
        const o = splitObject(arn);
        return o !== undefined && o.key !== undefined && globMatch(bucketGlob, o.bucket) && globMatch(keyGlob, o.key);
      };
      if (pattern === 'write s3 objects') return [cell(['s3:AbortMultipartUpload', 's3:PutObject', 's3:PutObjectTagging'], [`arn:aws:s3:::${name}`], objects)];
      const cells = [cell(['s3:GetObject', 's3:GetObjectVersion'], [`arn:aws:s3:::${name}`], objects)];
      // The bucket's region (GetBucketLocation, on the bucket ARN) reveals no key: every reader may ask it.
      cells.push(cell(['s3:GetBucketLocation'], [`arn:aws:s3:::${bucketGlob}`], (arn) => {
        const o = splitObject(arn);
        return o !== undefined && o.key === undefined && globMatch(bucketGlob, o.bucket);
      }));
      // Listing shows every key under the prefix asked for: only a key glob ending in `*` has such prefixes.
      if (keyGlob.endsWith('*')) {
        const bucket = (arn: string): boolean => {
          const o = splitObject(arn);
          return o !== undefined && o.key === undefined && globMatch(bucketGlob, o.bucket);
        };
        const whole = /^\*+$/.test(keyGlob);
        cells.push(cell(['s3:ListBucket'], [`arn:aws:s3:::${bucketGlob}`], bucket, whole ? [] : [{ key: 's3:prefix', test: (v) => globMatch(keyGlob, v) }]));
      }
      return cells;
    }
    case 'publish sns topic':
      return [cell(['sns:Publish'], [regional('sns', name)], flat('sns', '', name))];
    case 'decrypt kms key':
      return [cell(['kms:Decrypt'], [regional('kms', `key/${name}`)], flat('kms', 'key/', name))];
    case 'encrypt kms key':
      return [cell(['kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'], [regional('kms', `key/${name}`)], flat('kms', 'key/', name))];
    case 'read ssm parameter': {
      const cells = [
        cell(['ssm:GetParameter', 'ssm:GetParameterHistory', 'ssm:GetParameters'], [regional('ssm', `parameter/${name.replace(/^\//, '')}`)], (arn) => {
          const r = resourceOf(arn, 'ssm');
          return r !== undefined && r.startsWith('parameter/') && pathMeans(name, r.slice('parameter/'.length));
        }),
      ];
      // GetParametersByPath is authorised on the path (`parameter/app/prod` for `/app/prod`) and
      // returns everything beneath it: the name means that only as literal levels and a final `/*`.
      const whole = /^\/?((?:[^/*?]+\/)*[^/*?]+)\/\*$/.exec(name);
      if (whole) cells.push(cell(['ssm:GetParametersByPath'], [regional('ssm', `parameter/${whole[1]}`)], (arn) => resourceOf(arn, 'ssm') === `parameter/${whole[1]}`));
      return cells;
    }
    case 'read secretsmanager secret': {
      // Secrets Manager appends `-` and six characters; a name ending in `*` is the user's glob.
      const glob = name.endsWith('*') ? name : `${name}-??????`;
      return [cell(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], [regional('secretsmanager', `secret:${glob}`)], flat('secretsmanager', 'secret:', glob))];
    }
    case 'write logs group':
      return [logStreams(name)];
    case 'invoke lambda function':
      return [
        cell(['lambda:InvokeFunction'], [regional('lambda', `function:${name}`), regional('lambda', `function:${name}:*`)], (arn) => {
          const f = resourceOf(arn, 'lambda')?.split(':');
          return f !== undefined && f[0] === 'function' && (f.length === 2 || f.length === 3) && globMatch(name, f[1]!);
        }),
      ];
    case 'pull ecr repository':
      return [
        cell(['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], [regional('ecr', `repository/${name}`)], flat('ecr', 'repository/', name)),
        cell(['ecr:GetAuthorizationToken'], ['*'], (arn) => arn === '*'),
      ];
    case 'start-execution states state-machine':
      return [cell(['states:StartExecution'], [regional('states', `stateMachine:${name}`)], (arn) => {
        const f = resourceOf(arn, 'states')?.split(':');
        return f?.length === 2 && f[0] === 'stateMachine' && globMatch(name, f[1]!);
      })];
    case 'put-events events bus':
      return [cell(['events:PutEvents'], [regional('events', `event-bus/${name}`)], flat('events', 'event-bus/', name))];
    case 'pass iam role':
      // A role is its path and its name; the generated roles are not declared, so their path is `/`.
      return [
        cell(['iam:PassRole'], [`arn:aws:iam::${ACCOUNT}:role/${name}`], (arn) => {
          const r = resourceOf(arn, 'iam');
          if (r === undefined || !r.startsWith('role/')) return false;
          const last = r.lastIndexOf('/');
          return r.slice(4, last + 1) === '/' && globMatch(name, r.slice(last + 1));
        }, [{ key: 'iam:PassedToService', test: (v) => v === `${to}.amazonaws.com` }]),
      ];
    default: {
      const cells = GROUP_CELLS[pattern];
      if (cells === undefined) throw new Error(`the oracle has no entry for \`${pattern}\``);
      return cells(name, to);
    }
  }
}

/** Writing to the streams of log groups whose name matches the glob (log group names are flat). */
function logStreams(group: string): OracleCell {
  return {
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [regional('logs', `log-group:${group}:log-stream:*`)],
    means: (arn) => {
      const f = resourceOf(arn, 'logs')?.split(':');
      return f !== undefined && f.length === 4 && f[0] === 'log-group' && f[2] === 'log-stream' && globMatch(group, f[1]!);
    },
    conditions: [],
  };
}

function whenConditions(g: GrantSpec): OracleCell['conditions'] {
  const out: { key: string; test: (v: string) => boolean }[] = [];
  if (g.when.vpcEndpoint) out.push({ key: 'aws:SourceVpce', test: (v) => v === g.when.vpcEndpoint });
  if (g.when.sourceIp) out.push({ key: 'aws:SourceIp', test: (v) => inCidr(g.when.sourceIp!, v) });
  if (g.when.mfa) out.push({ key: 'aws:MultiFactorAuthPresent', test: (v) => v.toLowerCase() === 'true' });
  return out;
}

export function roleCells(role: RoleSpec): OracleCell[] {
  const cells: OracleCell[] = role.grants.flatMap((g) =>
    // A targetless grant's cells are its pattern's for the name `''`.
    (g.targets.length > 0 ? g.targets : ['']).flatMap((t) => patternCells(g.pattern, t, g.to).map((c) => ({ ...c, conditions: [...c.conditions, ...whenConditions(g)] }))),
  );
  // A Lambda role may write its own functions' log group (DESIGN §4).
  if (role.principal.kind === 'lambda') {
    cells.push(logStreams(`/aws/lambda/${role.principal.fn}`));
  }
  return cells;
}

/**
 * What each placeholder of a catalogue ARN format can hold, from AWS's naming rules for the
 * services the generator uses. A request whose ARN fits none of its action's formats is one AWS
 * never sends, and the laws do not judge it. Unknown placeholders take anything.
 */
const PLACEHOLDER: Record<string, string> = {
  Partition: 'aws',
  Region: '[a-z0-9-]+',
  Account: '\\d{12}',
  BucketName: '[a-z0-9.-]{3,63}',
  ObjectName: '.+',
  TableName: '[A-Za-z0-9_.-]{3,255}',
  IndexName: '[A-Za-z0-9_.-]{3,255}',
  QueueName: '[A-Za-z0-9_-]{1,80}(\\.fifo)?',
  TopicName: '[A-Za-z0-9_-]{1,256}(\\.fifo)?',
  KeyId: '[A-Za-z0-9-]+',
  ParameterNameWithoutLeadingSlash: '[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*',
  SecretId: '[A-Za-z0-9/_+=.@-]+',
  LogGroupName: '[A-Za-z0-9_./#-]+',
  LogStreamName: '[^:*]+',
  FunctionName: '[A-Za-z0-9_-]{1,64}',
  RepositoryName: '[a-z0-9._/-]+',
  StateMachineName: '[A-Za-z0-9_-]{1,80}',
  EventBusName: '[A-Za-z0-9/._-]+',
  RoleNameWithPath: '([\\x21-\\x2e\\x30-\\x7e]+/)*[A-Za-z0-9+=,.@_-]{1,64}',
  Qualifier: '[A-Za-z0-9_$-]+',
  // The compute group's resources (each service's API reference, "Constraints" of the name).
  ClusterName: '[A-Za-z0-9_-]{1,255}',
  ServiceName: '[A-Za-z0-9_-]{1,255}',
  TaskDefinitionFamilyName: '[A-Za-z0-9_-]{1,255}',
  // A revision is a number; any one field is accepted so that requests filled with letters are judged too.
  TaskDefinitionRevisionNumber: '[^:/]+',
  TaskId: '[a-f0-9]{32}',
  DistributionId: '[A-Z0-9]{1,32}',
  FileSystemId: 'fs-[a-f0-9]{8,40}',
  AccessPointId: 'fsap-[a-f0-9]{8,40}',
  ServerlessCacheName: '[a-z][a-z0-9-]{0,39}',
  ReplicationGroupId: '[a-z][a-z0-9-]{0,39}',
  UserId: '[A-Za-z][A-Za-z0-9-]{0,39}',
  DomainName: '[a-z][a-z0-9-]{1,49}',
  ProjectName: '[A-Za-z0-9][A-Za-z0-9_-]{1,254}',
  ReportGroupName: '[A-Za-z0-9][A-Za-z0-9_-]{1,127}',
  PipelineName: '[A-Za-z0-9.@_-]{1,100}',
  ClusterId: 'j-[A-Z0-9]{1,20}',
  EndpointConfigName: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}',
  EndpointName: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}',
  CertificateId: '[a-f0-9-]{36}',
  StackName: '[A-Za-z][A-Za-z0-9-]{0,127}',
  NetworkInterfaceId: 'eni-[a-f0-9]{8,17}',
  SubnetId: 'subnet-[a-f0-9]{8,17}',
  SecurityGroupId: 'sg-[a-f0-9]{8,17}',
  VpcId: 'vpc-[a-f0-9]{8,17}',
  // `Id` is a Route 53 hosted zone (`Z1D633PJN98FT9`) or a CloudFormation stack's UUID: never a `/`.
  Id: '[A-Za-z0-9-]+',
  ResourceId: '[A-Za-z0-9-]{1,140}',
  // Where services share a placeholder's name but not its rule, `service:Placeholder` says which.
  'codeartifact:RepositoryName': '[A-Za-z0-9][A-Za-z0-9._-]{1,99}',
  'codecommit:RepositoryName': '[A-Za-z0-9._-]{1,100}',
  // The data group's services, from each service's naming rules.
  StreamLabel: '[A-Za-z0-9_.:-]+',
  BackupName: '[A-Za-z0-9_.-]+',
  StreamType: 'stream',
  StreamName: '[A-Za-z0-9_.-]{1,128}',
  ConsumerName: '[A-Za-z0-9_.-]{1,128}',
  ConsumerCreationTimpstamp: '\\d+',
  DeliveryStreamName: '[A-Za-z0-9_.-]{1,64}',
  WorkGroupName: '[A-Za-z0-9._-]{1,128}',
  DatabaseName: '[a-z0-9_-]{1,255}',
  CatalogName: '[A-Za-z0-9_-]+',
  DbiResourceId: '(db|cluster|prx)-[A-Za-z0-9]+',
  DbUserName: '[A-Za-z_][A-Za-z0-9_$.-]{0,63}',
  DbClusterInstanceName: '[a-z][a-z0-9-]{0,62}',
  // Redshift and DAX cluster identifiers.
  'redshift:ClusterName': '[a-z][a-z0-9-]{0,62}',
  'dax:ClusterName': '[a-z][a-z0-9-]{0,62}',
  // OpenSearch authorises an HTTP call on the domain ARN followed by the request's path.
  'es:DomainName': '[a-z][a-z0-9-]{2,27}(/.*)?',
  CollectionId: '[a-z0-9]{3,40}',
  // The apps group's services (each service's API reference, naming rules of the resource). Ids
  // whose length AWS fixes (AppSync, API Gateway, Pinpoint) keep only their characters here, so a
  // generated `x` is judged: what a grant means never depends on an id's length.
  ExecutionId: '[A-Za-z0-9_-]{1,80}',
  GroupName: '[A-Za-z0-9_.-]{1,64}',
  ScheduleName: '[A-Za-z0-9_.-]{1,64}',
  IdentityName: '[A-Za-z0-9._%+@-]+',
  TemplateName: '[A-Za-z0-9_-]{1,64}',
  ConfigurationSetName: '[A-Za-z0-9_-]{1,64}',
  'bedrock:ResourceId': '[A-Za-z0-9._:-]+',
  GraphQLAPIId: '[a-z0-9]+',
  TypeName: '[A-Za-z_][A-Za-z0-9_]*',
  FieldName: '[A-Za-z_][A-Za-z0-9_]*',
  UserPoolId: '[A-Za-z0-9_-]+',
  ApiId: '[a-z0-9]+',
  Stage: '[A-Za-z0-9_$-]+',
  Method: '(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)',
  // A resource's path parts are never empty (API Gateway, CreateResource `pathPart`).
  ApiSpecificResourcePath: '[A-Za-z0-9._~{}+@-]+(/[A-Za-z0-9._~{}+@-]+)*',
  'rekognition:CollectionId': '[A-Za-z0-9_.-]{1,255}',
  AppId: '[a-z0-9]+',
  EndpointId: '[A-Za-z0-9_-]+',
  BrokerName: '[A-Za-z0-9_-]{1,50}',
  // Broker ids are `b-` and a UUID; any id is what the grants mean, so the generated ones (`x`) stand in.
  BrokerId: '[A-Za-z0-9-]+',
  // CloudWatch PutDashboard: "alphanumerics, dash (-), and underscore (_)", 1 to 255.
  DashboardName: '[A-Za-z0-9_-]{1,255}',
};

const formatRegex = new Map<string, RegExp>();

function fits(format: string, arn: string): boolean {
  let re = formatRegex.get(format);
  if (re === undefined) {
    const service = format.split(':')[2];
    const parts = format.split(/(\$\{[A-Za-z]+\})/).map((part) => {
      const m = /^\$\{([A-Za-z]+)\}$/.exec(part);
      return m ? `(?:${PLACEHOLDER[`${service}:${m[1]!}`] ?? PLACEHOLDER[m[1]!] ?? '.+'})` : part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    });
    re = new RegExp(`^${parts.join('')}$`, 's');
    formatRegex.set(format, re);
  }
  return re.test(arn);
}

/**
 * Is the request one AWS could send: its ARN of a type its action accepts? The formats come with
 * the override table's suffixed forms (a Lambda qualifier, a log group's `:*`).
 */
export function requestIsReal(r: OracleRequest, formatsOf: (action: string) => readonly string[] | undefined): boolean {
  const formats = formatsOf(r.action);
  if (formats === undefined || formats.length === 0) return r.resource === '*';
  return formats.some((f) => fits(f, r.resource));
}

export function denotes(cells: readonly OracleCell[], r: OracleRequest): boolean {
  return cells.some(
    (c) =>
      c.actions.some((a) => a.toLowerCase() === r.action.toLowerCase()) &&
      c.means(r.resource) &&
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
      // Several refs mean OR: the token's `sub` must be exactly one of theirs (REFERENCE.md's formats).
      const subs = p.refs.map((r) =>
        r.ref === 'branch' ? `repo:${p.repo}:ref:refs/heads/${r.value}` : r.ref === 'tag' ? `repo:${p.repo}:ref:refs/tags/${r.value}` : r.ref === 'environment' ? `repo:${p.repo}:environment:${r.value}` : `repo:${p.repo}:pull_request`,
      );
      const sub = ctx('token.actions.githubusercontent.com:sub');
      return (
        a.principalType === 'Federated' &&
        a.principal === `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` &&
        a.action === 'sts:AssumeRoleWithWebIdentity' &&
        ctx('token.actions.githubusercontent.com:aud') === 'sts.amazonaws.com' &&
        sub !== undefined &&
        subs.includes(sub)
      );
    }
    case 'azure-devops': {
      // Issuer `vstoken.dev.azure.com/ORG_GUID`, audience `api://AzureADTokenExchange`, subject
      // `sc://ORG/PROJECT/CONNECTION` (REFERENCE.md); several connections mean OR.
      const issuer = `vstoken.dev.azure.com/${AZURE_ORG}`;
      const sub = ctx(`${issuer}:sub`);
      return (
        a.principalType === 'Federated' &&
        a.principal === `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer}` &&
        a.action === 'sts:AssumeRoleWithWebIdentity' &&
        ctx(`${issuer}:aud`) === 'api://AzureADTokenExchange' &&
        sub !== undefined &&
        p.connections.some((c) => `sc://${c}` === sub)
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
    case 'sso':
      return a.principalType === 'AWS' && a.action === 'sts:AssumeRole' && isIdentityCenterRole(a.principal, SOURCE_ACCOUNT, p.home, p.set);
  }
}

/**
 * The role IAM Identity Center creates for permission set `set` in `account`, as AWS's Identity
 * Center user guide names it ("Referencing permission sets in resource policies"): path
 * `/aws-reserved/sso.amazonaws.com/` followed by the home region unless that is us-east-1, name
 * `AWSReservedSSO_` + the set's name + `_` + a 16-character suffix (what follows the last `_`).
 */
function isIdentityCenterRole(arn: string, account: string, home: string, set: string): boolean {
  const path = home === 'us-east-1' ? '/aws-reserved/sso.amazonaws.com/' : `/aws-reserved/sso.amazonaws.com/${home}/`;
  const prefix = `arn:aws:iam::${account}:role${path}`;
  if (!arn.startsWith(prefix)) return false;
  const name = arn.slice(prefix.length);
  if (name.includes('/') || !name.startsWith('AWSReservedSSO_')) return false;
  const last = name.lastIndexOf('_');
  return name.slice('AWSReservedSSO_'.length, last) === set && name.length - last - 1 === 16;
}

function lookup(context: Readonly<Record<string, string | readonly string[]>>, key: string): readonly string[] | undefined {
  const hit = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  return hit === undefined ? undefined : typeof hit === 'string' ? [hit] : hit;
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
