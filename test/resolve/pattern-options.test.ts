/**
 * Pattern options end to end, in both syntaxes. No stdlib pattern declares an option yet in this
 * suite's stdlib, so a fixture pattern stands in (a queue sender held to one VPC endpoint by an
 * option), with its word in the parser's option table, exactly as the generated table would hold it.
 */
import { describe, expect, it, vi } from 'vitest';
import { DiagnosticBag, hasErrors, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { emitIamJson } from '../../compiler/emit/iam-json.js';
import { lowerProgram } from '../../compiler/lower/lower.js';
import { resolveProgram } from '../../compiler/resolve/resolve.js';
import { parseSource } from '../../compiler/syntax/parse-source.js';
import { verifyProgram } from '../../compiler/verify/verify.js';
import { grantCells } from '../../compiler/verify/denotation.js';
import type { PatternGrant } from '../../compiler/ir/intent.js';

vi.mock('../../grammar/pattern-forms.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  OPTION_WORDS: { endpoint: 'VPC endpoint id' },
}));

vi.mock('../../stdlib/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../stdlib/index.js')>();
  const send = real.findPattern('sqs', 'send', 'queue')!;
  const fixture: typeof send = {
    ...send,
    id: 'sqs.send-through.queue',
    verb: 'send-through',
    options: { endpoint: { hint: 'VPC endpoint id', check: (v) => (/^vpce-[0-9a-f]{8,17}$/.test(v) ? undefined : 'an endpoint id is `vpce-` and 8 to 17 hex digits') } },
    parts: send.parts.map((p) => ({
      ...p,
      conditions: (t) => (t.options?.endpoint === undefined ? [] : [{ operator: 'StringEquals', key: 'aws:SourceVpce', values: [t.options.endpoint] }]),
    })),
  };
  const find: typeof real.findPattern = (s, v, t) => (s === 'sqs' && v === fixture.verb && t === 'queue' ? fixture : real.findPattern(s, v, t));
  const verbsFor: typeof real.verbsFor = (s, t) => [...real.verbsFor(s, t), ...(s === 'sqs' && t === 'queue' ? [fixture.verb] : [])].sort();
  return { ...real, PATTERNS: [...real.PATTERNS, fixture], findPattern: find, verbsFor };
});

interface Phased {
  readonly diagnostics: readonly Diagnostic[];
  readonly verification: readonly Diagnostic[];
  readonly files: ReadonlyMap<string, string>;
  readonly grants: readonly PatternGrant[];
}
function compile(path: string, text: string): Phased {
  const parsed = parseSource(path, text);
  if (hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics, verification: [], files: new Map(), grants: [] };
  const resolved = resolveProgram([parsed.value]);
  if (hasErrors(resolved.diagnostics)) return { diagnostics: resolved.diagnostics, verification: [], files: new Map(), grants: [] };
  const program = lowerProgram(resolved.value, new DiagnosticBag());
  const grants = resolved.value.roles.flatMap((r) => r.grants).filter((g): g is PatternGrant => g.kind === 'pattern');
  return { diagnostics: resolved.diagnostics, verification: verifyProgram(resolved.value, program), files: emitIamJson(program), grants };
}
const HEAD = 'account prod = 111111111111\nregion eu-west-1\n';
const dsl = (body: string) => compile('app.iam', `${HEAD}role app for ec2 in prod {\n${body}\n}\n`);
const yaml = (grant: string) => compile('app.iam.yaml', `accounts: { prod: "111111111111" }\nregion: eu-west-1\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants:\n${grant}`);
const at = (r: Phased) => r.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`);
const statements = (r: Phased) => (JSON.parse(r.files.get('iam/roles/app.policy.json') ?? '{"Statement":[]}') as { Statement: Record<string, unknown>[] }).Statement;

describe('a pattern option', () => {
  it('reaches the pattern in lowering: the emitted statement carries what the option says', () => {
    const r = dsl('  send-through sqs queue "jobs" endpoint "vpce-1a2b3c4d"');
    expect(r.diagnostics).toEqual([]);
    expect(statements(r)).toEqual([expect.objectContaining({ Resource: ['arn:aws:sqs:eu-west-1:111111111111:jobs'], Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })]);
  });

  it('reaches the denotation from the intent, so the proof holds the statement to it', () => {
    const r = dsl('  send-through sqs queue "jobs" endpoint "vpce-1a2b3c4d"');
    expect(grantCells(r.grants[0]!).flatMap((c) => c.conditions)).toContainEqual({ operator: 'StringEquals', key: 'aws:SourceVpce', values: ['vpce-1a2b3c4d'] });
    expect(r.verification).toEqual([]);
  });

  it('reads the same from YAML (a key on the grant) and from a continuation line', () => {
    const a = dsl('  send-through sqs queue "jobs" endpoint "vpce-1a2b3c4d"');
    const b = yaml('      - send-through sqs queue: jobs\n        endpoint: vpce-1a2b3c4d\n');
    expect(b.diagnostics).toEqual([]);
    expect(statements(b)).toEqual(statements(a));
    const c = dsl('  send-through sqs queue "jobs"\n    endpoint "vpce-1a2b3c4d"\n  read s3 bucket "reports"');
    expect(c.diagnostics).toEqual([]);
    expect(statements(c).filter((s) => JSON.stringify(s.Action).includes('sqs:'))).toEqual(statements(a));
  });

  it('is refused where its rule refuses the value (IAM2134, at the value)', () => {
    expect(at(dsl('  send-through sqs queue "jobs" endpoint "vpc-1"'))).toEqual(['IAM2134 4:42']);
    expect(at(yaml('      - send-through sqs queue: jobs\n        endpoint: vpc-1\n'))).toEqual(['IAM2134 9:19']);
  });

  it('is IAM2119 with the nearest option when misspelt in YAML, and when given to a pattern that does not declare it', () => {
    const typo = yaml('      - send-through sqs queue: jobs\n        endpont: vpce-1a2b3c4d\n');
    expect(at(typo)).toEqual(['IAM2119 9:9']);
    expect(typo.diagnostics[0]!.suggestion).toContain('endpoint');
    expect(at(dsl('  send sqs queue "jobs" endpoint "vpce-1a2b3c4d"'))).toEqual(['IAM2119 4:25']);
  });

  it('misspelt in `.iam` is a stray word (IAM1221) that names the option it resembles', () => {
    const r = dsl('  send-through sqs queue "jobs" endpont "vpce-1a2b3c4d"');
    expect(at(r)).toEqual(['IAM1221 4:33']);
    expect(r.diagnostics[0]!.suggestion).toBe('did you mean `endpoint`?');
  });

  it('given twice is IAM2119 at the second', () => {
    expect(at(dsl('  send-through sqs queue "jobs" endpoint "vpce-1a2b3c4d" endpoint "vpce-0f0f0f0f"'))).toEqual(['IAM2119 4:58']);
  });
});
