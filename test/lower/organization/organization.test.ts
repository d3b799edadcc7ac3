import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conditionKeyApplies, lookupAction } from '../../../compiler/catalogue/catalogue.js';
import { policyObject } from '../../../compiler/ir/policy-json.js';
import type { Statement } from '../../../compiler/ir/policy.js';
import { scpBytes } from '../../../compiler/lower/guardrails.js';
import { SCP_MAX_BYTES } from '../../../compiler/lower/limits.js';
import { ACCOUNTS, at, compileYamlText } from '../../resolve/organization/support.js';

const seed = readFileSync(new URL('../../../examples/seed.iam.yaml', import.meta.url), 'utf8');
const compiled = compileYamlText(seed, 'seed.iam.yaml');
const BOUNDARY_ARN = 'arn:aws:iam::${aws:PrincipalAccount}:policy/developer-iam-boundary';

const bySid = (statements: readonly Statement[], sid: string) => {
  const found = statements.find((s) => s.sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
};

describe('boundaries', () => {
  const boundary = compiled.program.boundaries[0]!;

  it('is created in the accounts of the roles it bounds', () => {
    expect(compiled.diagnostics).toEqual([]);
    expect(boundary.accounts.map((a) => a.name)).toEqual(['prod']);
  });

  it('`allow services` is the ceiling: each service on `*`', () => {
    expect(bySid(boundary.policy.statements, 'AllowServices')).toMatchObject({ effect: 'Allow', actions: ['dynamodb:*', 'ec2:*', 'lambda:*', 's3:*'], resources: ['*'] });
  });

  it('protects itself: not editable, not deletable, not removable from a role', () => {
    expect(bySid(boundary.policy.statements, 'DenyBoundaryPolicyEdits')).toMatchObject({
      effect: 'Deny',
      actions: ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion'],
      resources: [BOUNDARY_ARN],
    });
    expect(bySid(boundary.policy.statements, 'DenyBoundaryRemoval')).toMatchObject({ effect: 'Deny', actions: ['iam:DeleteRolePermissionsBoundary'] });
  });

  it('delegated role creation requires this boundary, with a key that applies to those actions', () => {
    const allow = bySid(boundary.policy.statements, 'AllowRoleCreationWithThisBoundary');
    const deny = bySid(boundary.policy.statements, 'DenyRoleCreationWithoutThisBoundary');
    expect(allow.conditions).toEqual([{ operator: 'StringEquals', key: 'iam:PermissionsBoundary', values: [BOUNDARY_ARN] }]);
    expect(deny.conditions).toEqual([{ operator: 'StringNotEquals', key: 'iam:PermissionsBoundary', values: [BOUNDARY_ARN] }]);
    for (const s of [allow, deny]) for (const a of s.actions!) expect(conditionKeyApplies(lookupAction(a)!, 'iam:PermissionsBoundary'), a).toBe(true);
  });

  it('the seed article\'s key on `iam:PassRole` never applies (why its boundary fails)', () => {
    expect(conditionKeyApplies(lookupAction('iam:PassRole')!, 'iam:PermissionsBoundary')).toBe(false);
    expect(conditionKeyApplies(lookupAction('iam:CreatePolicyVersion')!, 'iam:PermissionsBoundary')).toBe(false);
  });

  it('every named action exists and every condition key applies to it', () => {
    for (const s of boundary.policy.statements) {
      for (const action of s.actions ?? []) {
        if (action.endsWith(':*')) continue; // the ceiling's service wildcards
        const found = lookupAction(action);
        expect(found, action).toBeDefined();
        for (const c of s.conditions) expect(conditionKeyApplies(found!, c.key), `${action} ${c.key}`).toBe(true);
      }
    }
  });

  it('without delegation there is no role-creation Allow, no role is created without this boundary, and no boundary can be put on a role', () => {
    const { program } = compileYamlText(`${ACCOUNTS}
boundaries: { cap: { allow-services: [s3] } }
roles:
  r:
    for: ec2
    in: prod
    bounded-by: cap
    grants: [ { read s3 bucket: reports } ]
`);
    expect(program.boundaries[0]!.policy.statements.map((s) => s.sid)).toEqual(['DenyBoundaryPolicyEdits', 'DenyBoundaryRemoval', 'DenyBoundaryReplacement', 'DenyRoleCreationWithoutThisBoundary', 'AllowServices']);
    expect(bySid(program.boundaries[0]!.policy.statements, 'DenyBoundaryReplacement')).toMatchObject({ effect: 'Deny', actions: ['iam:PutRolePermissionsBoundary'], conditions: [] });
  });
});

describe('guardrails', () => {
  const scp = compiled.program.scps[0]!;

  it('every statement denies and spares the exempt roles', () => {
    expect(scp.targets).toEqual([{ kind: 'ou', id: 'ou-ab12-34cd5678' }]);
    expect(scp.policy.statements.map((s) => s.sid)).toEqual(['DenyLeaveOrganization', 'DenyOutsideRegions', 'DenyRootUser', 'ProtectCloudTrail', 'ProtectExemptRoles']);
    for (const s of scp.policy.statements) {
      expect(s.effect).toBe('Deny');
      expect(s.conditions).toContainEqual({ operator: 'ArnNotLike', key: 'aws:PrincipalArn', values: ['arn:aws:iam::*:role/break-glass'] });
    }
  });

  it('restricts regions with NotAction of the exempt services, and protects every trail action', () => {
    expect(bySid(scp.policy.statements, 'DenyOutsideRegions')).toMatchObject({
      notActions: ['cloudfront:*', 'globalaccelerator:*', 'iam:*', 'networkmanager:*', 'organizations:*', 'route53:*'],
      conditions: expect.arrayContaining([{ operator: 'StringNotEquals', key: 'aws:RequestedRegion', values: ['eu-west-1', 'us-east-1'] }]),
    });
    expect(bySid(scp.policy.statements, 'ProtectCloudTrail').actions).toEqual(['cloudtrail:DeleteTrail', 'cloudtrail:PutEventSelectors', 'cloudtrail:StopLogging', 'cloudtrail:UpdateTrail']);
  });

  it('counts size as Organizations does: UTF-8 bytes without whitespace outside strings', () => {
    expect(scpBytes(scp.policy)).toBe(Buffer.byteLength(JSON.stringify(policyObject(scp.policy))));
    const { program } = compileYamlText(`${ACCOUNTS}
guardrails:
  g:
    attach-to: [ root ]
    rules: [ { deny: "s3:GetObject", on: "arn:aws:s3:::reports/é" } ]
`);
    expect(program.scps[0]!.policy.statements[0]!.resources).toEqual(['arn:aws:s3:::reports/é']);
    expect(scpBytes(program.scps[0]!.policy)).toBe(JSON.stringify(policyObject(program.scps[0]!.policy)).length + 1);
  });

  it('an SCP over 5,120 bytes is IAM3103 at the guardrail', () => {
    const roles = Array.from({ length: 60 }, (_, i) => `{ role: exempt-role-number-${i} }`).join(', ');
    const { diagnostics, program } = compileYamlText(`${ACCOUNTS}
guardrails:
  big:
    attach-to: [ root ]
    rules: [ { deny: leave-organization }, { protect: cloudtrail } ]
    exempt: [ ${roles} ]
`);
    expect(scpBytes(program.scps[0]!.policy)).toBeGreaterThan(SCP_MAX_BYTES);
    expect(at(diagnostics)).toEqual(['IAM3103 5:3']);
  });

  it('a sixth guardrail on one target is IAM3150', () => {
    const guardrails = Array.from({ length: 6 }, (_, i) => `  g${i}:\n    attach-to: [ { account: prod } ]\n    rules: [ { deny: leave-organization } ]`).join('\n');
    const { diagnostics } = compileYamlText(`${ACCOUNTS}guardrails:\n${guardrails}\n`);
    expect(diagnostics.map((d) => d.code)).toEqual(['IAM3150']);
    expect(diagnostics[0]!.related).toHaveLength(5);
  });
});

describe('permission sets and analyzers', () => {
  it('lowers the seed permission set with an ISO-8601 session', () => {
    const [set] = compiled.program.permissionSets;
    expect(set).toMatchObject({ name: 'DataEngineer', sessionDuration: 'PT2H', assignments: [{ principalType: 'GROUP', accountIds: ['123456789012'] }] });
    expect(set!.policy.statements.flatMap((s) => s.resources)).toEqual(['arn:aws:s3:::analytics-reports', 'arn:aws:s3:::analytics-reports/*']);
  });

  it('an inline policy over 10,240 characters is IAM3104', () => {
    const targets = Array.from({ length: 400 }, (_, i) => `"bucket-with-a-long-name-${i}"`).join(', ');
    const { diagnostics } = compileYamlText(`${ACCOUNTS}
permission-sets:
  Big:
    grants: [ { read s3 bucket: [ ${targets} ] } ]
    assign: [ { group: 9067b5c2-b0d1-706d-e061-0734a974d092, to: [prod] } ]
`);
    expect(at(diagnostics)).toEqual(['IAM3104 5:3']);
  });

  it('one archive rule per trusted principal', () => {
    expect(compiled.program.analyzers).toMatchObject([
      { name: 'organization-security-analyzer', type: 'ORGANIZATION', archiveRules: [{ name: 'archive-111122223333', principal: '111122223333', reason: 'trusted partner account' }], alert: true },
    ]);
  });
});

describe('guardrail exemptions', () => {
  it('an exempt role cannot be created or taken over by anyone else in a member account', () => {
    const scp = compiled.program.scps[0]!;
    expect(bySid(scp.policy.statements, 'ProtectExemptRoles')).toMatchObject({
      effect: 'Deny',
      resources: ['arn:aws:iam::*:role/break-glass'],
      conditions: [{ operator: 'ArnNotLike', key: 'aws:PrincipalArn', values: ['arn:aws:iam::*:role/break-glass'] }],
    });
    expect(bySid(scp.policy.statements, 'ProtectExemptRoles').actions).toEqual(expect.arrayContaining(['iam:CreateRole', 'iam:UpdateAssumeRolePolicy', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:PutRolePermissionsBoundary']));
    for (const action of bySid(scp.policy.statements, 'ProtectExemptRoles').actions!) {
      expect(lookupAction(action), action).toBeDefined();
    }
  });

  it('without exemptions there is nothing to protect', () => {
    const { program } = compileYamlText(`${ACCOUNTS}
guardrails: { g: { attach-to: [ root ], rules: [ { deny: leave-organization } ] } }
`);
    expect(program.scps[0]!.policy.statements.map((s) => s.sid)).toEqual(['DenyLeaveOrganization']);
  });
});
