/**
 * Managed policies on roles and permission sets, one rule: `managed-policy` names an AWS managed
 * policy, checked against the shipped documents, so a typo never attaches nothing silently;
 * `customer-managed` (or a customer ARN) is the account's own. The role's outputs list and attach
 * them; an administrator-equivalent one needs a reason.
 */
import { describe, expect, it } from 'vitest';
import { awsManagedPoliciesSource } from '../../compiler/catalogue/aws-managed-policies.js';
import { compileText } from '../helpers/compile.js';

const GROUP = '9067b5c2-b0d1-706d-e061-0734a974d092';
const HEAD = 'account prod = 123456789012\naccount dev = 210987654321\nregion eu-west-1\n';
const role = (body: string) => ({ 'a.iam': `${HEAD}role auditor for role "ops" in prod in prod {\n${body}\n}\n` });
const set = (body: string) => ({ 'a.iam': `${HEAD}permission-set Auditors {\n${body}\n  assign group "${GROUP}" to [prod]\n}\n` });
// Findings that stop the compile or ask for a change; the width note (IAM5162) is tested on its own.
const found = (files: Record<string, string>) => compileText(files).diagnostics.filter((d) => d.code !== 'IAM5162').map((d) => `${d.code} ${d.span.line}:${d.span.column}`);
const manifest = (files: Record<string, string>) => {
  const result = compileText(files);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return JSON.parse(result.files!.get('manifest.json')!) as { awsManagedPolicies?: string; roles: { managedPolicies: string[] }[]; permissionSets: { managedPolicies: string[] }[] };
};

