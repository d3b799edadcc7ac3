import { checkName, everything, itself } from './arn.js';
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
    note: 'GetSecretValue also reads the previous version (`AWSPREVIOUS`) and any version by id: a reader can read the value a rotation replaced',
  },
  {
    id: 'secretsmanager.write.secret',
    service: 'secretsmanager',
    verb: 'write',
    resourceType: 'secret',
    doc: 'store a new value of a secret (PutSecretValue)',
    target: secret,
    parts: [{ actions: ['secretsmanager:PutSecretValue'], on: itself }],
    versusCdk: '`grantWrite` also grants UpdateSecret, which can change the secret’s key and description; iamc stores values only',
    note: 'a secret encrypted with a customer managed key also needs `encrypt kms key`',
  },
  {
    id: 'secretsmanager.rotate.secret',
    service: 'secretsmanager',
    verb: 'rotate',
    resourceType: 'secret',
    doc: 'rotate a secret as a rotation function does: read it, store the new value, move the version stages',
    target: secret,
    parts: [
      {
        actions: [
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        on: itself,
      },
      {
        actions: ['secretsmanager:GetRandomPassword'],
        on: everything,
        why: 'GetRandomPassword takes no resource: it generates a password and touches no secret',
      },
    ],
    note: 'changing the password in the database itself is the function’s own connection, not an IAM grant',
  },
];
