/**
 * The seed article's hand-written policies (examples/lint/*.json) produce exactly the findings
 * listed in examples/lint/expected-findings.txt: codes and ranges, not prose, so wording can
 * improve freely. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/lint`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../compiler/lint/document.js';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';

const DIR = 'examples/lint';
const GOLDEN = `${DIR}/expected-findings.txt`;
/** The caps among the seed's policies, stated as a reviewer would with `--policy-type`; the rest are inferred. */
const TYPES: Record<string, DocumentKind> = { 'developer-boundary.json': 'boundary', 'security-guardrails-scp.json': 'scp' };

function findings(): string {
  const lines: string[] = [];
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    const path = `${DIR}/${name}`;
    const type = TYPES[name];
    const ds = lintPolicyFile(path, readFileSync(path, 'utf8'), type ? { type } : {});
    if (ds.length === 0) lines.push(`${name} clean`);
    for (const d of ds) lines.push(`${name} ${d.code} ${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('examples/lint', () => {
  it('produce the checked-in findings', () => {
    const actual = findings();
    if (process.env['UPDATE_GOLDEN']) writeFileSync(GOLDEN, actual);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('flag each unsafe form the seed article writes by hand', () => {
    const text = readFileSync(GOLDEN, 'utf8');
    const has = (file: string, code: string) => text.split('\n').some((l) => l.startsWith(`${file} ${code} `));
    expect(has('ec2-app-permissions.json', 'IAM5104')).toBe(true); // ssm:GetParameter*
    expect(has('ec2-app-permissions.json', 'IAM5123')).toBe(true); // ssm:DescribeParameters on a parameter ARN
    expect(has('github-trust.json', 'IAM5109')).toBe(true); // sub only, no aud
    expect(has('github-trust.json', 'IAM5113')).toBe(true); // StringLike without a wildcard
    expect(has('github-deploy-policy.json', 'IAM5105')).toBe(true); // s3:*, ec2:*, rds:*
    expect(has('github-deploy-policy.json', 'IAM5108')).toBe(true); // iam:PassRole on *
    expect(has('github-deploy-policy.json', 'IAM5122')).toBe(true); // PassRole with ec2:RunInstances
    expect(has('azure-devops-trust.json', 'IAM5109')).toBe(true);
    expect(has('azure-devops-trust.json', 'IAM5117')).toBe(true); // oidc.azuredevops.com is no issuer
    expect(has('developer-boundary.json', 'IAM5119')).toBe(true); // iam:PermissionsBoundary on PassRole
    expect(has('ecs-task-execution-trust.json', 'IAM5114')).toBe(true);
    for (const clean of ['lambda-trust.json', 'ec2-app-trust.json', 'cross-account-trust.json', 'security-guardrails-scp.json']) {
      expect(text).toContain(`${clean} clean`);
    }
  });
});
