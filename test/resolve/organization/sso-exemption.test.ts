/**
 * `exempt permission-set "Admin"` spares the role Identity Center creates for the set, in every
 * account the guardrail reaches, with the one pattern an exemption may hold: AWS's reserved path,
 * the set's exact name and 16 `?`. The simulated SCP (guardrail-laws.test.ts) shows look-alikes
 * stay denied; here: both syntaxes, the declared home region, and names that would widen it.
 */
import { describe, expect, it } from 'vitest';
import { codes, compileText } from '../../helpers/compile.js';

const dsl = (exempt: string, center = 'identity-center region eu-west-1\n'): string =>
  `${center}guardrail g attach-to root {\n  deny leave-organization\n  exempt role "break-glass"\n  ${exempt}\n}\n`;
const yaml = (exempt: string, center = 'identity-center: { region: eu-west-1 }\n'): string =>
  `${center}guardrails:\n  g:\n    attach-to: [ root ]\n    rules: [ { deny: leave-organization } ]\n    exempt: [ { role: break-glass }, ${exempt} ]\n`;

const scpOf = (files: Record<string, string>): string => {
  const result = compileText(files);
  expect(result.diagnostics).toEqual([]);
  return result.files!.get('scp/g.json')!;
};

describe('exempt permission-set', () => {
  it('adds the set\'s Identity Center role, in every account, to the exemption and nothing else', () => {
    const scp = JSON.parse(scpOf({ 'g.iam': dsl('exempt permission-set "Admin"') })) as { Statement: { Sid: string; Condition: Record<string, Record<string, unknown>> }[] };
    for (const s of scp.Statement) {
      expect(s.Condition.ArnNotLike!['aws:PrincipalArn']).toEqual([
        'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_????????????????',
        'arn:aws:iam::*:role/break-glass',
      ]);
    }
    // The reserved path cannot be made by a member account's admin: only `break-glass` needs protecting.
    const protect = scp.Statement.find((s) => s.Sid === 'ProtectExemptRoles') as unknown as { Resource: string[] };
    expect(protect.Resource).toEqual(['arn:aws:iam::*:role/break-glass']);
  });

  it('compiles the same from both syntaxes', () => {
    expect(scpOf({ 'g.iam.yaml': yaml('{ permission-set: Admin }') })).toBe(scpOf({ 'g.iam': dsl('exempt permission-set "Admin"') }));
  });

  it('has no region in the path when Identity Center lives in us-east-1', () => {
    expect(scpOf({ 'g.iam': dsl('exempt permission-set "Admin"', 'identity-center region us-east-1\n') })).toContain(
      '"arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_????????????????"',
    );
  });

  it('needs the Identity Center region (IAM2197), in both syntaxes', () => {
    const result = compileText({ 'g.iam': dsl('exempt permission-set "Admin"', '') });
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM2197 4:25']);
    expect(result.files).toBeUndefined();
    expect(codes(compileText({ 'g.iam.yaml': yaml('{ permission-set: Admin }', '') }))).toEqual(['IAM2197']);
  });

  it.each(['Admin*', 'Adm?n', '*', 'Admin/x', 'a'.repeat(33)])('refuses a set name that is not one (`%s`, IAM2198)', (name) => {
    expect(codes(compileText({ 'g.iam': dsl(`exempt permission-set ${JSON.stringify(name)}`) }))).toEqual(['IAM2198']);
  });

  it('refuses an exemption naming both a role and a set in one YAML entry', () => {
    expect(codes(compileText({ 'g.iam.yaml': yaml('{ role: ops, permission-set: Admin }') }))).toEqual(['IAM1103']);
  });
});
