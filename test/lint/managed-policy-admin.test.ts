/** Administrator-equivalence read from a managed policy's document, beside the stdlib's list (IAM5161). */
import { describe, expect, it } from 'vitest';
import { adminEquivalentPolicy, adminReach } from '../../compiler/lint/rules/managed-policies.js';

describe('administrator-equivalent managed policies', () => {
  it('reads `*` and `iam:*` on every resource, unconditioned, as administrator access', () => {
    expect(adminReach([{ Effect: 'Allow', Action: '*', Resource: '*' }])).toBe('every action on every resource');
    expect(adminReach([{ Effect: 'Allow', Action: ['s3:GetObject', 'iam:*'], Resource: ['*'] }])).toContain('every IAM action');
  });

  it('does not call a conditioned, service-wide or resource-scoped statement administrator access', () => {
    expect(adminReach([{ Effect: 'Allow', Action: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }])).toBeUndefined();
    expect(adminReach([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])).toBeUndefined();
    expect(adminReach([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }])).toBeUndefined();
    expect(adminReach([{ Effect: 'Deny', Action: '*', Resource: '*' }])).toBeUndefined();
  });

  it('judges the shipped documents: AdministratorAccess is, SecurityAudit and ReadOnlyAccess are not', () => {
    expect(adminEquivalentPolicy({ policy: 'arn:aws:iam::aws:policy/AdministratorAccess', aws: true })?.name).toBe('AdministratorAccess');
    expect(adminEquivalentPolicy({ policy: 'arn:aws:iam::aws:policy/SecurityAudit', aws: true })).toBeUndefined();
    expect(adminEquivalentPolicy({ policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess', aws: true })).toBeUndefined();
  });
});