describe('managed policies on roles', () => {
  it('attaches an AWS managed policy by name, and the manifest records it and the documents\' version once', () => {
    const files = role('  managed-policy "SecurityAudit"');
    const m = manifest(files);
    expect(m.roles[0]!.managedPolicies).toEqual(['arn:aws:iam::aws:policy/SecurityAudit']);
    expect(m.awsManagedPolicies).toBe(awsManagedPoliciesSource());
    const tf = compileText(files).files!.get('terraform/roles.tf')!;
    expect(tf).toMatch(/resource "aws_iam_role_policy_attachment" "auditor_SecurityAudit" \{\n {2}provider = aws\.prod\n\n {2}role {7}= aws_iam_role\.auditor\.name\n {2}policy_arn = "arn:aws:iam::aws:policy\/SecurityAudit"\n\}/);
  });

  it('lets a role do all its work through managed policies (no "role has no grants")', () => {
    expect(found(role('  managed-policy "ReadOnlyAccess"'))).toEqual([]);
  });

  it('leaves the documents\' version out of a manifest that attaches none', () => {
    expect(manifest(role('  read s3 bucket "reports"')).awsManagedPolicies).toBeUndefined();
  });

  it.each(['AWSLambdaBasicExecutionRole', 'service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'])(
    'finds a policy under its AWS path by name, path and name, or ARN (`%s`)',
    (policy) => {
      expect(manifest(role(`  managed-policy "${policy}"`)).roles[0]!.managedPolicies).toEqual(['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']);
    },
  );

  it('refuses a misspelt AWS managed policy with a did-you-mean, by name and by ARN', () => {
    const byName = compileText(role('  managed-policy "SecurityAudt"\n  read s3 bucket "reports"'));
    expect(byName.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM2174 5:18']);
    expect(byName.diagnostics[0]!.suggestion).toContain('did you mean `SecurityAudit`?');
    expect(byName.diagnostics[0]!.suggestion).toContain('customer-managed "SecurityAudt"');
    expect(byName.files).toBeUndefined();
    const byArn = compileText(role('  managed-policy "arn:aws:iam::aws:policy/ReadOnlyAcess"'));
    expect(byArn.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM2174 5:18']);
    // An AWS ARN never meant the account's own policy.
    expect(byArn.diagnostics[0]!.suggestion).toBe('did you mean `ReadOnlyAccess`?');
    // The right name under the wrong path is not that policy.
    expect(found(role('  managed-policy "job-function/SecurityAudit"'))).toEqual(['IAM2174 5:18']);
  });

  it('builds a customer managed policy\'s ARN in the role\'s account, with its path', () => {
    expect(manifest(role('  customer-managed "Mine" path "/team/"\n  customer-managed "Other"')).roles[0]!.managedPolicies).toEqual([
      'arn:aws:iam::123456789012:policy/team/Mine',
      'arn:aws:iam::123456789012:policy/Other',
    ]);
    expect(manifest(role('  managed-policy "arn:aws:iam::123456789012:policy/Mine"')).roles[0]!.managedPolicies).toEqual(['arn:aws:iam::123456789012:policy/Mine']);
  });

  it('refuses another account\'s customer policy, a bad path, and `path` on an AWS managed policy', () => {
    expect(found(role('  managed-policy "arn:aws:iam::210987654321:policy/Mine"'))).toEqual(['IAM2173 5:18']);
    expect(found(role('  customer-managed "Mine" path "team"'))).toEqual(['IAM2175 5:32']);
    expect(found(role('  customer-managed "team/Mine"'))).toEqual(['IAM2175 5:20']);
    expect(found(role('  managed-policy "SecurityAudit" path "/x/"'))).toEqual(['IAM2175 5:39']);
  });

  it('needs a reason for an administrator-equivalent policy on a role, as on a permission set', () => {
    const result = compileText(role('  managed-policy "AdministratorAccess"'));
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM5161 5:18', 'IAM5162 5:18']);
    expect(result.diagnostics[0]!.message).toContain('role `auditor`');
    expect(result.diagnostics[0]!.suggestion).toContain('managed-policy "AdministratorAccess" because');
    expect(found(role('  managed-policy "AdministratorAccess" because "break-glass, reviewed monthly"'))).toEqual([]);
    expect(found(role('  customer-managed "AdministratorAccess"'))).toEqual(['IAM5161 5:20']);
  });

  it('compiles the DSL and the YAML form to the same output', () => {
    const dsl = compileText(role('  managed-policy "SecurityAudit"\n  customer-managed "Mine" path "/team/"\n  managed-policy "AdministratorAccess" because "on call"'));
    const yaml = compileText({
      'a.iam.yaml': [
        'accounts: { prod: "123456789012", dev: "210987654321" }',
        'region: eu-west-1',
        'roles:',
        '  auditor:',
        '    for: { role: ops, in: prod }',
        '    in: prod',
        '    managed-policies:',
        '      - SecurityAudit',
        '      - { customer-managed: Mine, path: /team/ }',
        '      - { policy: AdministratorAccess, because: on call }',
        '',
      ].join('\n'),
    });
    const codesAt = (r: typeof dsl) => r.diagnostics.map((d) => `${d.code} ${d.span.line}`);
    expect(codesAt(dsl)).toEqual(['IAM5162 5', 'IAM5162 7']);
    expect(codesAt(yaml)).toEqual(['IAM5162 8', 'IAM5162 10']);
    const strip = (files: ReadonlyMap<string, string>) => new Map([...files].map(([k, v]) => [k, v.replace(/a\.iam(\.yaml)?:\d+:\d+/g, 'SRC')]));
    expect(strip(yaml.files!)).toEqual(strip(dsl.files!));
  });
});

describe('the managed-policy quota of a role (IAM3101)', () => {
  const READ_ONLY = ['SecurityAudit', 'ReadOnlyAccess', 'AmazonS3ReadOnlyAccess', 'AmazonEC2ReadOnlyAccess', 'AmazonDynamoDBReadOnlyAccess', 'AmazonSQSReadOnlyAccess', 'AmazonSNSReadOnlyAccess', 'CloudWatchReadOnlyAccess', 'AWSLambda_ReadOnlyAccess', 'AmazonRDSReadOnlyAccess', 'IAMReadOnlyAccess'];
  const lines = (names: readonly string[]) => names.map((n) => `  managed-policy "${n}"`).join('\n');

  it('counts the policies the intent attaches with the parts of iamc\'s own policy', () => {
    expect(found(role(lines(READ_ONLY.slice(0, 10))))).toEqual([]);
    expect(found(role(lines(READ_ONLY)))).toEqual(['IAM3101 4:1']);
    // Ten attached and one part of the role's own policy: eleven.
    expect(found(role(`${lines(READ_ONLY.slice(0, 10))}\n  read s3 objects "reports/*"`))).toEqual(['IAM3101 4:1']);
    expect(found(role(`${lines(READ_ONLY.slice(0, 9))}\n  read s3 objects "reports/*"`))).toEqual([]);
  });
});

describe('how much wider a managed policy is than the role (IAM5162)', () => {
  it('counts the actions the AWS document allows that the role\'s grants do not, as a note', () => {
    const result = compileText(role('  managed-policy "AmazonS3ReadOnlyAccess"\n  read s3 objects "reports/*"'));
    const notes = result.diagnostics.filter((d) => d.code === 'IAM5162');
    expect(notes.map((d) => `${d.severity} ${d.span.line}:${d.span.column}`)).toEqual(['info 5:18']);
    const [, count] = /allows ([\d,]+) actions that role `auditor`'s grants do not/.exec(notes[0]!.message) ?? [];
    // `s3:Get*`, `s3:List*`, `s3:Describe*` and S3 Object Lambda's, less what `read s3 objects` grants: well over ten, well under the catalogue.
    expect(Number(count!.replace(/,/g, ''))).toBeGreaterThan(10);
    expect(Number(count!.replace(/,/g, ''))).toBeLessThan(500);
    expect(result.files).toBeDefined();
  });

  it('says nothing of a customer policy, whose document iamc does not have', () => {
    expect(compileText(role('  customer-managed "Mine"')).diagnostics).toEqual([]);
  });
});

describe('escalation through a managed policy (IAM5122)', () => {
  const passAnyRole = '  allow "iam:PassRole" on "*" because "deploys any role"';
  const escalations = (files: Record<string, string>) => compileText(files).diagnostics.filter((d) => d.code === 'IAM5122');

  it('joins the AWS document to the role\'s own statements: its Lambda actions with the role\'s `iam:PassRole` escalate', () => {
    const [finding, ...more] = escalations(role(`  managed-policy "AWSLambda_FullAccess"\n${passAnyRole}`));
    expect(more).toEqual([]);
    expect(`${finding!.span.line}:${finding!.span.column}`).toBe('5:18');
    expect(finding!.detail).toContain('outside the containment proof');
    expect(finding!.suggestion).toContain('managed-policy "AWSLambda_FullAccess" because');
  });

  it('accepts it with a reason, and finds nothing in a read-only policy', () => {
    expect(escalations(role(`  managed-policy "AWSLambda_FullAccess" because "the deployer ships functions"\n${passAnyRole}`))).toEqual([]);
    expect(escalations(role(`  managed-policy "SecurityAudit"\n${passAnyRole}`))).toEqual([]);
  });
});

describe('managed policies on permission sets', () => {
  it('refuses a bare name that is not an AWS managed policy, pointing to `customer-managed`', () => {
    const result = compileText(set('  managed-policy "TeamReadOnly"'));
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM2174 5:18']);
    expect(result.diagnostics[0]!.suggestion).toContain('customer-managed "TeamReadOnly"');
  });

  it('attaches `customer-managed` by name and path, and an AWS managed policy by its ARN', () => {
    const files = set('  customer-managed "TeamReadOnly" path "/team/"\n  managed-policy "ReadOnlyAccess"');
    expect(manifest(files).permissionSets[0]!.managedPolicies).toEqual(['/team/TeamReadOnly', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
    const tf = compileText(files).files!.get('terraform/identity-center.tf')!;
    expect(tf).toContain('managed_policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"');
    expect(tf).toMatch(/customer_managed_policy_reference \{\n\s+name = "TeamReadOnly"\n\s+path = "\/team\/"/);
  });
});
