import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintProgram } from '../../compiler/lint/lint-program.js';
import { applyWaivers } from '../../compiler/lint/waivers.js';
import { compileForLint } from './compile-for-lint.js';

const HEAD = 'accounts: { prod: "123456789012", ops: "111111111111" }\nregion: eu-west-1\nroles:\n';

async function lint(roles: string) {
  const text = `${HEAD}${roles}`;
  const compiled = await compileForLint([{ path: 'r.iam.yaml', text }]);
  // The pipeline runs the linter too; here only the other phases must be clean.
  expect(compiled.diagnostics.filter((d) => d.severity === 'error' && !d.code.startsWith('IAM51')).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return lintProgram(compiled.intent!, compiled.program!).map((d) => `${d.code} ${d.span.line}:${d.span.column}`);
}

/**
 * The seed's deployer trusts the `production` environment as the article's workflow does; the
 * note that any branch deploying there is admitted (IAM5125) is the reviewer's cue, and stays.
 */
const EXPECTED_NOTES: Readonly<Record<string, readonly string[]>> = { examples: ['IAM5125 examples/seed.iam:49'] };

const isIntent = (f: string) => f.endsWith('.iam') || f.endsWith('.iam.yaml') || f.endsWith('.iam.yml');
const read = (dir: string) => readdirSync(dir).filter(isIntent).sort().map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));

function programs(): [string, { path: string; text: string }[]][] {
  const out: [string, { path: string; text: string }[]][] = [['examples', read('examples')]];
  for (const sub of readdirSync('examples').sort()) {
    const dir = `examples/${sub}`;
    if (statSync(dir).isDirectory() && read(dir).length > 0) out.push([dir, read(dir)]);
  }
  return out;
}

describe('lintProgram', () => {
  // The top-level files are one program; a sub-folder with intent files would be its own.
  it.each(programs())('iamc\'s own examples (%s) compile to output with no lint finding', async (_name, sources) => {
    const compiled = await compileForLint(sources);
    expect(compiled.program, compiled.diagnostics.map((d) => d.message).join('; ')).toBeDefined();
    const findings = lintProgram(compiled.intent!, compiled.program!);
    expect(findings.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.span.file}:${d.span.line} ${d.message}`)).toEqual([]);
    // Warnings and notes judged legitimate are listed here, so a new one is a decision, not an accident.
    expect(findings.map((d) => `${d.code} ${d.span.file}:${d.span.line}`)).toEqual(EXPECTED_NOTES[_name] ?? []);
  });

  it('flags a role that manages permissions and is assumable without MFA, at its `for` clause', async () => {
    const roles = (mfa: string) => `  admin:\n    for: { role: ops-admin, in: ops${mfa} }\n    in: prod\n    grants:\n      - allow: iam:AttachRolePolicy\n        on: arn:aws:iam::123456789012:role/app\n`;
    expect(await lint(roles(''))).toContain('IAM5118 5:10');
    expect((await lint(roles(', mfa: true'))).filter((f) => f.startsWith('IAM5118'))).toEqual([]);
  });

  it('does not ask a read-only cross-account role for MFA', async () => {
    expect(await lint('  reader:\n    for: { role: app-role, in: ops }\n    in: prod\n    grants:\n      - read s3 bucket: shared-data\n')).toEqual([]);
  });

  it('flags the escape hatch where it widens, at the grant', async () => {
    const found = await lint('  deployer:\n    for: ec2\n    in: prod\n    grants:\n      - allow: [iam:PassRole, ec2:RunInstances]\n        on: "*"\n        because: the deployer launches instances with roles made at run time\n');
    // The reason explains `*`; AWS would still take instance ARNs for `ec2:RunInstances` (IAM5132).
    expect(found).toEqual(['IAM5108 8:9', 'IAM5108 8:9', 'IAM5122 8:9', 'IAM5132 8:9']);
  });

  it('accepts a wildcard ARN with a reason, and `pass iam role … to` as scoped', async () => {
    const found = await lint(
      [
        '  networker:',
        '    for: { role: ops, in: ops, mfa: true }',
        '    in: prod',
        '    grants:',
        '      - allow: ec2:CreateVpc',
        '        on: "arn:aws:ec2:eu-west-1:123456789012:vpc/*"',
        '        because: network team builds new VPCs',
        '      - pass iam role: app',
        '        to: ecs-tasks',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  it('a waiver above the `for` clause waives the finding in the intent file', async () => {
    const text = `${HEAD}  admin:\n    # iamc-allow IAM5118: assumed only by the release pipeline, which cannot present MFA\n    for: { role: ops-admin, in: ops }\n    in: prod\n    grants:\n      - allow: iam:CreateRole\n        on: arn:aws:iam::123456789012:role/app-*\n`;
    const compiled = await compileForLint([{ path: 'r.iam.yaml', text }]);
    const findings = lintProgram(compiled.intent!, compiled.program!);
    expect(findings.map((d) => d.code)).toEqual(['IAM5118']);
    expect(applyWaivers(findings, [{ path: 'r.iam.yaml', text }])).toEqual([]);
  });

  it('does not report valid waivers as matching nothing when an unrelated error stops the compile', async () => {
    const text = `${HEAD}  admin:\n    # iamc-allow IAM5118: assumed only by the release pipeline, which cannot present MFA\n    for: { role: ops-admin, in: ops }\n    in: prod\n    grants:\n      - allow: iam:CreateRole\n        on: arn:aws:iam::123456789012:role/app-*\n`;
    const broken = 'role x for ec2 in prod {\n  read s3 objects\n}\n';
    const { compileSources } = await import('../../compiler/pipeline.js');
    const codes = compileSources([{ path: 'r.iam.yaml', text }, { path: 'z.iam', text: broken }], { emit: false }).diagnostics.map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain('IAM5102');
    // Without the unrelated error, the waiver is used; removing the finding it waives makes it stale.
    expect(compileSources([{ path: 'r.iam.yaml', text }], { emit: false }).diagnostics.map((d) => d.code)).toEqual([]);
    const stale = text.replace('iam:CreateRole', 'sqs:SendMessage').replace('role/app-*', 'role/app');
    expect(compileSources([{ path: 'r.iam.yaml', text: stale }], { emit: false }).diagnostics.map((d) => d.code)).toContain('IAM5102');
  });
});
