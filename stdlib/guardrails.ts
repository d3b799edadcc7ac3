/**
 * Guardrails as SCP statement data: `deny leave-organization`, `protect cloudtrail`,
 * `deny root-user`, and the pieces of `restrict regions … except […]`. Every statement denies;
 * SCPs grant nothing. Exempt roles are added by lowering with `exemptRoles` below.
 */
import type { ConditionClause } from '../compiler/ir/intent.js';
import type { StdlibStatement } from './statement.js';

export interface GuardrailPattern {
  /** `deny.leave-organization` */
  readonly id: string;
  /** The word before the name: `deny leave-organization`, `protect cloudtrail`. */
  readonly kind: 'deny' | 'protect';
  readonly name: string;
  readonly doc: string;
  readonly statements: (partition: string) => readonly StdlibStatement[];
}

export const GUARDRAILS: readonly GuardrailPattern[] = [
  {
    id: 'deny.leave-organization',
    kind: 'deny',
    name: 'leave-organization',
    doc: 'no account may leave the organisation (and so shed every SCP)',
    // LeaveOrganization accepts only `*`.
    statements: () => [
      { sid: 'DenyLeaveOrganization', effect: 'Deny', actions: ['organizations:LeaveOrganization'], resources: ['*'], conditions: [] },
    ],
  },
  {
    id: 'deny.root-user',
    kind: 'deny',
    name: 'root-user',
    doc: 'the root user of member accounts can do nothing',
    // Every action: the root user of a member account should need none day to day, and the
    // management account is never subject to SCPs, so the organisation cannot lock itself out.
    statements: (partition) => [
      {
        sid: 'DenyRootUser',
        effect: 'Deny',
        actions: ['*'],
        resources: ['*'],
        conditions: [{ operator: 'ArnLike', key: 'aws:PrincipalArn', values: [`arn:${partition}:iam::*:root`] }],
      },
    ],
  },
  {
    id: 'protect.cloudtrail',
    kind: 'protect',
    name: 'cloudtrail',
    doc: 'trails cannot be stopped, deleted or have their logging changed',
    // The actions act only on trails, so `*` names no more than every trail; names checked in the
    // catalogue by test/stdlib/guardrails.test.ts.
    statements: () => [
      {
        sid: 'ProtectCloudTrail',
        effect: 'Deny',
        actions: ['cloudtrail:DeleteTrail', 'cloudtrail:PutEventSelectors', 'cloudtrail:StopLogging', 'cloudtrail:UpdateTrail'],
        resources: ['*'],
        conditions: [],
      },
    ],
  },
];

export function findGuardrail(kind: string, name: string): GuardrailPattern | undefined {
  return GUARDRAILS.find((g) => g.kind === kind && g.name === name);
}

/**
 * Services with a single global endpoint (in us-east-1), whose calls a region restriction must let
 * through or they break everywhere. From the AWS Organizations example SCP "Deny access to AWS
 * based on the requested AWS Region", trimmed to whole services; the linter warns when a
 * `restrict regions` leaves one of them out.
 */
export const GLOBAL_SERVICES: readonly string[] = [
  'account',
  'budgets',
  'ce',
  'cloudfront',
  'globalaccelerator',
  'health',
  'iam',
  'importexport',
  'networkmanager',
  'organizations',
  'pricing',
  'route53',
  'route53domains',
  'shield',
  'sts',
  'support',
  'trustedadvisor',
  'waf',
];

/**
 * Where a global service's calls are made: `aws:RequestedRegion` is this region for every call to
 * its single endpoint. us-east-1 unless listed (AWS documents Global Accelerator's and Network
 * Manager's control planes in us-west-2).
 */
const GLOBAL_SERVICE_HOME: Readonly<Record<string, string>> = { globalaccelerator: 'us-west-2', networkmanager: 'us-west-2' };

export function globalServiceHome(service: string): string {
  return GLOBAL_SERVICE_HOME[service] ?? 'us-east-1';
}

/** Global services a region restriction would cut off: neither excepted nor homed in an allowed region. */
export function blockedGlobalServices(regions: readonly string[], exceptServices: readonly string[]): string[] {
  return GLOBAL_SERVICES.filter((s) => !exceptServices.includes(s) && !regions.includes(globalServiceHome(s)));
}

/**
 * `restrict regions [..] except [services]`: deny every action outside the regions, except the
 * named services' actions. `svc:*` in NotAction of a Deny narrows the deny, so the wildcard cannot
 * widen any grant.
 */
export function regionRestriction(regions: readonly string[], exceptServices: readonly string[]): StdlibStatement {
  return {
    sid: 'DenyOutsideRegions',
    effect: 'Deny',
    notActions: [...new Set(exceptServices)].sort().map((s) => `${s}:*`),
    resources: ['*'],
    conditions: [{ operator: 'StringNotEquals', key: 'aws:RequestedRegion', values: [...new Set(regions)].sort() }],
  };
}

/**
 * What a member account's admin would do to obtain an exemption: create a role of an exempt name,
 * or take over an existing one (its trust, its policies, its boundary, its tags). The guardrail
 * denies these on the exempt names to everyone but the exempt roles themselves.
 */
export const EXEMPT_ROLE_CHANGES: readonly string[] = [
  'iam:AttachRolePolicy',
  'iam:CreateRole',
  'iam:DeleteRole',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
];

/** The exempt roles' ARNs in every member account: a role named so, on the path `/`. */
export function exemptRoleArns(partition: string, roleNames: readonly string[]): string[] {
  return [...roleNames].sort().map((name) => `arn:${partition}:iam::*:role/${name}`);
}

/**
 * `exempt role "break-glass"` makes a name special in every member account, so the guardrail
 * also keeps that name out of reach: no one but an exempt role may create, or change, a role of
 * that name (lowering adds the exemption to this statement as to every other).
 */
export function exemptRoleProtection(partition: string, roleNames: readonly string[]): StdlibStatement | undefined {
  if (roleNames.length === 0) return undefined;
  return { sid: 'ProtectExemptRoles', effect: 'Deny', actions: EXEMPT_ROLE_CHANGES, resources: exemptRoleArns(partition, roleNames), conditions: [] };
}

/**
 * `exempt role "break-glass"`: the deny does not reach these roles, in any member account.
 * `exempt permission-set "Admin"` adds the `aws:PrincipalArn` pattern of each set's Identity Center
 * role (exactly 16 `?` after the set's name, on AWS's `/aws-reserved/` path: see
 * stdlib/identity-center-roles.ts), the only patterns an exemption holds.
 */
export function exemptRoles(partition: string, roleNames: readonly string[], permissionSetRoles: readonly string[] = []): ConditionClause | undefined {
  if (roleNames.length === 0 && permissionSetRoles.length === 0) return undefined;
  return {
    operator: 'ArnNotLike',
    key: 'aws:PrincipalArn',
    values: [...exemptRoleArns(partition, roleNames), ...permissionSetRoles],
  };
}
