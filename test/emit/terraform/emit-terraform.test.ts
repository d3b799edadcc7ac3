import { describe, expect, it } from 'vitest';
import { emitTerraform } from '../../../compiler/emit/terraform/emit-terraform.js';
import { formatHcl } from '../../../compiler/emit/terraform/format-hcl.js';
import { policyObject } from '../../../compiler/ir/policy-json.js';
import type { CompiledProgram } from '../../../compiler/ir/policy.js';
import { fullProgram } from './fixtures.js';
import { literalText, parseHcl, resourceBody, type HclJson } from './hcl-decode.js';
import { DATA_SOURCES, EXPORTS, META_ARGUMENTS, RESOURCES, type BlockSchema } from './provider-schema.js';

const TRICKY = 'x ${var.secret} %{ if true }y%{ endif } "quoted" back\\slash $${kept} tab\there';

async function parsedFiles(program: CompiledProgram): Promise<Map<string, HclJson>> {
  const out = new Map<string, HclJson>();
  for (const [file, text] of emitTerraform(program)) out.set(file, await parseHcl(file, text));
  return out;
}

/** Every argument of a parsed block body, checked against the schema; nested blocks recurse. */
function checkArguments(where: string, body: Record<string, unknown>, schema: BlockSchema, meta: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const nested = schema.blocks?.[key];
    if (nested) {
      for (const inner of value as Record<string, unknown>[]) problems.push(...checkArguments(`${where}.${key}`, inner, nested, []));
    } else if (!schema.arguments.includes(key) && !meta.includes(key)) problems.push(`${where}: unknown argument ${key}`);
  }
  return problems;
}

