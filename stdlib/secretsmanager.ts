import { checkName, itself } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

/**
 * Secrets Manager appends `-` and six random characters to every secret's ARN. A plain name gets
 * exactly that (`-??????`); `*` would also match `NAME-other-secret`. A name ending in `*` is the
 * user's own glob and is kept.
 */
const secret: TargetShape = {
  catalogueType: 'secret',
  nameHint: 'secret name (the random suffix is added)',
  regional: true,
  meaning: { kind: 'secret', template: 'arn:{partition}:secretsmanager:{region}:{account}:secret:{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, {
      pattern: /^[A-Za-z0-9/_+=.@*?-]{1,512}$/,
      message: 'secret names use letters, digits and `/_+=.@-`',
    });
    if (error) return { error };
    const suffixed = name.endsWith('*') ? name : `${name}-??????`;
    return { arn: `arn:${ctx.partition}:secretsmanager:${ctx.region}:${ctx.account}:secret:${suffixed}` };
  },
};

export const secretsmanagerPatterns: readonly Pattern[] = [
  {
    id: 'secretsmanager.read.secret',
    service: 'secretsmanager',
    verb: 'read',
    resourceType: 'secret',
    doc: 'read a secret’s value and metadata',
    target: secret,
    parts: [{ actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'], on: itself }],
    versusCdk: 'same as `grantRead`, with the same `-??????` suffix; the key grant is separate (`decrypt kms key`)',
  },
];
