/** A sample target per pattern and the context targets are built in, shared by the stdlib tests. */
import type { ArnContext } from '../../stdlib/pattern.js';
import { APPS_SAMPLES } from './samples/apps.js';
import { COMPUTE_SAMPLES } from './samples/compute.js';
import { DATA_SAMPLES } from './samples/data.js';
import { FORMS_SAMPLES } from './samples/forms.js';

export const CTX: ArnContext = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '123456789012',
  rolePath: (name) => (name === 'deployer' ? '/ci/' : '/'),
};

/** Names a user would write for each pattern's target, plain and globbed. */
const CORE_SAMPLES: Record<string, readonly string[]> = {
  'dynamodb.read.table': ['orders', 'orders-*'],
  'dynamodb.write.table': ['orders', 'orders-*'],
  'dynamodb.backup.table': ['orders', 'orders-*'],
  'dynamodb.delete.items': ['orders', 'orders-*'],
  'dynamodb.put.items': ['audit-log', 'audit-*'],
  'dynamodb.lock.table': ['terraform-locks'],
  'dynamodb.read.stream': ['orders', 'orders-*'],
  'ecr.pull.repository': ['team/app', 'team/*'],
  'events.put-events.bus': ['default', 'orders-bus'],
  'iam.pass.role': ['app-runtime', 'deployer'],
  'kms.decrypt.key': ['1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
  'kms.encrypt.key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'kms.produce.key': ['1234abcd-12ab-34cd-56ef-1234567890ab', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
  'kms.sign.key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'kms.verify.key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'kms.generate-mac.key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'kms.verify-mac.key': ['1234abcd-12ab-34cd-56ef-1234567890ab'],
  'lambda.invoke.function': ['processor', 'processor-*'],
  'logs.write.group': ['/aws/lambda/processor', '/app/*'],
  's3.read.bucket': ['reports-bucket'],
  's3.delete.objects': ['reports-bucket/tmp/*', 'reports-bucket/a.csv', 'tenant-*/*'],
  's3.read.objects': ['reports-bucket/reports/*', 'reports-bucket/*', 'reports-bucket/a.csv'],
  's3.write.bucket': ['reports-bucket'],
  's3.write.objects': ['reports-bucket/uploads/*'],
  'secretsmanager.read.secret': ['prod/db', 'prod/*'],
  'secretsmanager.write.secret': ['prod/db', 'prod/*'],
  'secretsmanager.rotate.secret': ['prod/db'],
  'sns.publish.topic': ['alerts', 'alerts.fifo'],
  'sqs.consume.queue': ['orders', 'orders-*.fifo'],
  'sqs.send.queue': ['orders'],
  'ssm.read.parameter': ['/app/prod/*', 'plain-name', '/app/prod-*', '/app/*/db'],
  'ssm.write.parameter': ['/app/prod/db-url', '/app/prod/*'],
  'states.start-execution.state-machine': ['order-flow'],
};

/** Every pattern id → its samples (a targetless pattern's list is `['']`). */
export const SAMPLE_TARGETS: Record<string, readonly string[]> = { ...CORE_SAMPLES, ...COMPUTE_SAMPLES, ...DATA_SAMPLES, ...APPS_SAMPLES, ...FORMS_SAMPLES };
