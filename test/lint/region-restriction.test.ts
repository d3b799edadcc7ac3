import { describe, expect, it } from 'vitest';
import { compileText } from '../helpers/compile.js';

const guardrail = (restrict: string) => ({ 'g.iam': `guardrail g attach-to root {\n  ${restrict}\n}\n` });
const findings = (restrict: string) => compileText(guardrail(restrict)).diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`);

describe('IAM5160: a region restriction must let global services through', () => {
  it('warns when a restriction without us-east-1 leaves out the global services', () => {
    const result = compileText(guardrail('restrict regions ["eu-west-1"] except [iam]'));
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM5160 2:3']);
    const message = result.diagnostics[0]!.message;
    for (const s of ['sts', 'organizations', 'route53', 'cloudfront', 'support']) expect(message).toContain(`\`${s}\``);
    expect(message).not.toContain('`iam`');
    expect(result.diagnostics[0]!.suggestion).toContain('except [iam, ');
  });

  it('warns about services homed in us-west-2 when only us-east-1 is allowed', () => {
    const result = compileText(guardrail('restrict regions ["us-east-1"]'));
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'guardrail `g` restricts regions without letting global services through: `globalaccelerator`, `networkmanager`',
    ]);
  });

  it('is quiet when the home regions are allowed or the services excepted', () => {
    expect(findings('restrict regions ["us-east-1", "us-west-2", "eu-west-1"]')).toEqual([]);
    expect(findings('restrict regions ["us-east-1"] except [globalaccelerator, networkmanager]')).toEqual([]);
    expect(
      findings(
        'restrict regions ["eu-west-1"] except [account, budgets, ce, cloudfront, globalaccelerator, health, iam, importexport, networkmanager, organizations, pricing, route53, route53domains, shield, sts, support, trustedadvisor, waf]',
      ),
    ).toEqual([]);
  });

  it('can be waived on its line with a reason', () => {
    expect(findings('restrict regions ["eu-west-1"] # iamc-allow IAM5160: this OU runs nothing global')).toEqual([]);
  });
});
