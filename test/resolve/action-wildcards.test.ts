/**
 * Reviewed action wildcards: `allow "ec2:Describe*" on "*" because "…"` becomes the exact actions
 * AWS's catalogue lists today; no wildcard reaches the output, and an unreviewed one is refused.
 */
import { describe, expect, it } from 'vitest';
import { expandActionGlob } from '../../compiler/catalogue/catalogue.js';
import { codes, compileText, policy } from '../helpers/compile.js';

const program = (statement: string): string => `account prod = 123456789012\nregion eu-west-1\nrole auditor for ec2 in prod {\n  ${statement}\n}\n`;
const yaml = (grant: string): string =>
  `accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  auditor:\n    for: ec2\n    in: prod\n    grants:\n      - ${grant}\n`;

function emittedActions(files: Record<string, string>): string[] {
  const result = compileText(files);
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  // A long expansion is cut across statements and policies (split-policy.ts): read them all.
  const written = [...(result.files?.keys() ?? [])].filter((f) => f.startsWith('iam/roles/auditor.policy'));
  return written.flatMap((f) => policy(result, f).Statement.flatMap((s) => s.Action as string[])).sort();
}

describe('reviewed action wildcards', () => {
  it('expands a reasoned wildcard to exactly the actions the catalogue lists today', () => {
    const today = expandActionGlob('ec2:Describe*');
    expect(today.length).toBeGreaterThan(100);
    const actions = emittedActions({ 'a.iam': program('allow "ec2:Describe*" on "*" because "the auditor inventories EC2"') });
    expect(actions).toEqual([...today].sort());
    expect(actions.some((a) => /[*?]/.test(a))).toBe(false);
  });
  it('reads the same in YAML', () => {
    const fromYaml = emittedActions({ 'a.iam.yaml': yaml('{ allow: "ec2:Describe*", on: "*", because: "the auditor inventories EC2" }') });
    expect(fromYaml).toEqual([...expandActionGlob('ec2:Describe*')].sort());
  });
  it('expands `?` too, and a wildcard beside exact actions merges without duplicates', () => {
    const actions = emittedActions({ 'a.iam': program('allow ["sqs:Get?ueueUrl", "sqs:GetQueueUrl", "sqs:List*"] on "*" because "a queue browser"') });
    expect(actions).toEqual([...new Set(['sqs:GetQueueUrl', ...expandActionGlob('sqs:List*')])].sort());
  });
  it('cuts a long expansion along its actions, each piece within a managed policy', () => {
    const result = compileText({ 'a.iam': program('allow "ec2:Describe*" on "*" because "the auditor inventories EC2"') });
    const files = [...(result.files?.keys() ?? [])].filter((f) => f.startsWith('iam/roles/auditor.policy'));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(JSON.stringify(JSON.parse(result.files!.get(f)!)).length).toBeLessThanOrEqual(6144);
    const sids = files.flatMap((f) => policy(result, f).Statement.map((s) => s.Sid as string));
    expect(new Set(sids).size).toBe(sids.length);
  });
  it('refuses a wildcard without a reason, saying how many actions it stands for', () => {
    const result = compileText({ 'a.iam': program('allow "ec2:Describe*" on "*"') });
    expect(codes(result)).toContain('IAM2117');
    const d = result.diagnostics.find((x) => x.code === 'IAM2117')!;
    expect(d.message).toMatch(/needs a reason: iamc writes the \d+ actions it matches today/);
    expect([d.span.line, d.span.column]).toEqual([4, 9]);
    expect(result.files).toBeUndefined();
  });
  it('refuses every action of a service, even with a reason', () => {
    const result = compileText({ 'a.iam': program('allow "s3:*" on "*" because "everything"') });
    expect(codes(result)).toEqual(['IAM2117']);
    expect(result.diagnostics[0]!.message).toContain('full access is not an intent');
  });
  it('refuses a wildcard that matches nothing, and one in a deny', () => {
    expect(compileText({ 'a.iam': program('allow "ec2:Descibe*" on "*" because "typo"') }).diagnostics[0]!.message).toContain('matches no action of `ec2`');
    const deny = compileText({ 'a.iam': program('deny "s3:Delete*" on "*"') });
    expect(codes(deny)).toEqual(['IAM2117']);
    expect(deny.diagnostics[0]!.message).toContain('would let tomorrow');
  });
  it('suggests the nearest service for a misspelt prefix', () => {
    const result = compileText({ 'a.iam': program('allow "ec3:Describe*" on "*" because "x"') });
    expect(result.diagnostics[0]!.suggestion).toBe('did you mean `ec2`?');
  });
});
