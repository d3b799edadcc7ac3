/**
 * The pattern forms end to end, in both syntaxes: targetless grants, targets that become a
 * condition, `in ACCOUNT` on a grant; each mistake a coded diagnostic at the word.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, hasErrors, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { emitIamJson } from '../../compiler/emit/iam-json.js';
import { lowerProgram } from '../../compiler/lower/lower.js';
import { resolveProgram } from '../../compiler/resolve/resolve.js';
import { parseSource } from '../../compiler/syntax/parse-source.js';
import { verifyProgram } from '../../compiler/verify/verify.js';

/**
 * Parse, resolve, lower and prove, without the linter: the linter's rule for a stdlib part on `*`
 * whose action has only an optional resource type (PutMetricData, GetMetricData) is taught on its
 * own; what is checked here is what these forms compile to and that the proof accepts it.
 */
interface Phased {
  readonly diagnostics: readonly Diagnostic[];
  readonly verification: readonly Diagnostic[];
  readonly files: ReadonlyMap<string, string>;
}
function compileText(files: Record<string, string>): Phased {
  const parsed = Object.entries(files).map(([path, text]) => parseSource(path, text));
  const diagnostics = parsed.flatMap((p) => p.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics, verification: [], files: new Map() };
  const resolved = resolveProgram(parsed.map((p) => p.value));
  if (hasErrors(resolved.diagnostics)) return { diagnostics: [...diagnostics, ...resolved.diagnostics], verification: [], files: new Map() };
  const program = lowerProgram(resolved.value, new DiagnosticBag());
  return { diagnostics: [...diagnostics, ...resolved.diagnostics], verification: verifyProgram(resolved.value, program), files: emitIamJson(program) };
}
const codes = (r: Phased): string[] => [...r.diagnostics, ...r.verification].map((d) => d.code);
const at = (r: Phased): string[] => r.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.line}:${d.span.column}`);
function policy(r: Phased, path: string): { Statement: Record<string, unknown>[] } {
  const text = r.files.get(path);
  if (text === undefined) throw new Error(`no ${path}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return JSON.parse(text) as { Statement: Record<string, unknown>[] };
}

const HEAD = 'account prod = 111111111111\naccount tools = 222222222222\nregion eu-west-1\n';
const YAML_HEAD = 'accounts: { prod: "111111111111", tools: "222222222222" }\nregion: eu-west-1\nroles:\n';

function dsl(body: string): Phased {
  return compileText({ 'app.iam': `${HEAD}role app for lambda "app" in prod {\n${body}\n}\n` });
}
function yaml(grants: string): Phased {
  return compileText({ 'app.iam.yaml': `${YAML_HEAD}  app:\n    for: { lambda: app }\n    in: prod\n    grants:\n${grants}` });
}
const statements = (r: Phased) => policy(r, 'iam/roles/app.policy.json').Statement.filter((s) => !JSON.stringify(s.Resource).includes('log-group'));

