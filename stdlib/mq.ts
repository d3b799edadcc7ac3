import { checkName, itself } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

/**
 * A broker is `broker:NAME:ID`; the id is Amazon MQ's (`b-…`), so the grant names the broker by its
 * name and every id (`broker:NAME:*`). A broker name never holds `:` (`segment-colon`).
 */
const BROKER_NAME = { pattern: /^[A-Za-z0-9_*?-]{1,50}$/, message: 'broker names are up to 50 letters, digits, `-` and `_`' };

const broker: TargetShape = {
  catalogueType: 'brokers',
  nameHint: 'broker name',
  regional: true,
  meaning: { kind: 'segment-colon', template: 'arn:{partition}:mq:{region}:{account}:broker:{name}:*' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, BROKER_NAME);
    return error ? { error } : { arn: `arn:${ctx.partition}:mq:${ctx.region}:${ctx.account}:broker:${name}:*` };
  },
};

export const mqPatterns: readonly Pattern[] = [
  {
    id: 'mq.read.broker',
    service: 'mq',
    verb: 'read',
    resourceType: 'broker',
    doc: "describe an Amazon MQ broker and its users (what a Lambda event source for the broker reads)",
    target: broker,
    parts: [{ actions: ['mq:DescribeBroker', 'mq:DescribeUser', 'mq:ListUsers'], on: itself }],
    note: 'the broker credentials a consumer signs in with are a secret: `read secretsmanager secret`',
  },
];
