/**
 * Managed policies are attached, never proved: the law is that a role attaches exactly the
 * policies its intent names (by the ARN AWS gives each, read here straight from the shipped data
 * file, or the customer ARN in the role's account), in the manifest and in Terraform alike, and
 * that naming them changes none of the documents iamc writes and proves.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSources } from '../../compiler/pipeline.js';

const RUNS = Math.max(10, Math.ceil(Number(process.env.IAMC_PROPERTY_RUNS ?? 120) / 4));
const ACCOUNT = '123456789012';
const DATA = JSON.parse(readFileSync(new URL('../../data/aws-managed-policies.json', import.meta.url), 'utf8')) as { policies: Record<string, { arn: string }> };
const NAMES = Object.keys(DATA.policies).sort();

/** How a policy may be written, and the ARN it must attach. */
interface Attachment {
  readonly line: string;
  readonly arn: string;
}

const awsPolicy: fc.Arbitrary<Attachment> = fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('name', 'path', 'arn')).map(([name, form]) => {
  const arn = DATA.policies[name]!.arn;
  const written = form === 'name' ? name : form === 'path' ? arn.slice(arn.indexOf(':policy/') + ':policy/'.length) : arn;
  // Every line carries a reason, so administrator-equivalent picks compile too.
  return { line: `managed-policy ${JSON.stringify(written)} because "reviewed"`, arn };
});

const customerPolicy: fc.Arbitrary<Attachment> = fc
  .tuple(fc.constantFrom('Team', 'team.read', 'Ops_2', 'a=b'), fc.constantFrom(undefined, '/', '/team/', '/a/b/'))
  .map(([name, path]) => ({
    line: `customer-managed ${JSON.stringify(name)}${path === undefined ? '' : ` path ${JSON.stringify(path)}`}`,
    arn: `arn:aws:iam::${ACCOUNT}:policy${path ?? '/'}${name}`,
  }));

const program = (lines: readonly string[]) =>
  `account prod = ${ACCOUNT}\nregion eu-west-1\nrole app for role "ops" in prod in prod {\n${lines.map((l) => `  ${l}\n`).join('')}  read s3 objects "reports/*"\n}\n`;

function compile(lines: readonly string[]): ReadonlyMap<string, string> {
  const result = compileSources([{ path: 'a.iam', text: program(lines) }]);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.files!;
}

describe('managed policy laws', () => {
  it('a role attaches exactly the managed policies named, and they change no document iamc proves', () => {
    const plain = compile([]);
    fc.assert(
      fc.property(fc.array(fc.oneof(awsPolicy, customerPolicy), { minLength: 1, maxLength: 5 }), (attachments) => {
        const files = compile(attachments.map((a) => a.line));
        const expected = [...new Set(attachments.map((a) => a.arn))].sort();
        const manifest = JSON.parse(files.get('manifest.json')!) as { roles: { managedPolicies: string[] }[] };
        expect([...manifest.roles[0]!.managedPolicies].sort()).toEqual(expected);
        const terraform = files.get('terraform/roles.tf')!;
        const attached = [...terraform.matchAll(/policy_arn = "([^"]+)"/g)].map((m) => m[1]!).sort();
        expect(attached).toEqual(expected);
        // The trust and identity policies, and the rest of the Terraform, are the plain role's.
        for (const [path, text] of plain) if (path !== 'manifest.json' && path !== 'terraform/roles.tf') expect(files.get(path), path).toBe(text);
        expect(terraform.split('\nresource "aws_iam_role_policy_attachment"')[0]).toBe(plain.get('terraform/roles.tf')!.trimEnd() + '\n');
      }),
      { numRuns: RUNS },
    );
  });
});
