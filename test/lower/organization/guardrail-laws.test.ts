/**
 * DESIGN §5 law 3: a guardrail denies exactly what it states, and exempt principals pass. The
 * compiled SCP is evaluated by an independent simulator (`@cloud-copilot/iam-simulate`) with an
 * identity policy that allows everything, so the SCP alone decides; the expected answer is written
 * from the guardrail's wording, not from the stdlib.
 */
import fc from 'fast-check';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { policyObject } from '../../../compiler/ir/policy-json.js';
import { ACCOUNTS, compileYamlText } from '../../resolve/organization/support.js';

const ALLOWED_REGIONS = ['eu-west-1', 'us-east-1'];
const EXEMPT_SERVICES = ['iam', 'organizations', 'route53', 'cloudfront'];

const { program, diagnostics } = compileYamlText(`${ACCOUNTS}
identity-center: { region: eu-west-1 }
guardrails:
  enterprise-security-guardrails:
    attach-to: [ { ou: ou-ab12-34cd5678 } ]
    rules:
      - deny: leave-organization
      - protect: cloudtrail
      - restrict-regions: [${ALLOWED_REGIONS.join(', ')}]
        except: [${EXEMPT_SERVICES.join(', ')}]
      - deny: root-user
    exempt: [ { role: break-glass }, { permission-set: Admin } ]
`);

/** Actions with a resource they accept; `*` for actions that take only `*`. */
const REQUESTS: readonly { action: string; resource: string }[] = [
  { action: 'organizations:LeaveOrganization', resource: '*' },
  { action: 'organizations:ListAccounts', resource: '*' },
  { action: 'cloudtrail:StopLogging', resource: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/main' },
  { action: 'cloudtrail:DeleteTrail', resource: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/main' },
  { action: 'cloudtrail:UpdateTrail', resource: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/main' },
  { action: 'cloudtrail:PutEventSelectors', resource: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/main' },
  { action: 'cloudtrail:StartLogging', resource: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/main' },
  { action: 'cloudtrail:LookupEvents', resource: '*' },
  { action: 'iam:CreateRole', resource: 'arn:aws:iam::123456789012:role/app' },
  { action: 'iam:ListRoles', resource: '*' },
  { action: 'route53:ListHostedZones', resource: '*' },
  { action: 'cloudfront:ListDistributions', resource: '*' },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' },
  { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:eu-west-1:123456789012:queue' },
  { action: 'ec2:DescribeInstances', resource: '*' },
  { action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/t' },
  // Obtaining an exemption: making or taking over a role of the exempt name.
  { action: 'iam:CreateRole', resource: 'arn:aws:iam::123456789012:role/break-glass' },
  { action: 'iam:UpdateAssumeRolePolicy', resource: 'arn:aws:iam::123456789012:role/break-glass' },
  { action: 'iam:AttachRolePolicy', resource: 'arn:aws:iam::123456789012:role/break-glass' },
  { action: 'iam:PutRolePolicy', resource: 'arn:aws:iam::123456789012:role/break-glass' },
  { action: 'iam:GetRole', resource: 'arn:aws:iam::123456789012:role/break-glass' },
  { action: 'iam:CreateRole', resource: 'arn:aws:iam::123456789012:role/break-glass-team/attacker' },
];
const PRINCIPALS = [
  'arn:aws:iam::123456789012:role/developer',
  'arn:aws:iam::123456789012:role/break-glass',
  'arn:aws:iam::123456789012:root',
  // Adversarial look-alikes of the exempt role: a longer name, and the name on a path.
  'arn:aws:iam::123456789012:role/break-glass-team/attacker',
  'arn:aws:iam::123456789012:role/ops/break-glass',
  // The Identity Center role of the exempt set, in two member accounts, and look-alikes: the name on
  // a path any admin may use, a longer set name, another set whose name starts with it, another
  // home region's path, and suffixes of 17 and 15 characters.
  'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef',
  'arn:aws:iam::210987654321:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_fedcba9876543210',
  'arn:aws:iam::123456789012:role/AWSReservedSSO_Admin_x',
  'arn:aws:iam::123456789012:role/AWSReservedSSO_Admin_0123456789abcdef',
  'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdminX_0123456789abcdef',
  'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_Ops_0123456789abcdef',
  'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_Admin_0123456789abcdef',
  'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef0',
  'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcde',
];

/**
 * The role Identity Center creates for set `Admin` (home region eu-west-1) in any account, as AWS's
 * Identity Center user guide names it: `/aws-reserved/sso.amazonaws.com/eu-west-1/`, then
 * `AWSReservedSSO_` + the set's name + `_` + a 16-character suffix (what follows the last `_`).
 */
function isAdminSetRole(principal: string): boolean {
  const m = /^arn:aws:iam::\d{12}:role\/aws-reserved\/sso\.amazonaws\.com\/eu-west-1\/AWSReservedSSO_([^/]*)$/.exec(principal);
  if (!m) return false;
  const last = m[1]!.lastIndexOf('_');
  return m[1]!.slice(0, last) === 'Admin' && m[1]!.length - last - 1 === 16;
}
const EXEMPT_ROLE_CHANGES = ['iam:CreateRole', 'iam:UpdateAssumeRolePolicy', 'iam:AttachRolePolicy', 'iam:PutRolePolicy'];
const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-south-1'];

/** The guardrail's wording: what it says it denies. */
function statedDenial(action: string, resource: string, principal: string, region: string): boolean {
  if (principal.endsWith(':role/break-glass') || isAdminSetRole(principal)) return false;
  if (EXEMPT_ROLE_CHANGES.includes(action) && resource.endsWith(':role/break-glass')) return true;
  const service = action.split(':')[0]!;
  if (action === 'organizations:LeaveOrganization') return true;
  if (['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors'].includes(action)) return true;
  if (!ALLOWED_REGIONS.includes(region) && !EXEMPT_SERVICES.includes(service)) return true;
  return principal.endsWith(':root');
}

const FULL_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('guardrails', () => {
  it('compile cleanly', () => {
    expect(diagnostics).toEqual([]);
  });

  it('SCP denies ⇔ the guardrail states it (exempt roles always pass, look-alikes never, and no one else may make or take over an exempt role)', async () => {
    const scp = policyObject(program.scps[0]!.policy);
    let denied = 0;
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REQUESTS), fc.constantFrom(...PRINCIPALS), fc.constantFrom(...REGIONS), async ({ action, resource }, principal, region) => {
        const result = await runSimulation(
          {
            request: {
              principal,
              action,
              resource: { resource, accountId: principal.split(':')[4]! },
              contextVariables: { 'aws:RequestedRegion': region, 'aws:PrincipalArn': principal },
            },
            identityPolicies: [{ name: 'admin', policy: FULL_ACCESS }],
            serviceControlPolicies: [{ orgIdentifier: 'ou-ab12-34cd5678', policies: [{ name: 'FullAWSAccess', policy: FULL_ACCESS }, { name: 'guardrail', policy: scp }] }],
            resourceControlPolicies: [],
          },
          {},
        );
        expect(result.resultType, JSON.stringify(result)).toBe('single');
        if (result.resultType !== 'single') return;
        const isDenied = result.overallResult !== 'Allowed';
        if (isDenied) denied++;
        else passed++;
        expect(isDenied, `${principal} ${action} on ${resource} in ${region}`).toBe(statedDenial(action, resource, principal, region));
      }),
      { numRuns: 400 },
    );
    // Both outcomes occur, so the law is not passing vacuously.
    expect(denied).toBeGreaterThan(10);
    expect(passed).toBeGreaterThan(10);
  });
});
