/**
 * Golden tests for recovery: each typical mistake costs exactly one diagnostic, with its code and
 * its range at the mistake, in the `.iam` form as in YAML. Positions are `line:column-line:column`
 * (end exclusive), so wording can improve freely.
 */
import { describe, expect, it } from 'vitest';
import { codes, compileText } from '../../helpers/compile.js';

const HEAD = 'account prod = 123456789012\nregion eu-west-1\n\n';

function diagnostics(body: string): string[] {
  return compileText({ 'x.iam': `${HEAD}${body}` }).diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`);
}

describe('one error per mistake', () => {
  it('a misspelt verb: one diagnostic at the verb, the lines after it still read', () => {
    expect(diagnostics('role app for ec2 in prod {\n  consme sqs queue "orders"\n  read s3 objects "reports-bucket/*"\n}\n')).toEqual(['IAM2104 5:3-5:9']);
  });

  it('a missing target: one diagnostic at the end of its line, not at the brace or the next line', () => {
    expect(diagnostics('role app for ec2 in prod {\n  consume sqs queue\n  read s3 objects "reports-bucket/*"\n}\n')).toEqual(['IAM1203 5:20-5:20']);
  });

  it('a missing `}`: one diagnostic at the `{` left open, and the next declaration still read', () => {
    const body = 'role app for ec2 in prod {\n  consume sqs queue "orders"\n\nrole other for ec2 in prod {\n  consume sqs queue "jobs"\n}\n';
    expect(diagnostics(body)).toEqual(['IAM1220 4:26-4:27']);
  });

  it('a stray word after a complete statement: one diagnostic at the word', () => {
    expect(diagnostics('role app for ec2 in prod {\n  consume sqs queue "orders" please\n  read s3 objects "reports-bucket/*"\n}\n')).toEqual(['IAM1221 5:30-5:36']);
  });

  it('a misspelt clause keyword: one diagnostic at the word, with the keyword it resembles', () => {
    const result = compileText({ 'x.iam': `${HEAD}role app for ec2 in prod {\n  consume sqs queue "orders" wen mfa\n  consume sqs queue "jobs"\n}\n` });
    expect(codes(result)).toEqual(['IAM1221']);
    expect(result.diagnostics[0]!.suggestion).toBe('did you mean `when`?');
  });

  it('a misspelt setting keyword: one diagnostic at the word, not a grant that is missing its words', () => {
    const result = compileText({ 'x.iam': `${HEAD}permission-set Dev session 2h {\n  descripton "reads reports"\n  read s3 bucket "reports-bucket"\n}\n` });
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`)).toEqual(['IAM1203 5:3-5:13']);
    expect(result.diagnostics[0]!.suggestion).toBe('did you mean `description`?');
  });

  it('a clause left empty: one diagnostic at the end of its line', () => {
    expect(diagnostics('role app for ec2 in prod {\n  consume sqs queue "orders" because\n  consume sqs queue "jobs"\n}\n')).toEqual(['IAM1203 5:37-5:37']);
  });

  it('two mistakes in one block: one diagnostic each, on their own lines', () => {
    expect(diagnostics('role app for ec2 in prod {\n  consume sqs queue\n  send sqs queue "jobs" wen mfa\n}\n')).toEqual(['IAM1203 5:20-5:20', 'IAM1221 6:25-6:28']);
  });

  it('a missing target before a line that starts a statement: one diagnostic, not a grant that swallowed `assign`', () => {
    const body = 'permission-set Data session 2h {\n  read s3 bucket\n  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod]\n}\n';
    expect(diagnostics(body)).toEqual(['IAM1203 5:17-5:17']);
  });

  it('the same mistakes in YAML cost one diagnostic each too', () => {
    const yaml = 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants:\n      - consme sqs queue: orders\n      - read s3 objects: reports-bucket/*\n';
    expect(codes(compileText({ 'x.iam.yaml': yaml }))).toEqual(['IAM2104']);
  });

  it('stays quiet on statements that span lines and lines that hold several statements', () => {
    const body = 'role app for ec2 in prod {\n  consume sqs queue\n    "orders"\n    when mfa\n    because "ops"\n  consume sqs queue "jobs" read s3 objects "reports-bucket/*"\n}\n';
    expect(diagnostics(body)).toEqual([]);
  });
});
