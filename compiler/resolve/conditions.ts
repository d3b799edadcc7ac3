/** `when` conditions → IAM condition clauses. Each maps to one documented global condition key. */
import type { Condition } from '../syntax/ast.js';
import type { IntentCondition } from '../ir/intent.js';
import type { ResolveContext } from './context.js';
import { isCidr } from './values.js';

export function resolveConditions(ctx: ResolveContext, conditions: readonly Condition[]): IntentCondition[] {
  const out: IntentCondition[] = [];
  for (const c of conditions) {
    const clause = resolveCondition(ctx, c);
    if (!clause) continue;
    // Two values under one key would be ORed by IAM, widening what the user ANDed.
    const twin = out.find((o) => o.key === clause.key);
    if (twin) {
      ctx.bag.add('IAM2115', c.span, `\`${clause.key}\` is constrained twice in one grant`, {
        related: [{ message: 'first constrained here', span: twin.span }],
        suggestion: 'split the grant in two if either value should do',
      });
      continue;
    }
    out.push(clause);
  }
  return out;
}

function resolveCondition(ctx: ResolveContext, c: Condition): IntentCondition | undefined {
  switch (c.kind) {
    case 'vpc-endpoint':
      if (!/^vpce-[0-9a-f]{8,17}$/.test(c.value.value)) {
        ctx.bag.add('IAM2115', c.value.span, `\`${c.value.value}\` is not a VPC endpoint id`, { suggestion: 'VPC endpoint ids look like `vpce-1a2b3c4d`' });
        return undefined;
      }
      // The request came through this VPC endpoint.
      return { operator: 'StringEquals', key: 'aws:SourceVpce', values: [c.value.value], span: c.span };
    case 'source-ip':
      if (!isCidr(c.value.value)) {
        ctx.bag.add('IAM2115', c.value.span, `\`${c.value.value}\` is not an IP address or CIDR block`, { suggestion: 'write e.g. `10.0.0.0/8` or `2001:db8::/32`' });
        return undefined;
      }
      return { operator: 'IpAddress', key: 'aws:SourceIp', values: [c.value.value], span: c.span };
    case 'mfa':
      return { operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'], span: c.span };
    case 'without-mfa':
      // Long-term access keys carry no MFA key at all; `IfExists` makes their requests match too,
      // so a deny `without mfa` also stops them.
      return { operator: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', values: ['false'], span: c.span };
    case 'tag':
      if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(c.key.value)) {
        ctx.bag.add('IAM2115', c.key.span, `\`${c.key.value}\` is not a valid tag key`, { suggestion: 'tag keys are 1–128 letters, digits, spaces and `_.:/=+-@`' });
        return undefined;
      }
      // The resource carries this tag.
      return { operator: 'StringEquals', key: `aws:ResourceTag/${c.key.value}`, values: [c.value.value], span: c.span };
    case 'org':
    case 'principal-org':
      if (!/^o-[a-z0-9]{10,32}$/.test(c.value.value)) {
        ctx.bag.add('IAM2115', c.value.span, `\`${c.value.value}\` is not an organization id`, { suggestion: 'organization ids look like `o-a1b2c3d4e5`' });
        return undefined;
      }
      // `org`: the resource belongs to an account of this organization; `principal-org`: the caller does.
      return { operator: 'StringEquals', key: c.kind === 'org' ? 'aws:ResourceOrgID' : 'aws:PrincipalOrgID', values: [c.value.value], span: c.span };
  }
}
