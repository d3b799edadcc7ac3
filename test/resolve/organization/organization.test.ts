import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../../compiler/diagnostics/diagnostic.js';
import { ACCOUNTS, at, compileYamlText } from './support.js';

const seed = readFileSync(new URL('../../../examples/seed.iam.yaml', import.meta.url), 'utf8');

describe('resolveOrganization', () => {
  it('resolves the seed article without a diagnostic', () => {
    const { intent, diagnostics } = compileYamlText(seed, 'seed.iam.yaml');
    expect(diagnostics).toEqual([]);
    expect(intent.boundaries.map((b) => [b.name, b.allowServices, b.delegateRoleCreation, b.accounts.map((a) => a.id)])).toEqual([
      ['developer-iam-boundary', ['dynamodb', 'ec2', 'lambda', 's3'], true, ['123456789012']],
    ]);
    const [guardrail] = intent.guardrails;
    expect(guardrail!.attachTo.map((t) => [t.kind, t.id])).toEqual([['ou', 'ou-ab12-34cd5678']]);
    expect(guardrail!.rules.map((r) => (r.kind === 'stdlib' ? r.id : r.kind))).toEqual(['deny.leave-organization', 'protect.cloudtrail', 'restrict-regions', 'deny.root-user']);
    expect(guardrail!.exemptRoles).toEqual(['break-glass']);
    const [set] = intent.permissionSets;
    expect(set).toMatchObject({ name: 'DataEngineer', sessionSeconds: 7200, description: 'Reads the analytics reports bucket' });
    expect(set!.assignments.map((a) => [a.principalType, a.principalId, a.accounts.map((x) => x.id)])).toEqual([['GROUP', '9067b5c2-b0d1-706d-e061-0734a974d092', ['123456789012']]]);
    // Targets are built in the assigned account, never with `*` there.
    expect(set!.grants.flatMap((g) => (g.kind === 'pattern' ? g.targets.map((t) => t.arn) : []))).toEqual(['arn:aws:s3:::analytics-reports']);
    expect(intent.analyzers).toMatchObject([{ name: 'organization-security-analyzer', type: 'ORGANIZATION', archivePrincipals: [{ value: '111122223333', because: 'trusted partner account' }], alert: true }]);
  });

  it('creates a boundary in every account a permission set bounded by it is assigned to', () => {
    const { intent, diagnostics } = compileYamlText(`${ACCOUNTS}
boundaries:
  cap: { allow-services: [s3] }
permission-sets:
  Reader:
    bounded-by: cap
    grants: [ { read s3 bucket: reports } ]
    assign: [ { group: 9067b5c2-b0d1-706d-e061-0734a974d092, to: [prod, source] } ]
`);
    expect(diagnostics).toEqual([]);
    expect(intent.boundaries[0]!.accounts.map((a) => a.name)).toEqual(['prod', 'source']);
    expect(intent.permissionSets[0]!.grants.flatMap((g) => (g.kind === 'pattern' ? g.targets.map((t) => t.arn) : []))).toEqual(['arn:aws:s3:::reports']);
  });

  it('reports each mistake at its word, with a suggestion where one is known', () => {
    const { diagnostics } = compileYamlText(`${ACCOUNTS}
guardrails:
  g:
    attach-to: [ { ou: ou-nope }, { account: prdo } ]
    rules:
      - deny: leave-organisation
      - restrict-regions: [eu-west-9]
        except: [route54]
    exempt: [ { role: "bad role" } ]
permission-sets:
  ThisNameIsFarTooLongForIdentityCenter:
    session: 13h
    bounded-by: nowhere
    assign: [ { group: not-a-guid, to: [prod] } ]
analyzers:
  a:
    scope: account
    archive: [ { principal: partner } ]
`);
    expect(at(sortDiagnostics(diagnostics))).toEqual([
      'IAM2111 6:24',
      'IAM2102 6:46',
      'IAM2116 8:15',
      'IAM2103 9:28',
      'IAM2105 10:18',
      'IAM2108 11:23',
      'IAM2150 13:3',
      'IAM2109 14:14',
      'IAM2116 15:17',
      'IAM2113 16:24',
      'IAM2101 20:29',
    ]);
    const byCode = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.suggestion);
    expect(byCode('IAM2116')).toContain('did you mean `leave-organization`?');
    expect(byCode('IAM2105')[0]).toBe('did you mean `route53`?');
    expect(byCode('IAM2103')[0]).toBe('did you mean `eu-west-1`?');
  });

  it('a permission set assigned nowhere cannot build ARNs from names', () => {
    const { diagnostics } = compileYamlText(`${ACCOUNTS}
permission-sets:
  Orphan:
    grants: [ { read s3 bucket: reports } ]
`);
    expect(at(diagnostics)).toEqual(['IAM2111 6:33']);
  });

  it('the default session is one hour', () => {
    const { intent } = compileYamlText(`${ACCOUNTS}
permission-sets:
  Short:
    assign: [ { user: 9067b5c2-b0d1-706d-e061-0734a974d092, to: [prod] } ]
`);
    expect(intent.permissionSets[0]).toMatchObject({ sessionSeconds: 3600, assignments: [{ principalType: 'USER' }] });
  });
});
