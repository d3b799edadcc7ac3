/**
 * Managed policies on roles and permission sets, one rule: `managed-policy "NAME"` is an AWS
 * managed policy, checked against the shipped documents (data/aws-managed-policies.json) so a typo
 * is an error, not a silent attachment of nothing; `customer-managed "NAME" [path "/p/"]` or a full
 * customer ARN is the customer's own. Each resolves to the text the outputs attach: the AWS ARN,
 * the customer ARN in the role's account, or (in a permission set, which has no account) the
 * customer policy's path and name.
 */
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { ManagedPolicyRef } from '../syntax/ast.js';
import type { AccountRef } from '../ir/intent.js';
import type { IntentManagedPolicy } from '../ir/intent.js';
import { awsManagedPolicy, awsManagedPolicyByArn, awsManagedPolicyNames } from '../catalogue/aws-managed-policies.js';
import type { ResolveContext } from './context.js';

/** IAM's policy name and path characters (CreatePolicy's PolicyName and Path patterns). */
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
const POLICY_PATH = /^\/(?:[\x21-\x7e]*\/)?$/;
const AWS_ARN = /^arn:aws:iam::aws:policy\//;
const CUSTOMER_ARN = /^arn:aws:iam::(\d{12}):policy(\/(?:[\x21-\x7e]*\/)?)([\w+=,.@-]{1,128})$/;

/** Where the policies attach: a role lives in one account; a permission set in each assigned one. */
export type ManagedPolicyOwner = { readonly kind: 'role'; readonly name: string; readonly account: AccountRef } | { readonly kind: 'permission-set'; readonly name: string };

export function resolveManagedPolicies(ctx: ResolveContext, refs: readonly ManagedPolicyRef[], owner: ManagedPolicyOwner): IntentManagedPolicy[] {
  const out: IntentManagedPolicy[] = [];
  for (const ref of refs) {
    const policy = ref.customer ? customerManaged(ctx, ref, owner) : managedPolicy(ctx, ref, owner);
    if (policy === undefined || out.some((m) => m.policy === policy)) continue;
    const written = `${ref.customer ? 'customer-managed' : 'managed-policy'} ${JSON.stringify(ref.value)}${ref.path ? ` path ${JSON.stringify(ref.path.value)}` : ''}`;
    out.push({ policy, ...(ref.customer ? {} : awsManaged(policy)), written, ...(ref.because ? { because: ref.because.value } : {}), span: ref.span });
  }
  return out;
}

function awsManaged(policy: string): { aws?: true } {
  return AWS_ARN.test(policy) ? { aws: true } : {};
}

function customerManaged(ctx: ResolveContext, ref: ManagedPolicyRef, owner: ManagedPolicyOwner): string | undefined {
  const path = ref.path?.value ?? '/';
  if (!POLICY_NAME.test(ref.value)) {
    ctx.bag.add('IAM2175', ref.span, `\`${ref.value}\` is not a customer managed policy name`, { suggestion: 'a policy name is 1 to 128 letters, digits and `+=,.@_-`; write its path apart: `customer-managed "NAME" path "/team/"`' });
    return undefined;
  }
  if (!POLICY_PATH.test(path)) {
    ctx.bag.add('IAM2175', ref.path!.span, `\`${path}\` is not a policy path`, { suggestion: 'a path starts and ends with `/`, e.g. `/team/`' });
    return undefined;
  }
  return owner.kind === 'role' ? `arn:aws:iam::${owner.account.id}:policy${path}${ref.value}` : path === '/' ? ref.value : `${path}${ref.value}`;
}

function managedPolicy(ctx: ResolveContext, ref: ManagedPolicyRef, owner: ManagedPolicyOwner): string | undefined {
  if (ref.path) {
    ctx.bag.add('IAM2175', ref.path.span, '`path` belongs to a customer managed policy', { suggestion: `write \`customer-managed ${JSON.stringify(ref.value)} path ${JSON.stringify(ref.path.value)}\`, or leave the path out: an AWS managed policy is found by its name` });
    return undefined;
  }
  const text = ref.value;
  if (AWS_ARN.test(text)) {
    const found = awsManagedPolicyByArn(text);
    if (found) return found.arn;
    return unknown(ctx, ref, text.slice(text.lastIndexOf('/') + 1), owner);
  }
  const customer = CUSTOMER_ARN.exec(text);
  if (customer) {
    if (owner.kind === 'role' && customer[1] !== owner.account.id) {
      ctx.bag.add('IAM2173', ref.span, `\`${text}\` is a policy of account ${customer[1]}, but role \`${owner.name}\` is in account ${owner.account.id}`, {
        detail: 'IAM attaches only a customer managed policy of the role\'s own account',
        suggestion: `write \`customer-managed ${JSON.stringify(customer[3])}\` for the policy of that name in the role's account`,
      });
      return undefined;
    }
    return text;
  }
  if (text.startsWith('arn:')) {
    ctx.bag.add('IAM2111', ref.span, `\`${text}\` is not a managed policy`, { suggestion: 'write an AWS managed policy by name (`ReadOnlyAccess`) or ARN, or a customer managed policy: `customer-managed "NAME"`, or its ARN' });
    return undefined;
  }
  // A name, with the path AWS files it under or without: `service-role/AWSLambdaBasicExecutionRole`.
  const name = text.slice(text.lastIndexOf('/') + 1);
  const found = awsManagedPolicy(name);
  if (found && (name === text || found.arn.endsWith(`:policy/${text}`))) return found.arn;
  return unknown(ctx, ref, name, owner);
}

function unknown(ctx: ResolveContext, ref: ManagedPolicyRef, name: string, owner: ManagedPolicyOwner): undefined {
  const guess = didYouMean(name, awsManagedPolicyNames());
  // An AWS ARN names AWS's policy; only a bare name may have meant the account's own.
  const own = !ref.value.startsWith('arn:') && POLICY_NAME.test(name) ? `for a policy of your own, write \`customer-managed ${JSON.stringify(name)}\`` : undefined;
  // A permission set once read a bare name as customer managed: say how to keep that meaning.
  const detail = owner.kind === 'permission-set' && !ref.value.startsWith('arn:') ? '`managed-policy` names an AWS managed policy; a customer managed policy is written `customer-managed "NAME"`' : undefined;
  ctx.bag.add('IAM2174', ref.span, `\`${ref.value}\` is not an AWS managed policy`, {
    ...(detail ? { detail } : {}),
    suggestion: [guess, own].filter((s) => s !== undefined).join('; ') || 'see `aws iam list-policies --scope AWS` for the names',
  });
  return undefined;
}
