import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../../compiler/diagnostics/diagnostic.js';
import { parseYaml } from '../../../compiler/syntax/yaml/yaml-to-ast.js';

/** Code and range, never prose: wording may improve freely. */
const at = (d: Diagnostic) => `${d.code} ${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`;
const run = (...lines: string[]) => parseYaml('t.iam.yaml', lines.join('\n'));
const codes = (...lines: string[]) => run(...lines).diagnostics.map(at);

const role = (...body: string[]) => ['roles:', '  r:', ...body];
const grants = (...items: string[]) => role('    for: ec2', '    in: prod', '    grants:', ...items);

describe('YAML diagnostics point at the YAML line and column', () => {
  test('IAM1101: every syntax error the parser gives, at its place', () => {
    const r = run('roles:', '  r: [a, b', '  s: "open');
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(r.diagnostics.every((d) => d.code === 'IAM1101')).toBe(true);
    expect(r.value.declarations).toEqual([]);
    // A key indented under a value is one mistake: reported once, at the key, not twice at the value.
    expect(codes('a: b', '  c: d')).toEqual(['IAM1101 2:3-2:4']);
    expect(codes('a: !custom b')).toEqual(['IAM1101 1:4-1:11']);
    expect(codes('a: 1', '---', 'b: 2')[0]).toMatch(/^IAM1101 2:1/);
  });

  test('IAM1101 messages are lowercase with no final period', () => {
    for (const d of run('a: b', '  c: d').diagnostics) expect(d.message).toMatch(/^[a-z][^]*[^.]$/);
  });

  test('IAM1102: duplicate keys show both places', () => {
    const r = run('roles: {}', 'region: x', 'roles: {}');
    expect(r.diagnostics.map(at)).toEqual(['IAM1102 3:1-3:6']);
    expect(r.diagnostics[0]!.related!.map((x) => `${x.span.line}:${x.span.column}`)).toEqual(['1:1']);
    expect(codes(...role('    for: ec2', '    in: prod', '    in: dev'))).toEqual(['IAM1102 5:5-5:7']);
    expect(codes('accounts: { a: "1", a: "2" }')).toEqual(['IAM1102 1:21-1:22']);
  });

  test('IAM1103: wrong types say what was expected', () => {
    expect(codes('accounts: { prod: true }')).toEqual(['IAM1103 1:19-1:23']);
    expect(codes('roles: [a]')).toEqual(['IAM1103 1:8-1:11']);
    expect(codes(...role('    for: ec2', '    in: [prod]'))).toEqual(['IAM1103 4:9-4:15']);
    expect(codes(...grants('      - consume sqs queue: { a: b }'))).toEqual(['IAM1103 6:28-6:36']);
    expect(codes(...grants('      - consume sqs queue: []'))).toEqual(['IAM1103 6:28-6:30']);
    expect(codes(...grants('      - 42'))).toEqual(['IAM1103 6:9-6:11']);
    expect(codes(...grants('      - just-one-word'))).toEqual(['IAM1106 6:9-6:22']);
    expect(codes(...role('    for: { role: x, in: y, mfa: "yes" }', '    in: prod'))).toEqual(['IAM1103 3:33-3:38']);
    expect(run(...role('    for: { role: x, in: y, mfa: "yes" }', '    in: prod')).diagnostics[0]!.message).toContain('`true` or `false`');
    expect(codes('- a', '- b')).toEqual(['IAM1103 1:1-2:4']);
  });

  test('IAM1103: empty files and comment-only files', () => {
    expect(codes('')).toEqual(['IAM1103 1:1-1:1']);
    expect(codes('# nothing here', '')).toEqual(['IAM1103 1:1-2:1']);
  });

  test('IAM1103: aliases and anchors are refused, without expanding them', () => {
    expect(codes('a: &x [1]', 'b: *x')).toEqual(['IAM1103 1:7-1:10', 'IAM1103 2:4-2:6']);
    // A billion-laughs document is answered with one diagnostic per written alias, instantly.
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const r = run(...laughs);
    expect(r.diagnostics.every((d) => d.code === 'IAM1103')).toBe(true);
    expect(r.diagnostics).toHaveLength(9 + 8 * 9);
  });

  test('IAM1104: unknown keys, with did-you-mean', () => {
    const r = run(...role('    for: ec2', '    in: prod', '    grant: []'));
    expect(r.diagnostics.map(at)).toEqual(['IAM1104 5:5-5:10']);
    expect(r.diagnostics[0]!.suggestion).toBe('did you mean `grants`?');
    expect(codes('rolse: {}')).toEqual(['IAM1104 1:1-1:6']);
    const g = run(...grants('      - read s3 bucket: b', '        becuse: x'));
    expect(g.diagnostics.map(at)).toEqual(['IAM1104 7:9-7:15']);
    expect(g.diagnostics[0]!.suggestion).toBe('did you mean `because`?');
  });

  test('IAM1105: missing required keys, at the name that lacks them', () => {
    expect(codes(...role('    for: ec2'))).toEqual(['IAM1105 2:3-2:4']);
    expect(codes(...role('    in: prod'))).toEqual(['IAM1105 2:3-2:4']);
    expect(codes(...role('    for: { github: a/b }', '    in: prod'))).toEqual(['IAM1105 3:5-3:8']);
    expect(codes(...grants('      - allow: "s3:GetObject"'))).toEqual(['IAM1105 6:9-6:30']);
    expect(codes(...grants('      - because: x'))).toEqual(['IAM1105 6:9-6:19']);
    expect(codes('guardrails:', '  g: { rules: [] }')).toEqual(['IAM1105 2:3-2:4']);
    expect(codes('analyzers:', '  a: { alert: true }')).toEqual(['IAM1105 2:3-2:4']);
  });

  test('IAM1106: malformed grant keys', () => {
    expect(codes(...grants('      - consume sqs: q'))).toEqual(['IAM1106 6:9-6:20']);
    expect(codes(...grants('      - consume  sqs queue: q'))).toEqual(['IAM1106 6:9-6:27']);
    expect(codes(...grants('      - consume sqs queue now: q'))).toEqual(['IAM1106 6:9-6:30']);
    const lone = run(...grants('      - alow: "s3:GetObject"'));
    expect(lone.diagnostics.map(at)).toEqual(['IAM1106 6:9-6:13']);
    expect(lone.diagnostics[0]!.suggestion).toBe('did you mean `allow`?');
    const two = run(...grants('      - read s3 bucket: a', '        write s3 bucket: b'));
    expect(two.diagnostics.map(at)).toEqual(['IAM1106 7:9-7:24']);
    expect(two.diagnostics[0]!.related![0]!.span.line).toBe(6);
  });

  test('IAM1107: words outside a closed set, with did-you-mean', () => {
    const cases: [string[], string, string | undefined][] = [
      [role('    for: ec3', '    in: prod'), 'IAM1107 3:10-3:13', 'did you mean `ec2`?'],
      [role('    for: lamda', '    in: prod'), 'IAM1107 3:10-3:15', 'did you mean `for: { lambda: … }`?'],
      [role('    for: { githb: a/b, branch: main }', '    in: prod'), 'IAM1107 3:12-3:17', 'did you mean `github`?'],
      [role('    for: { github: a/b, brnch: main }', '    in: prod'), 'IAM1107 3:25-3:30', 'did you mean `branch`?'],
      [grants('      - read s3 bucket: b', '        when: { vpc-endpont: vpce-1 }'), 'IAM1107 7:17-7:28', 'did you mean `vpc-endpoint`?'],
      [['analyzers:', '  a: { scope: organisation }'], 'IAM1107 2:15-2:27', 'did you mean `organization`?'],
      [['guardrails:', '  g: { attach-to: [roots] }'], 'IAM1107 2:20-2:25', 'did you mean `root`?'],
      [['guardrails:', '  g: { attach-to: root, rules: [ { protec: cloudtrail } ] }'], 'IAM1107 2:36-2:42', 'did you mean `protect`?'],
    ];
    for (const [lines, expected, suggestion] of cases) {
      const r = run(...lines);
      expect(r.diagnostics.map(at), lines.join('\n')).toEqual([expected]);
      expect(r.diagnostics[0]!.suggestion).toBe(suggestion);
    }
  });

  test('IAM1108: nesting deep enough to threaten the parser is refused before parsing', () => {
    expect(codes('a: ' + '['.repeat(5000) + ']'.repeat(5000))[0]).toBe('IAM1108 1:68-1:69');
    expect(codes('- '.repeat(3000) + 'x')[0]).toMatch(/^IAM1108 1:/);
    // Ordinary indentation and a long rule of dashes in a description are fine.
    expect(codes('roles:', '  r:', '    for: ec2', '    in: prod', '    description: |', '      ' + '-'.repeat(300))).toEqual([]);
  });

  test('IAM0005: input that is not text', () => {
    expect(codes('a: b', '\u0000\u0001')).toEqual(['IAM0005 2:1-2:2']);
    expect(codes('a: caf\ufffd')).toEqual(['IAM0005 1:7-1:8']);
    expect(codes('\ufeffregion: eu-west-1')).toEqual([]);
  });

  test('every diagnostic has the file, a lowercase message and no final period', () => {
    const r = run(...grants('      - consume sqs: q', '      - read s3 bucket: b', '        becuse: x'), 'analyzers:', '  a: { scope: org }');
    expect(r.diagnostics.length).toBeGreaterThan(2);
    for (const d of r.diagnostics) {
      expect(d.span.file).toBe('t.iam.yaml');
      expect(d.message).toMatch(/^[a-z`][^]*[^.]$/);
    }
  });

  test('shape mistakes do not stop the rest of the file from being read', () => {
    const r = run('accounts: { prod: "1" }', ...role('    for: ec2', '    in: prod', '    grant: []'), 'region: eu-west-1');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IAM1104']);
    expect(r.value.declarations.map((d) => d.kind)).toEqual(['account', 'role', 'region']);
  });
});