describe('emitTerraform', () => {
  it('writes only the files that have content', () => {
    const empty: CompiledProgram = { roles: [], boundaries: [], scps: [], permissionSets: [], analyzers: [] };
    expect([...emitTerraform(empty).keys()]).toEqual(['versions.tf']);
    expect([...emitTerraform(fullProgram()).keys()]).toEqual([
      'analyzer.tf',
      'boundaries.tf',
      'identity-center.tf',
      'oidc.tf',
      'outputs.tf',
      'policies.tf',
      'roles.tf',
      'scp.tf',
      'versions.tf',
    ]);
  });

  it('every file parses as HCL and is already formatted', async () => {
    for (const [file, text] of emitTerraform(fullProgram(TRICKY))) {
      await expect(parseHcl(file, text)).resolves.toBeTypeOf('object');
      expect(formatHcl(text), file).toBe(text);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), file).toBe(true);
    }
  });

  it('every emitted argument is one the AWS provider documents', async () => {
    const problems: string[] = [];
    for (const [file, parsed] of await parsedFiles(fullProgram())) {
      for (const [type, byLabel] of Object.entries((parsed['resource'] ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>)) {
        const schema = RESOURCES[type];
        if (!schema) {
          problems.push(`${file}: resource type ${type} is not in the schema table`);
          continue;
        }
        for (const [label, [body]] of Object.entries(byLabel)) problems.push(...checkArguments(`${file} ${type}.${label}`, body!, schema, META_ARGUMENTS));
      }
      for (const [type, byLabel] of Object.entries((parsed['data'] ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>)) {
        const schema = DATA_SOURCES[type];
        if (!schema) problems.push(`${file}: data source ${type} is not in the schema table`);
        else for (const [label, [body]] of Object.entries(byLabel)) problems.push(...checkArguments(`${file} data.${type}.${label}`, body!, schema, []));
      }
    }
    expect(problems).toEqual([]);
  });

  it('every reference names a resource the module declares and an attribute it exports', async () => {
    const declared = new Set<string>();
    const texts = [...emitTerraform(fullProgram(TRICKY)).values()].join('\n');
    for (const parsed of (await parsedFiles(fullProgram(TRICKY))).values()) {
      for (const [type, byLabel] of Object.entries((parsed['resource'] ?? {}) as Record<string, object>)) for (const label of Object.keys(byLabel)) declared.add(`${type}.${label}`);
      for (const [type, byLabel] of Object.entries((parsed['data'] ?? {}) as Record<string, object>)) for (const label of Object.keys(byLabel)) declared.add(`data.${type}.${label}`);
    }
    const references = [...texts.matchAll(/(?<![\w$-])((?:data\.)?aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)\.([a-z_]+)/g)];
    expect(references.length).toBeGreaterThan(10);
    for (const [, type, label, attribute] of references) {
      expect(declared, `${type}.${label}`).toContain(`${type}.${label}`);
      expect(EXPORTS[type!.replace(/^data\./, '')], `${type}.${attribute}`).toContain(attribute);
    }
  });

  it('user text with `${`, `%{`, quotes and backslashes reaches Terraform unchanged', async () => {
    const program = fullProgram(TRICKY);
    const files = await parsedFiles(program);
    const role = resourceBody(files.get('roles.tf')!, 'aws_iam_role', 'ec2-app');
    expect(literalText(role['description'] as string)).toBe(TRICKY);
    const set = resourceBody(files.get('identity-center.tf')!, 'aws_ssoadmin_permission_set', 'DataEngineer');
    expect(literalText(set['description'] as string)).toBe(TRICKY);
    const policy = resourceBody(files.get('policies.tf')!, 'aws_iam_policy', 'github-deploy-policy');
    expect(JSON.parse(literalText(policy['policy'] as string)!)).toEqual(policyObject(program.roles[1]!.policies[0]!));
    const trust = resourceBody(files.get('roles.tf')!, 'aws_iam_role', 'cross-account-access');
    expect(JSON.parse(literalText(trust['assume_role_policy'] as string)!)).toEqual(policyObject(program.roles[2]!.trust));
  });

  it('an OIDC trust refers to the provider resource instead of repeating its ARN', async () => {
    const program = fullProgram(TRICKY);
    const files = await parsedFiles(program);
    const role = resourceBody(files.get('roles.tf')!, 'aws_iam_role', 'github-deploy');
    const raw = role['assume_role_policy'] as string;
    const interpolated = raw.replace('${aws_iam_openid_connect_provider.github_prod.arn}', program.roles[1]!.oidcProvider!.arn);
    expect(interpolated).not.toBe(raw);
    expect(JSON.parse(literalText(interpolated)!)).toEqual(policyObject(program.roles[1]!.trust));
    const provider = resourceBody(files.get('oidc.tf')!, 'aws_iam_openid_connect_provider', 'github_prod');
    expect(provider).toMatchObject({ provider: '${aws.prod}', url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] });
    expect(provider['thumbprint_list']).toBeUndefined();
  });

  it('puts each role in its account through the provider alias, and declares the aliases', async () => {
    const files = await parsedFiles(fullProgram());
    expect(resourceBody(files.get('roles.tf')!, 'aws_iam_role', 'cross-account-access')['provider']).toBe('${aws.source}');
    expect(resourceBody(files.get('roles.tf')!, 'aws_iam_role', 'ec2-app')['provider']).toBe('${aws.prod}');
    const versions = emitTerraform(fullProgram()).get('versions.tf')!;
    expect(versions).toContain('configuration_aliases = [aws.prod, aws.source]');
    expect(versions).not.toMatch(/^provider /m);
  });

  it('roles refer to their boundary, policies and instance profile by reference', async () => {
    const files = await parsedFiles(fullProgram());
    expect(resourceBody(files.get('roles.tf')!, 'aws_iam_role', 'ec2-app')['permissions_boundary']).toBe('${aws_iam_policy.developer-boundary_prod.arn}');
    expect(resourceBody(files.get('roles.tf')!, 'aws_iam_instance_profile', 'ec2-app')['role']).toBe('${aws_iam_role.ec2-app.name}');
    expect(resourceBody(files.get('policies.tf')!, 'aws_iam_role_policy_attachment', 'ec2-app-2')).toMatchObject({
      role: '${aws_iam_role.ec2-app.name}',
      policy_arn: '${aws_iam_policy.ec2-app-policy-2.arn}',
    });
  });

  it('SCPs attach to OUs by id and to the root through the organisation data source', async () => {
    const files = await parsedFiles(fullProgram());
    const scp = files.get('scp.tf')!;
    expect(resourceBody(scp, 'aws_organizations_policy', 'enterprise-security-guardrails')['type']).toBe('SERVICE_CONTROL_POLICY');
    expect(resourceBody(scp, 'aws_organizations_policy_attachment', 'enterprise-security-guardrails_ou-ab12-34cd5678')['target_id']).toBe('ou-ab12-34cd5678');
    expect(resourceBody(scp, 'aws_organizations_policy_attachment', 'enterprise-security-guardrails_root')['target_id']).toBe('${data.aws_organizations_organization.this.roots[0].id}');
  });

  it('assigns the permission set once per (principal, account)', async () => {
    const files = await parsedFiles(fullProgram());
    const assignments = ((files.get('identity-center.tf')!['resource'] as Record<string, Record<string, Record<string, unknown>[]>>)['aws_ssoadmin_account_assignment'])!;
    expect(Object.values(assignments).map(([a]) => a!['target_id']).sort()).toEqual(['111111111111', '123456789012']);
    expect(Object.values(assignments).every(([a]) => a!['target_type'] === 'AWS_ACCOUNT' && a!['principal_type'] === 'GROUP')).toBe(true);
  });

  it('the analyzer alert matches Access Analyzer findings', async () => {
    const files = await parsedFiles(fullProgram());
    const rule = resourceBody(files.get('analyzer.tf')!, 'aws_cloudwatch_event_rule', 'organization-security-analyzer_findings');
    expect(JSON.parse(literalText(rule['event_pattern'] as string)!)).toEqual({ source: ['aws.access-analyzer'], 'detail-type': ['Access Analyzer Finding'] });
    const archive = resourceBody(files.get('analyzer.tf')!, 'aws_accessanalyzer_archive_rule', 'organization-security-analyzer_archive-111122223333');
    expect(archive['filter']).toEqual([{ criteria: 'principal.AWS', eq: ['111122223333'] }]);
  });

  it('archives findings for exactly the trusted principal, never for another account\'s role whose name holds its id', async () => {
    // `contains` is a substring test: `arn:aws:iam::666666666666:role/x111122223333` would be archived.
    const files = await parsedFiles(fullProgram());
    const archive = resourceBody(files.get('analyzer.tf')!, 'aws_accessanalyzer_archive_rule', 'organization-security-analyzer_archive-111122223333');
    const [filter] = archive['filter'] as Record<string, unknown>[];
    expect(filter).not.toHaveProperty('contains');
    expect(filter!['eq']).toEqual(['111122223333']);
  });

  it('is deterministic whatever the order of the program', () => {
    const program = fullProgram();
    const reversed: CompiledProgram = { ...program, roles: [...program.roles].reverse(), scps: [...program.scps].reverse() };
    expect([...emitTerraform(reversed)]).toEqual([...emitTerraform(program)]);
  });
});
