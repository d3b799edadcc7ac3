/**
 * Managed policies on permission sets: an administrator-equivalent one needs a reason, an ARN
 * keeps its account (or is refused where Identity Center would drop it), the manifest lists them,
 * and a set with only managed policies gets no empty inline policy file.
 */
import { describe, expect, it } from 'vitest';
import { stripSpans } from '../../../compiler/syntax/ast.js';
import { parseDsl } from '../../../compiler/syntax/dsl/cst-to-ast.js';
import { parseYaml } from '../../../compiler/syntax/yaml/yaml-to-ast.js';
import { printDsl } from '../../../compiler/format/print-dsl.js';
import { compileText } from '../../helpers/compile.js';

const GROUP = '9067b5c2-b0d1-706d-e061-0734a974d092';
const set = (body: string, to = '[prod]') => ({
  'org.iam': `account prod = 123456789012\naccount dev = 210987654321\nregion eu-west-1\npermission-set Admins {\n${body}\n  assign group "${GROUP}" to ${to}\n}\n`,
});
const found = (files: Record<string, string>) => compileText(files).diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`);

describe('permission-set managed policies', () => {
  it.each(['arn:aws:iam::aws:policy/AdministratorAccess', 'AdministratorAccess', 'arn:aws:iam::aws:policy/PowerUserAccess', 'arn:aws:iam::aws:policy/IAMFullAccess', 'arn:aws:iam::123456789012:policy/admin/AdministratorAccess'])(
    'refuses an administrator-equivalent managed policy without a reason (`%s`)',
    (policy) => {
      const result = compileText(set(`  managed-policy "${policy}"`));
      expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM5161 5:18']);
      expect(result.diagnostics[0]!.suggestion).toContain(`managed-policy "${policy}" because`);
      expect(result.files).toBeUndefined();
    },
  );

  it('accepts it with a reason, and a narrower policy without one', () => {
    expect(found(set('  managed-policy "arn:aws:iam::aws:policy/AdministratorAccess" because "the platform team runs break-glass work"'))).toEqual([]);
    expect(found(set('  managed-policy "arn:aws:iam::aws:policy/ReadOnlyAccess"'))).toEqual([]);
  });

  it('takes the reason in YAML as `{ policy, because }`, the same program as the DSL', () => {
    const dsl = 'permission-set Admins {\n  managed-policy "AdministratorAccess" because "on call"\n  managed-policy "ReadOnlyAccess"\n}\n';
    const yaml = 'permission-sets:\n  Admins:\n    managed-policies: [ { policy: AdministratorAccess, because: on call }, ReadOnlyAccess ]\n';
    const fromDsl = parseDsl('a.iam', dsl);
    const fromYaml = parseYaml('a.iam.yaml', yaml);
    expect(fromDsl.diagnostics).toEqual([]);
    expect(fromYaml.diagnostics).toEqual([]);
    expect(stripSpans(fromYaml.value.declarations)).toEqual(stripSpans(fromDsl.value.declarations));
    expect(printDsl(fromDsl.value)).toContain('managed-policy "AdministratorAccess" because "on call"');
    const yamlOnly = compileText({ 'a.iam.yaml': `accounts: { prod: "123456789012" }\n${yaml}    assign: [ { group: ${GROUP}, to: [prod] } ]\n` });
    expect(yamlOnly.diagnostics).toEqual([]);
  });

  it("refuses a customer managed policy ARN of an account the set is not (only) assigned to, rather than drop its account", () => {
    expect(found(set('  managed-policy "arn:aws:iam::999999999999:policy/Extra"'))).toEqual(['IAM2173 5:18']);
    expect(found(set('  managed-policy "arn:aws:iam::123456789012:policy/Extra"', '[prod, dev]'))).toEqual(['IAM2173 5:18']);
  });

  it("keeps a customer managed policy ARN of the one assigned account, and lists it as written in the manifest", () => {
    const result = compileText(set('  managed-policy "arn:aws:iam::123456789012:policy/team/Extra"\n  managed-policy "arn:aws:iam::aws:policy/ReadOnlyAccess"'));
    expect(result.diagnostics).toEqual([]);
    const manifest = JSON.parse(result.files!.get('manifest.json')!) as { permissionSets: { name: string; policy?: string; managedPolicies: string[] }[] };
    expect(manifest.permissionSets).toMatchObject([
      { name: 'Admins', managedPolicies: ['arn:aws:iam::123456789012:policy/team/Extra', 'arn:aws:iam::aws:policy/ReadOnlyAccess'] },
    ]);
  });

  it('writes no `{"Statement": []}` file for a permission set with only managed policies', () => {
    const result = compileText(set('  managed-policy "arn:aws:iam::aws:policy/ReadOnlyAccess"'));
    expect(result.diagnostics).toEqual([]);
    expect([...result.files!.keys()].filter((p) => p.startsWith('identity-center/'))).toEqual([]);
    const manifest = JSON.parse(result.files!.get('manifest.json')!) as { permissionSets: { policy?: string }[] };
    expect(manifest.permissionSets[0]!.policy).toBeUndefined();
    expect(result.files!.get('terraform/identity-center.tf')).not.toContain('inline_policy');
  });

  it('still writes the inline policy file when the set has grants', () => {
    const result = compileText(set('  managed-policy "arn:aws:iam::aws:policy/ReadOnlyAccess"\n  read s3 bucket "reports"'));
    expect(result.diagnostics).toEqual([]);
    expect(result.files!.has('identity-center/Admins.json')).toBe(true);
    const manifest = JSON.parse(result.files!.get('manifest.json')!) as { permissionSets: { policy?: string }[] };
    expect(manifest.permissionSets[0]!.policy).toBe('identity-center/Admins.json');
  });
});

describe('a permission set assigned to no account', () => {
  it('is one error, at the first target that needs an account, however many targets there are', () => {
    const text = 'account prod = 123456789012\nregion eu-west-1\npermission-set Reader session 1h {\n  consume sqs queue "orders"\n  read dynamodb table "Orders"\n  publish sns topic "alerts"\n}\n';
    const codes = compileText({ 'a.iam': text }).diagnostics.filter((d) => d.severity === 'error');
    expect(codes.map((d) => `${d.code} ${d.span.line}`)).toEqual(['IAM2111 4']);
    expect(codes[0]!.message).toContain('2 other targets');
  });
});
