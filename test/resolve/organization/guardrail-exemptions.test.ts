/**
 * An exemption from a guardrail is something a member account's admin must not be able to obtain:
 * exempt roles are named exactly (a glob also matches role paths in `aws:PrincipalArn`), the
 * guardrail keeps their names out of everyone else's reach, and `allow` has no place in an SCP.
 */
import { describe, expect, it } from 'vitest';
import { compileText } from '../../helpers/compile.js';
import { ACCOUNTS, at, compileYamlText } from './support.js';

const guardrail = (exempt: string, rule = '      - deny: leave-organization') => `${ACCOUNTS}
guardrails:
  g:
    attach-to: [ root ]
    rules:
${rule}
    exempt: [ { role: "${exempt}" } ]
`;

describe('guardrail exemptions', () => {
  it.each(['*', 'break-glass-*', 'break-glass-?', 'break*glass'])('refuses an exempt role glob that reaches beyond named roles (`%s`)', (name) => {
    const { diagnostics, intent } = compileYamlText(guardrail(name));
    expect(at(diagnostics)).toEqual(['IAM2171 9:23']);
    expect(diagnostics[0]!.suggestion).toContain('exempt role "break-glass"');
    expect(intent.guardrails[0]!.exemptRoles).toEqual([]);
  });

  it('refuses the glob in the DSL too', () => {
    const result = compileText({ 'g.iam': 'guardrail g attach-to root {\n  deny leave-organization\n  exempt role "*"\n}\n' });
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM2171 3:15']);
    expect(result.files).toBeUndefined();
  });

  it('accepts a named exempt role', () => {
    const { diagnostics, intent } = compileYamlText(guardrail('break-glass'));
    expect(diagnostics).toEqual([]);
    expect(intent.guardrails[0]!.exemptRoles).toEqual(['break-glass']);
  });

  it('refuses `allow` inside a guardrail (it would become an SCP Allow with the exemption inverted)', () => {
    const { diagnostics, intent } = compileYamlText(guardrail('break-glass', '      - { allow: "s3:GetObject", on: "*", because: "x" }'));
    expect(at(diagnostics)).toEqual(['IAM2172 8:11']);
    expect(diagnostics[0]!.suggestion).toContain('deny ACTIONS on TARGETS');
    expect(intent.guardrails[0]!.rules).toEqual([]);
  });

  it('refuses `allow` in the DSL, and keeps a raw `deny`', () => {
    const result = compileText({
      'g.iam': 'guardrail g attach-to root {\n  allow "s3:GetObject" on "*" because "x"\n  deny "ec2:DeleteVpc" on "*"\n}\n',
    });
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM2172 2:3']);
    const quiet = compileText({ 'g.iam': 'guardrail g attach-to root {\n  deny "ec2:DeleteVpc" on "*"\n}\n' });
    expect(quiet.diagnostics).toEqual([]);
  });
});
