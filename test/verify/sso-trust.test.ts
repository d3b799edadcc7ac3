/**
 * The proof of an Identity Center trust: the emitted trust must name the account and carry exactly
 * the `ArnLike aws:PrincipalArn` pattern of the `for` clause. A trust that loses the condition
 * trusts every principal of the account; a `*` suffix trusts other sets' roles.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledProgram, Statement } from '../../compiler/ir/policy.js';
import { verifyProgram } from '../../compiler/verify/verify.js';
import { compileYaml } from '../properties/support/compile-yaml.js';

const INTENT = `accounts: { prod: "123456789012", security: "222233334444" }
region: eu-west-1
identity-center: { region: eu-west-1 }
roles:
  admin-tools:
    for: { sso-permission-set: Admin, in: security }
    in: prod
    grants: [ { read s3 objects: "site/*" } ]
`;

function compiled(): { intent: NonNullable<ReturnType<typeof compileYaml>['intent']>; program: CompiledProgram } {
  const result = compileYaml(INTENT);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { intent: result.intent!, program: result.program! };
}

function withTrust(program: CompiledProgram, change: (s: Statement) => Statement): CompiledProgram {
  return { ...program, roles: program.roles.map((r) => ({ ...r, trust: { statements: r.trust.statements.map(change) } })) };
}

const arnPattern = (f: (v: string) => string) => (s: Statement): Statement => ({ ...s, conditions: s.conditions.map((c) => ({ ...c, values: c.values.map(f) })) });

describe('the trust of an Identity Center role', () => {
  it('is proved as lowered', () => {
    const { intent, program } = compiled();
    expect(verifyProgram(intent, program)).toEqual([]);
  });

  it('is refused without its ArnLike, or with a glob, another region or another account', () => {
    const { intent, program } = compiled();
    const broken: Record<string, CompiledProgram> = {
      dropped: withTrust(program, (s) => ({ ...s, conditions: [] })),
      star: withTrust(program, arnPattern((v) => v.replace(/\?{16}$/, '*'))),
      seventeen: withTrust(program, arnPattern((v) => `${v}?`)),
      region: withTrust(program, arnPattern((v) => v.replace('/eu-west-1/', '/us-west-2/'))),
      operator: withTrust(program, (s) => ({ ...s, conditions: s.conditions.map((c) => ({ ...c, operator: 'StringLike' })) })),
      account: withTrust(program, (s) => ({ ...s, principal: { AWS: ['arn:aws:iam::123456789012:root'] } })),
    };
    for (const [name, p] of Object.entries(broken)) expect(verifyProgram(intent, p).map((d) => d.code), name).toEqual(['IAM4101']);
  });
});
