/**
 * A literal 12-digit account id means that account everywhere; no declaration can make it mean
 * another. A name that is an id would redirect every literal use of it (trusts, guardrail targets,
 * assignments), so it is refused.
 */
import { describe, expect, it } from 'vitest';
import { at as atFile, compileText, policy } from '../../helpers/compile.js';
import { at, compileYamlText } from './support.js';

const SHADOW = `account prod = 123456789012
account 111111111111 = 666666666666
region eu-west-1
role reader for role "app" in 111111111111 in prod {
  read s3 bucket "reports"
}
guardrail g attach-to account 111111111111 { deny leave-organization }
permission-set Reader {
  read s3 bucket "reports"
  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [111111111111]
}
`;

describe('accounts and literal ids', () => {
  it('refuses an account whose name is a 12-digit id (it would shadow that id)', () => {
    const result = compileText({ 'org.iam': SHADOW });
    expect(atFile(result)).toEqual(['IAM2170 org.iam:2:9']);
    expect(result.diagnostics[0]!.suggestion).toContain('name the account with a word');
  });

  it('refuses the same in YAML, and a name equal to its own id', () => {
    const { diagnostics } = compileYamlText('accounts: { "111111111111": "111111111111", prod: "123456789012" }\n');
    expect(at(diagnostics)).toEqual(['IAM2170 1:13']);
  });

  it('a literal id means itself in trusts, guardrail targets and assignments, even beside such a declaration', () => {
    const { intent } = compileYamlText(`accounts: { prod: "123456789012", "111111111111": "666666666666" }
region: eu-west-1
roles:
  reader:
    for: { role: app, in: "111111111111" }
    in: prod
    grants: [ { read s3 bucket: reports } ]
guardrails:
  g: { attach-to: [ { account: "111111111111" } ], rules: [ { deny: leave-organization } ] }
permission-sets:
  Reader:
    grants: [ { read s3 bucket: reports } ]
    assign: [ { group: 9067b5c2-b0d1-706d-e061-0734a974d092, to: ["111111111111"] } ]
`);
    expect(JSON.stringify(intent.roles[0]!.principal)).toContain('arn:aws:iam::111111111111:role/app');
    expect(JSON.stringify(intent.roles[0]!.principal)).not.toContain('666666666666');
    expect(intent.guardrails[0]!.attachTo.map((t) => t.id)).toEqual(['111111111111']);
    expect(intent.permissionSets[0]!.assignments[0]!.accounts.map((a) => a.id)).toEqual(['111111111111']);
  });

  it('a literal id of a declared account is that account, under its declared name', () => {
    const result = compileText({
      'org.iam': `account prod = 123456789012
region eu-west-1
role reader for ec2 in 123456789012 {
  read s3 bucket "reports"
}
`,
    });
    expect(result.diagnostics).toEqual([]);
    expect(policy(result, 'iam/roles/reader.policy.json').Statement.length).toBeGreaterThan(0);
    const manifest = JSON.parse(result.files!.get('manifest.json')!) as { roles: { account: string; accountName: string }[] };
    expect(manifest.roles[0]).toMatchObject({ account: '123456789012', accountName: 'prod' });
  });

  it('accepts word names and literal ids used without a declaration', () => {
    const result = compileText({
      'org.iam': `account prod = 123456789012
region eu-west-1
role reader for role "app" in 210987654321 in prod {
  read s3 bucket "reports"
}
`,
    });
    expect(result.diagnostics).toEqual([]);
  });
});
