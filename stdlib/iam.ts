import { checkName, itself } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

/** A role of the account; its path comes from the program (`/` for a role not declared there). */
const role: TargetShape = {
  catalogueType: 'role',
  nameHint: 'role name',
  regional: false,
  meaning: { kind: 'role', template: 'arn:{partition}:iam::{account}:role{path}{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, {
      pattern: /^[A-Za-z0-9+=,.@_*?-]{1,64}$/,
      message: 'role names are up to 64 letters, digits and `+=,.@_-`',
    });
    if (error) return { error };
    return { arn: `arn:${ctx.partition}:iam::${ctx.account}:role${ctx.rolePath(name)}${name}` };
  },
};

export const iamPatterns: readonly Pattern[] = [
  {
    id: 'iam.pass.role',
    service: 'iam',
    verb: 'pass',
    resourceType: 'role',
    doc: 'pass a role to one AWS service (`pass iam role NAME to SERVICE`)',
    target: role,
    takesTo: true,
    // The pattern needs its `to`: lowering adds StringEquals `iam:PassedToService` = the service's
    // host, without which the role could be handed to any service that accepts one.
    parts: [{ actions: ['iam:PassRole'], on: itself }],
    versusCdk: '`grantPassRole` has no service condition; iamc always adds `iam:PassedToService`',
  },
  {
    id: 'iam.assume.role',
    service: 'iam',
    verb: 'assume',
    resourceType: 'role',
    doc: 'assume a role (`sts:AssumeRole`); the role\'s trust policy must also admit this role',
    target: role,
    parts: [{ actions: ['sts:AssumeRole'], on: itself }],
    versusCdk: 'same as `grantAssumeRole`',
    note: 'assuming a role gains every permission it has: name the role, not a glob, where you can',
  },
];
