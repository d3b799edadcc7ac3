import { checkName, itself } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

/** `/app/prod/*` → `parameter/app/prod/*`: the ARN drops the name's leading slash. */
const parameter: TargetShape = {
  catalogueType: 'parameter',
  nameHint: 'parameter name or path glob, e.g. `/app/prod/*`',
  regional: true,
  meaning: { kind: 'path', template: 'arn:{partition}:ssm:{region}:{account}:parameter/{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, {
      pattern: /^\/?[A-Za-z0-9_.*?/-]{1,2048}$/,
      message: 'parameter names use letters, digits, `_`, `.`, `-` and `/`',
    });
    if (error) return { error };
    if (name.includes('//')) return { error: 'a parameter path cannot contain an empty level (`//`)' };
    const bare = name.startsWith('/') ? name.slice(1) : name;
    return { arn: `arn:${ctx.partition}:ssm:${ctx.region}:${ctx.account}:parameter/${bare}` };
  },
};

export const ssmPatterns: readonly Pattern[] = [
  {
    id: 'ssm.read.parameter',
    service: 'ssm',
    verb: 'read',
    resourceType: 'parameter',
    doc: 'read the value and history of parameters',
    target: parameter,
    parts: [
      // Not DescribeParameters: it accepts only `*`, so on a parameter ARN it is a dead grant (as
      // in examples/lint/ec2-app-permissions.json), and on `*` it would list every parameter name.
      // Not GetParametersByPath: it is authorised on the path itself, which a `/*` glob does not name.
      { actions: ['ssm:GetParameter', 'ssm:GetParameterHistory', 'ssm:GetParameters'], on: itself },
    ],
    versusCdk: '`grantRead` also adds `ssm:DescribeParameters` on the parameter ARN, which never applies',
  },
];
