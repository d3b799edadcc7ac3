/**
 * Law: the documents Terraform receives are the documents iamc writes as JSON. For generated user
 * text in every place it can reach, each policy string in the emitted HCL, read back by a real HCL
 * parser, is the JSON of the compiled document (OIDC trusts modulo the provider reference).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitTerraform } from '../../../compiler/emit/terraform/emit-terraform.js';
import { policyObject } from '../../../compiler/ir/policy-json.js';
import { fullProgram } from './fixtures.js';
import { literalText, parseHcl, resourceBody } from './hcl-decode.js';

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('$', '%', '{', '}', '"', '\\', '\n', '\t', '\u0002', 'a', ' ', 'é'),
    // Words the emitter itself uses while substituting references must stay user text.
    fc.constantFrom('${', '%{', '$${', 'IAMCREF0Z', 'IAMCREF', '${aws_iam_openid_connect_provider.github_prod.arn}'),
  ),
  minLength: 1,
  maxLength: 20,
});

describe('Terraform documents', () => {
  it('law: each policy in the HCL is the compiled document, whatever the user text', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const program = fullProgram(t);
        const files = emitTerraform(program);
        const roles = await parseHcl('roles.tf', files.get('roles.tf')!);
        const policies = await parseHcl('policies.tf', files.get('policies.tf')!);
        const sets = await parseHcl('identity-center.tf', files.get('identity-center.tf')!);
        const read = (body: Record<string, unknown>, key: string) => JSON.parse(literalText(body[key] as string) ?? 'null') as unknown;

        const [ec2, github, cross] = program.roles;
        expect(literalText(resourceBody(roles, 'aws_iam_role', 'ec2-app')['description'] as string)).toBe(t);
        expect(read(resourceBody(roles, 'aws_iam_role', 'cross-account-access'), 'assume_role_policy')).toEqual(policyObject(cross!.trust));
        expect(read(resourceBody(policies, 'aws_iam_policy', 'github-deploy-policy'), 'policy')).toEqual(policyObject(github!.policies[0]!));
        expect(read(resourceBody(policies, 'aws_iam_policy', 'ec2-app-policy-2'), 'policy')).toEqual(policyObject(ec2!.policies[1]!));
        expect(read(resourceBody(sets, 'aws_ssoadmin_permission_set_inline_policy', 'DataEngineer'), 'inline_policy')).toEqual(policyObject(program.permissionSets[0]!.policy));

        // The one intended interpolation: the provider's ARN, and nothing else.
        const trust = resourceBody(roles, 'aws_iam_role', 'github-deploy')['assume_role_policy'] as string;
        const reference = '${aws_iam_openid_connect_provider.github_prod.arn}';
        // An interpolation is a `${` not itself escaped as `$${`.
        const escapedReference = reference.replace(/[$.{}]/g, '\\$&');
        const interpolations = [...trust.matchAll(new RegExp(`(?<!\\$)${escapedReference}`, 'g'))];
        expect(interpolations).toHaveLength(1);
        const resolved = trust.replace(new RegExp(`(?<!\\$)${escapedReference}`), github!.oidcProvider!.arn);
        expect(JSON.parse(literalText(resolved)!)).toEqual(policyObject(github!.trust));
      }),
      { numRuns: 60 },
    );
  });
});
