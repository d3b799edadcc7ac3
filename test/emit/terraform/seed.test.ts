/**
 * The seed article compiled to Terraform, checked against the module checked in beside it
 * (examples/expected/terraform/). Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/emit/terraform`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emitTerraform } from '../../../compiler/emit/terraform/emit-terraform.js';
import { policyObject } from '../../../compiler/ir/policy-json.js';
import { compileYamlText } from '../../resolve/organization/support.js';
import { literalText, parseHcl, resourceBody } from './hcl-decode.js';

const seedDir = fileURLToPath(new URL('../../../examples/', import.meta.url));
const expectedDir = join(seedDir, 'expected', 'terraform');
const compiled = compileYamlText(readFileSync(join(seedDir, 'seed.iam.yaml'), 'utf8'), 'seed.iam.yaml');
const files = emitTerraform(compiled.program);

describe('the seed article as Terraform', () => {
  it('compiles without a diagnostic', () => {
    expect(compiled.diagnostics).toEqual([]);
  });

  it('matches the module checked in beside the example', () => {
    if (process.env['UPDATE_GOLDEN']) {
      if (existsSync(expectedDir)) rmSync(expectedDir, { recursive: true });
      mkdirSync(expectedDir, { recursive: true });
      for (const [file, text] of files) writeFileSync(join(expectedDir, file), text);
    }
    const expected = new Map(readdirSync(expectedDir).sort().map((f) => [f, readFileSync(join(expectedDir, f), 'utf8')]));
    expect([...files.keys()]).toEqual([...expected.keys()]);
    for (const [file, text] of files) expect(text, file).toBe(expected.get(file));
  });

  it('covers everything the article writes by hand', async () => {
    const types = new Set<string>();
    for (const [file, text] of files) {
      const parsed = await parseHcl(file, text);
      for (const type of Object.keys((parsed['resource'] ?? {}) as object)) types.add(type);
    }
    expect([...types].sort()).toEqual([
      'aws_accessanalyzer_analyzer',
      'aws_accessanalyzer_archive_rule',
      'aws_cloudwatch_event_rule',
      'aws_iam_instance_profile',
      'aws_iam_openid_connect_provider',
      'aws_iam_policy',
      'aws_iam_role',
      'aws_iam_role_policy_attachment',
      'aws_organizations_policy',
      'aws_organizations_policy_attachment',
      'aws_ssoadmin_account_assignment',
      'aws_ssoadmin_permission_set',
      'aws_ssoadmin_permission_set_inline_policy',
    ]);
  });

  it('the boundary\'s policy variable reaches AWS as written, not as a Terraform interpolation', async () => {
    const parsed = await parseHcl('boundaries.tf', files.get('boundaries.tf')!);
    const body = resourceBody(parsed, 'aws_iam_policy', 'developer-iam-boundary_prod');
    const text = literalText(body['policy'] as string);
    expect(text).toContain('arn:aws:iam::${aws:PrincipalAccount}:policy/developer-iam-boundary');
    expect(JSON.parse(text!)).toEqual(policyObject(compiled.program.boundaries[0]!.policy));
  });

  it('the cross-account role lands in account B through its alias', async () => {
    const parsed = await parseHcl('roles.tf', files.get('roles.tf')!);
    expect(resourceBody(parsed, 'aws_iam_role', 'cross-account-access-role')['provider']).toBe('${aws.account-b}');
    expect(files.get('versions.tf')).toContain('configuration_aliases = [aws.account-b, aws.prod]');
  });
});
