import { checkName, itself } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

/** A stack's ARN is `stack/NAME/ID`, the ID a UUID CloudFormation picks: a grant names every ID. */
const stack: TargetShape = {
  catalogueType: 'stack',
  nameHint: 'stack name',
  regional: true,
  meaning: { kind: 'segment', template: 'arn:{partition}:cloudformation:{region}:{account}:stack/{name}/*' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, { pattern: /^[A-Za-z*?][A-Za-z0-9*?-]{0,127}$/, message: 'stack names are up to 128 letters, digits and `-`, starting with a letter' });
    return error ? { error } : { arn: `arn:${ctx.partition}:cloudformation:${ctx.region}:${ctx.account}:stack/${name}/*` };
  },
};

export const cloudformationPatterns: readonly Pattern[] = [
  {
    id: 'cloudformation.read.stack',
    service: 'cloudformation',
    verb: 'read',
    resourceType: 'stack',
    doc: 'describe a stack, its outputs, resources and events',
    target: stack,
    parts: [{ actions: ['cloudformation:DescribeStackEvents', 'cloudformation:DescribeStackResources', 'cloudformation:DescribeStacks'], on: itself }],
  },
];
