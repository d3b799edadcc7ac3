import { checkName, itself } from './arn.js';
import type { ArnContext, Pattern, TargetArn, TargetShape } from './pattern.js';

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

/**
 * GetParametersByPath is authorised on the path itself (`parameter/app/prod` for `/app/prod`) and
 * returns every parameter beneath it, at every level with `Recursive`. A target means that only
 * when it is literal levels followed by a final `/*` (`/app/prod/*`: everything below `/app/prod/`);
 * `/app/prod-*` or a wildcard level followed by more levels name some parameters beneath a path, never all of it.
 */
function wholePath(t: TargetArn): readonly string[] {
  const at = t.arn.indexOf(':parameter/');
  if (at < 0) return [];
  const name = t.arn.slice(at + ':parameter/'.length);
  const below = /\/\*+$/.exec(name);
  if (!below) return [];
  const head = name.slice(0, below.index);
  // Any wildcard left in the levels, IAM's or the meaning's own (private-use) classes, is refused.
  if (head.length === 0 || /[*?\uE000-\uF8FF]/.test(head)) return [];
  return [`${t.arn.slice(0, at)}:parameter/${head}`];
}

export const ssmPatterns: readonly Pattern[] = [
  {
    id: 'ssm.read.parameter',
    service: 'ssm',
    verb: 'read',
    resourceType: 'parameter',
    doc: 'read the value and history of parameters; a whole path (`/app/prod/*`) is also read by path',
    target: parameter,
    parts: [
      // Not DescribeParameters: it accepts only `*`, so on a parameter ARN it is a dead grant (as
      // in examples/lint/ec2-app-permissions.json), and on `*` it would list every parameter name.
      { actions: ['ssm:GetParameter', 'ssm:GetParameterHistory', 'ssm:GetParameters'], on: itself },
      {
        actions: ['ssm:GetParametersByPath'],
        on: wholePath,
        why: 'only for a name that means a whole path (`/app/prod/*`), on the path itself: it returns every parameter beneath it, so `/app/prod-*` or a single parameter gets none',
      },
    ],
    versusCdk: '`grantRead` also adds `ssm:DescribeParameters` on the parameter ARN, which never applies, and never GetParametersByPath',
    // GetParameterHistory stays in `read` rather than a verb of its own: old values are part of
    // what reading a secret exposes in either store (GetSecretValue reads AWSPREVIOUS too), so a
    // separate verb would suggest a protection that reading the current value does not give.
    note:
      'GetParameterHistory returns earlier values too, SecureString ones decrypted when the key allows: a reader can read the values a rotation replaced, as Secrets Manager’s GetSecretValue reads a secret’s previous version; grant `allow "ssm:GetParameter"` alone where that matters',
  },
  {
    id: 'ssm.write.parameter',
    service: 'ssm',
    verb: 'write',
    resourceType: 'parameter',
    doc: 'create and overwrite parameters (PutParameter)',
    target: parameter,
    parts: [{ actions: ['ssm:PutParameter'], on: itself }],
    versusCdk: 'same as `grantWrite`',
    note: 'a SecureString written with a customer managed key also needs `encrypt kms key`',
  },
];