describe('a targetless grant', () => {
  it('is on `*` with no reason asked, and never takes the next line as its target', () => {
    const r = dsl('  write xray traces\n  read s3 bucket "reports"');
    expect(codes(r)).toEqual([]);
    const s = statements(r);
    expect(s.find((x) => JSON.stringify(x.Action).includes('xray'))).toMatchObject({
      Action: ['xray:GetSamplingRules', 'xray:GetSamplingStatisticSummaries', 'xray:GetSamplingTargets', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
      Resource: ['*'],
    });
    expect(s.some((x) => JSON.stringify(x.Resource) === '["arn:aws:s3:::reports"]')).toBe(true);
  });

  it('is the plain string `- write xray traces` in YAML, and means the same', () => {
    const a = dsl('  write xray traces\n  read s3 bucket "reports"');
    const b = yaml('      - write xray traces\n      - read s3 bucket: reports\n');
    expect(codes(b)).toEqual([]);
    expect(statements(b)).toEqual(statements(a));
  });

  it('still takes `when` and `because`, in both syntaxes', () => {
    const a = dsl('  write xray traces when mfa because "tracing"');
    const b = yaml('      - write xray traces:\n        when: { mfa: true }\n        because: tracing\n');
    expect(codes(a)).toEqual([]);
    expect(codes(b)).toEqual([]);
    expect(statements(a)[0]).toMatchObject({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    expect(statements(b)).toEqual(statements(a));
  });

  it('written with a target is IAM2133 at the target, in both syntaxes', () => {
    expect(at(dsl('  write xray traces "x"'))).toEqual(['IAM2133 app.iam:5:21']);
    expect(codes(yaml('      - write xray traces: x\n'))).toEqual(['IAM2133']);
    expect(codes(dsl('  write xray traces []'))).toEqual(['IAM2133']);
  });
});

describe('a grant that needs a target', () => {
  it('written without one in YAML is IAM2133 with an example', () => {
    const r = yaml('      - read s3 bucket\n');
    expect(codes(r)).toEqual(['IAM2133']);
    expect(r.diagnostics[0]!.suggestion).toContain('read s3 bucket "NAME"');
  });

  it('written without one in `.iam` is the parser\'s missing-word error at the end of its line, not a grant that took the next line', () => {
    expect(at(dsl('  write xray traces\n  read s3 bucket'))).toEqual(['IAM1203 app.iam:6:17']);
  });
});

describe('a target that becomes a condition', () => {
  it('puts metric data on `*` in that namespace only', () => {
    const r = dsl('  write cloudwatch metrics "MyApp"');
    expect(codes(r)).toEqual([]);
    expect(statements(r)).toEqual([
      { Sid: expect.any(String), Effect: 'Allow', Action: ['cloudwatch:PutMetricData'], Resource: ['*'], Condition: { StringEquals: { 'cloudwatch:namespace': 'MyApp' } } },
    ]);
  });

  it('matches a glob namespace with StringLike, and asks no reason for the `*` resource', () => {
    const r = dsl('  write cloudwatch metrics "MyApp/*"');
    expect(codes(r)).toEqual([]);
    expect(statements(r)[0]!.Condition).toEqual({ StringLike: { 'cloudwatch:namespace': 'MyApp/*' } });
  });

  it('never merges two namespaces into one statement that loses either condition', () => {
    for (const r of [dsl('  write cloudwatch metrics ["A", "B"]'), dsl('  write cloudwatch metrics "A"\n  write cloudwatch metrics "B"'), yaml('      - write cloudwatch metrics: [A, B]\n')]) {
      expect(codes(r)).toEqual([]);
      const conditions = statements(r).map((s) => s.Condition);
      expect(conditions).toHaveLength(2);
      expect(conditions).toContainEqual({ StringEquals: { 'cloudwatch:namespace': 'A' } });
      expect(conditions).toContainEqual({ StringEquals: { 'cloudwatch:namespace': 'B' } });
      expect(r.verification).toEqual([]);
    }
  });

  it('checks the value by the shape\'s rule (IAM2111), not as an ARN or a name glob', () => {
    expect(at(dsl('  write cloudwatch metrics "AWS/EC2"'))).toEqual(['IAM2111 app.iam:5:28']);
    expect(codes(yaml('      - write cloudwatch metrics: "AWS/Lambda"\n'))).toEqual(['IAM2111']);
  });
});

describe('`in ACCOUNT` on a grant', () => {
  it('builds the targets in that declared account, in both syntaxes', () => {
    const a = dsl('  consume sqs queue "jobs" in tools');
    const b = yaml('      - consume sqs queue: jobs\n        in: tools\n');
    expect(codes(a)).toEqual([]);
    expect(statements(a)[0]!.Resource).toEqual(['arn:aws:sqs:eu-west-1:222222222222:jobs']);
    expect(statements(b)).toEqual(statements(a));
  });

  it('is refused on a grant that names no resource (IAM2119): there is nothing to place', () => {
    expect(at(dsl('  write xray traces in tools'))).toEqual(['IAM2119 app.iam:5:24']);
    expect(codes(yaml('      - write cloudwatch metrics: MyApp\n        in: tools\n'))).toEqual(['IAM2119']);
  });

  it('names an unknown account with the nearest declared one (IAM2102)', () => {
    const r = dsl('  consume sqs queue "jobs" in tols');
    expect(at(r)).toEqual(['IAM2102 app.iam:5:31']);
    expect(r.diagnostics[0]!.suggestion).toContain('tools');
  });

  it('fixes the account of a name in a permission set assigned to several accounts (no IAM2132)', () => {
    const set = (grant: string) =>
      compileText({ 'ps.iam': `${HEAD}permission-set Ops {\n  ${grant}\n  assign group "9067b5c2-b0d1-706d-e061-0734a974d092" to [prod, tools]\n}\n` });
    expect(codes(set('consume sqs queue "jobs"'))).toEqual(['IAM2132']);
    expect(codes(set('consume sqs queue "jobs" in tools'))).toEqual([]);
  });
});

describe('options', () => {
  it('an option key a pattern does not declare is IAM2119 at the key, saying what it takes', () => {
    const r = yaml('      - consume sqs queue: jobs\n        family: web\n');
    expect(codes(r)).toEqual(['IAM2119']);
    expect(r.diagnostics[0]!.message).toContain('it takes none');
  });

  it('a misspelt clause key stays an unknown key with the clause it resembles (IAM1104)', () => {
    const r = yaml('      - consume sqs queue: jobs\n        becuase: x\n');
    expect(codes(r)).toEqual(['IAM1104']);
    expect(r.diagnostics[0]!.suggestion).toContain('because');
  });
});
