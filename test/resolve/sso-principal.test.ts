/**
 * `for sso permission-set "Admin" in security` trusts the one role IAM Identity Center creates for
 * that set in that account: the account as Principal, narrowed by `ArnLike aws:PrincipalArn` to the
 * path and name shape AWS documents (16 characters after the set's name). Every attacker's try
 * below is a role someone other than Identity Center could make, or another set's or account's.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../compiler/eval/evaluate.js';
import { at, codes, compileText } from '../helpers/compile.js';

const SECURITY = '222233334444';
const dsl = (principal: string, center = 'identity-center region eu-west-1\n'): string =>
  `account prod = 123456789012\naccount security = ${SECURITY}\nregion eu-west-1\n${center}role admin-tools for ${principal} in prod {\n  read s3 objects "site/*"\n}\n`;
const yaml = (principal: string, center = 'identity-center: { region: eu-west-1 }\n'): string =>
  `accounts: { prod: "123456789012", security: "${SECURITY}" }\nregion: eu-west-1\n${center}roles:\n  admin-tools:\n    for: ${principal}\n    in: prod\n    grants:\n      - read s3 objects: "site/*"\n`;

const trustOf = (files: Record<string, string>): string => {
  const result = compileText(files);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.files!.get('iam/roles/admin-tools.trust.json')!;
};

/**
 * Whether the trust lets the role `callerRole` assume `admin-tools`. A trust that names an account
 * delegates to that account's own policies (here the permission set's), so "the trust allows" is
 * an allow, or a deny only for want of the caller's identity policy.
 */
function assumes(trust: string, callerRole: string): boolean {
  const e = evaluate(
    { identity: [], resource: JSON.parse(trust) as { Statement: unknown } },
    { principal: callerRole, action: 'sts:AssumeRole', resource: 'arn:aws:iam::123456789012:role/admin-tools', context: { 'aws:PrincipalArn': callerRole } },
  );
  return e.decision === 'Allowed' || e.decidedBy === 'identity';
}

const sso = (account: string, region: string, name: string): string => `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/${region}AWSReservedSSO_${name}`;

