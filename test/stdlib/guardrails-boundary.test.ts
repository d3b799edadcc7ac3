import { describe, expect, it } from 'vitest';
import {
  arnMatchesResourceType,
  conditionKeyApplies,
  isGlobalConditionKey,
  lookupAction,
  serviceExists,
} from '../../compiler/catalogue/catalogue.js';
import { boundaryProtections, delegatedRoleCreation, PERMISSIONS_BOUNDARY_KEY, roleCreationWithoutThisBoundary } from '../../stdlib/boundary.js';
import { exemptRoleProtection, exemptRoles, findGuardrail, GLOBAL_SERVICES, GUARDRAILS, regionRestriction } from '../../stdlib/guardrails.js';
import type { StdlibStatement } from '../../stdlib/statement.js';

const BOUNDARY = 'arn:aws:iam::123456789012:policy/developer-boundary';

/** Same drift rules as the patterns, for statements: `*` as an action is allowed in a Deny only. */
function problems(statements: readonly StdlibStatement[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    for (const name of s.actions ?? []) {
      if (name === '*') {
        if (s.effect !== 'Deny') out.push(`${s.sid}: * in an Allow`);
        for (const c of s.conditions) if (!isGlobalConditionKey(c.key)) out.push(`${s.sid}: ${c.key} is not global`);
        continue;
      }
      const action = lookupAction(name);
      if (!action || `${action.service}:${action.name}` !== name) {
        out.push(`${s.sid}: ${name} is not in the catalogue`);
        continue;
      }
      for (const r of s.resources) {
        if (r === '*') continue;
        if (!action.resourceTypes.some((rt) => arnMatchesResourceType(r, action.service, rt.name))) out.push(`${s.sid}: ${name} on ${r}`);
      }
      for (const c of s.conditions) if (!conditionKeyApplies(action, c.key)) out.push(`${s.sid}: ${c.key} on ${name}`);
    }
    for (const n of s.notActions ?? []) if (!serviceExists(n.split(':')[0]!)) out.push(`${s.sid}: ${n}`);
  }
  return out;
}

describe('guardrails', () => {
  it.each(GUARDRAILS.map((g) => [g.id, g] as const))('%s agrees with the catalogue and only denies', (_id, g) => {
    const statements = g.statements('aws');
    expect(problems(statements)).toEqual([]);
    for (const s of statements) expect(s.effect).toBe('Deny');
  });
  it('finds guardrails by the words written', () => {
    expect(findGuardrail('protect', 'cloudtrail')?.id).toBe('protect.cloudtrail');
    expect(findGuardrail('deny', 'cloudtrail')).toBeUndefined();
    expect(GUARDRAILS.map((g) => g.id)).toEqual(['deny.leave-organization', 'deny.root-user', 'protect.cloudtrail']);
  });
  it('denies the root user by principal ARN', () => {
    expect(findGuardrail('deny', 'root-user')?.statements('aws')[0]?.conditions).toEqual([
      { operator: 'ArnLike', key: 'aws:PrincipalArn', values: ['arn:aws:iam::*:root'] },
    ]);
  });
  it('restricts regions except the named services', () => {
    const s = regionRestriction(['us-east-1', 'eu-west-1', 'eu-west-1'], ['route53', 'iam']);
    expect(s).toEqual({
      sid: 'DenyOutsideRegions',
      effect: 'Deny',
      notActions: ['iam:*', 'route53:*'],
      resources: ['*'],
      conditions: [{ operator: 'StringNotEquals', key: 'aws:RequestedRegion', values: ['eu-west-1', 'us-east-1'] }],
    });
    expect(problems([s])).toEqual([]);
  });
  it('lists global services that exist, sorted', () => {
    for (const s of GLOBAL_SERVICES) expect(serviceExists(s), s).toBe(true);
    expect([...GLOBAL_SERVICES].sort()).toEqual(GLOBAL_SERVICES);
  });
  it('exempts roles by ARN in any account', () => {
    expect(exemptRoles('aws', ['break-glass'])).toEqual({ operator: 'ArnNotLike', key: 'aws:PrincipalArn', values: ['arn:aws:iam::*:role/break-glass'] });
    expect(exemptRoles('aws', [])).toBeUndefined();
  });
  it('protects exempt role names with actions that exist and accept a role ARN', () => {
    expect(problems([exemptRoleProtection('aws', ['break-glass'])!])).toEqual([]);
    expect(exemptRoleProtection('aws', [])).toBeUndefined();
  });
});

describe('boundary protections', () => {
  it('agree with the catalogue', () => {
    expect(
      problems([...boundaryProtections('aws', '123456789012', BOUNDARY, false), delegatedRoleCreation('aws', '123456789012', BOUNDARY), roleCreationWithoutThisBoundary('aws', '123456789012', BOUNDARY)]),
    ).toEqual([]);
  });
  it('deny edits of the boundary policy and its removal', () => {
    const [edits, removal, ...rest] = boundaryProtections('aws', '123456789012', BOUNDARY, true);
    expect(edits?.actions).toEqual(['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion']);
    expect(edits?.resources).toEqual([BOUNDARY]);
    expect(removal?.actions).toEqual(['iam:DeleteRolePermissionsBoundary']);
    expect(rest).toEqual([]);
  });
  it('without delegation, deny putting any boundary on a role (a bounded role cannot replace its own)', () => {
    const replacement = boundaryProtections('aws', '123456789012', BOUNDARY, false)[2];
    expect(replacement).toMatchObject({ effect: 'Deny', actions: ['iam:PutRolePermissionsBoundary'], resources: ['arn:aws:iam::123456789012:role/*'], conditions: [] });
  });
  it('delegates role creation only with the same boundary', () => {
    const s = delegatedRoleCreation('aws', '123456789012', BOUNDARY);
    expect(s.conditions).toEqual([{ operator: 'StringEquals', key: 'iam:PermissionsBoundary', values: [BOUNDARY] }]);
  });
  it('iam:PermissionsBoundary applies to role creation but never to PassRole (the seed article’s mistake)', () => {
    expect(conditionKeyApplies(lookupAction('iam:CreateRole')!, PERMISSIONS_BOUNDARY_KEY)).toBe(true);
    expect(conditionKeyApplies(lookupAction('iam:PutRolePermissionsBoundary')!, PERMISSIONS_BOUNDARY_KEY)).toBe(true);
    expect(conditionKeyApplies(lookupAction('iam:PassRole')!, PERMISSIONS_BOUNDARY_KEY)).toBe(false);
  });
});