describe('an Identity Center role as the principal', () => {
  it('trusts the account, narrowed to the set\'s role on the home region\'s path, with exactly 16 `?`', () => {
    const trust = JSON.parse(trustOf({ 'a.iam': dsl('sso permission-set "Admin" in security') })) as { Statement: Record<string, unknown>[] };
    expect(trust.Statement).toEqual([
      {
        Sid: 'TrustIdentityCenter',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${SECURITY}:root` },
        Action: ['sts:AssumeRole'],
        Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${SECURITY}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_????????????????` } },
      },
    ]);
  });

  it('leaves the region out of the path when Identity Center lives in us-east-1', () => {
    const trust = trustOf({ 'a.iam': dsl('sso permission-set "Admin" in security', 'identity-center region us-east-1\n') });
    expect(trust).toContain(`role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_????????????????"`);
  });

  it('compiles the same from both syntaxes', () => {
    const fromDsl = trustOf({ 'a.iam': dsl('sso permission-set "Admin" in security') });
    const fromYaml = trustOf({ 'a.iam.yaml': yaml('{ sso-permission-set: Admin, in: security }') });
    expect(fromYaml).toBe(fromDsl);
  });

  it('admits the set\'s role and refuses every attacker\'s try', () => {
    const trust = trustOf({ 'a.iam': dsl('sso permission-set "Admin" in security') });
    expect(assumes(trust, sso(SECURITY, 'eu-west-1/', 'Admin_0123456789abcdef'))).toBe(true);
    expect(assumes(trust, sso(SECURITY, 'eu-west-1/', 'Admin_a_b_c_d_e_f_g_h_'))).toBe(true); // the suffix is any 16 characters
    // A role of that name at `/`, which any admin of the account can create.
    expect(assumes(trust, `arn:aws:iam::${SECURITY}:role/AWSReservedSSO_Admin_0123456789abcdef`)).toBe(false);
    expect(assumes(trust, `arn:aws:iam::${SECURITY}:role/AWSReservedSSO_Admin_x`)).toBe(false);
    // Another permission set whose name starts with this one's.
    expect(assumes(trust, sso(SECURITY, 'eu-west-1/', 'AdminX_0123456789abcdef'))).toBe(false);
    expect(assumes(trust, sso(SECURITY, 'eu-west-1/', 'Admin_Ops_0123456789abcdef'))).toBe(false);
    // The same set's role in another account.
    expect(assumes(trust, sso('123456789012', 'eu-west-1/', 'Admin_0123456789abcdef'))).toBe(false);
    // Another region's path (another Identity Center instance), or none.
    expect(assumes(trust, sso(SECURITY, 'us-west-2/', 'Admin_0123456789abcdef'))).toBe(false);
    expect(assumes(trust, sso(SECURITY, '', 'Admin_0123456789abcdef'))).toBe(false);
    // A suffix of 17 or 15 characters.
    expect(assumes(trust, sso(SECURITY, 'eu-west-1/', 'Admin_0123456789abcdef0'))).toBe(false);
    expect(assumes(trust, sso(SECURITY, 'eu-west-1/', 'Admin_0123456789abcde'))).toBe(false);
  });

  it('needs the Identity Center home region (IAM2197)', () => {
    const fromDsl = compileText({ 'a.iam': dsl('sso permission-set "Admin" in security', '') });
    expect(at(fromDsl)).toEqual(['IAM2197 a.iam:4:22']);
    expect(fromDsl.files).toBeUndefined();
    expect(codes(compileText({ 'a.iam.yaml': yaml('{ sso-permission-set: Admin, in: security }', '') }))).toEqual(['IAM2197']);
  });

  it('refuses a region that is not one (IAM2103)', () => {
    expect(codes(compileText({ 'a.iam': dsl('sso permission-set "Admin" in security', 'identity-center region eu-west-9\n') }))).toEqual(['IAM2103']);
  });

  it('refuses a permission-set name AWS would not accept, a glob above all (IAM2198)', () => {
    for (const name of ['Admin*', 'Adm?n', 'Admin/x', '', 'a'.repeat(33), 'Admin Ops']) {
      const result = compileText({ 'a.iam': dsl(`sso permission-set ${JSON.stringify(name)} in security`) });
      expect(codes(result), name).toEqual(['IAM2198']);
    }
    expect(codes(compileText({ 'a.iam': dsl('sso permission-set "Data_Eng+1=,.@-" in security') }))).toEqual([]);
  });

  it('refuses an unknown account with its nearest name', () => {
    const result = compileText({ 'a.iam': dsl('sso permission-set "Admin" in securty') });
    expect(codes(result)).toEqual(['IAM2102']);
    expect(result.diagnostics[0]!.suggestion).toContain('security');
  });

  it('reads the YAML shapes strictly: a misspelt or missing key is a shape error, not a silent default', () => {
    expect(codes(compileText({ 'a.iam.yaml': yaml('{ sso-permission-set: Admin, in: security }', 'identity-center: { regin: eu-west-1 }\n') }))).toEqual(['IAM1105', 'IAM1104']);
    expect(codes(compileText({ 'a.iam.yaml': yaml('{ sso-permission-set: Admin }') }))).toEqual(['IAM1105']);
  });

  it('points a DSL slip at its word (`sso "Admin"` without `permission-set`)', () => {
    expect(at(compileText({ 'a.iam': dsl('sso "Admin" in security') }))).toEqual(['IAM1203 a.iam:5:26']);
  });

  it('declares the Identity Center region once (IAM2107)', () => {
    const result = compileText({ 'a.iam': dsl('sso permission-set "Admin" in security', 'identity-center region eu-west-1\nidentity-center region eu-west-2\n') });
    expect(codes(result)).toEqual(['IAM2107']);
  });
});
