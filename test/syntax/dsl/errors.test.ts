/** Golden errors: code and position only, so the wording can improve freely. */
import { describe, expect, it } from 'vitest';
import { parseDsl } from '../../../compiler/syntax/dsl/cst-to-ast.js';

function errors(text: string): string[] {
  return parseDsl('t.iam', text).diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`);
}

function suggestions(text: string): (string | undefined)[] {
  return parseDsl('t.iam', text).diagnostics.map((d) => d.suggestion);
}

const ROLE = 'role r for ec2 in prod {\n  read s3 bucket "b"\n}\n';

describe('misspelt keywords', () => {
  it.each([
    ['rol r for ec2 in prod { }', '1:1', 'role'],
    ['acount prod = 123456789012', '1:1', 'account'],
    ['boundry b { }', '1:1', 'boundary'],
    ['role r for lamda "f" in prod { }', '1:12', 'lambda'],
    ['role r for githb "a/b" branch "main" in prod { }', '1:12', 'github'],
    ['role r for github "a/b" brnch "main" in prod { }', '1:25', 'branch'],
    ['role r for github "a/b" enviroment "prod" in prod { }', '1:25', 'environment'],
    ['role r for ec2 in prod {\n  read s3 bucket "b" when mfaa\n}', '2:27', 'mfa'],
    ['role r for ec2 in prod {\n  read s3 bucket "b" when vpc-endpiont "v"\n}', '2:27', 'vpc-endpoint'],
    ['analyzer a scope organisation { }', '1:18', 'organization'],
    ['guardrail g atach-to root { }', '1:13', undefined],
  ])('%s', (text, at, suggestion) => {
    expect(errors(text)[0]).toBe(`IAM1203 ${at}`);
    if (suggestion !== undefined) expect(suggestions(text)[0]).toBe(`did you mean \`${suggestion}\`?`);
  });

  it('a stray word costs one diagnostic; the declarations after it are still read', () => {
    const result = parseDsl('t.iam', `rol x for ec2 in prod {\n  read s3 bucket "b"\n}\nacount a = 1\n${ROLE}`);
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM1203 1:1', 'IAM1203 4:1']);
    expect(result.value.declarations.map((d) => d.kind)).toEqual(['role']);
  });
});

describe('strings', () => {
  it('unterminated string at its opening quote', () => {
    expect(errors('role r for ec2 in prod {\n  read s3 bucket "b\n}')).toEqual(['IAM1202 2:18']);
  });
  it('invalid escapes, each at its backslash', () => {
    expect(errors('region "a\\qb\\u12g4"')).toEqual(['IAM1204 1:10', 'IAM1204 1:13']);
  });
  it('valid JSON escapes decode', () => {
    const r = parseDsl('t.iam', 'region "a\\"b\\\\c\\n\\u00e9\\/"');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.declarations[0]).toMatchObject({ kind: 'region', region: { value: 'a"b\\c\n\u00e9/' } });
  });
  it('a raw control character inside a string', () => {
    expect(errors('region "a\u0001b"')).toEqual(['IAM1201 1:10']);
  });
  it('a string may hold `#`, brackets and `${…}` as plain text', () => {
    const r = parseDsl('t.iam', 'region "# [x] ${var}"');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.declarations[0]).toMatchObject({ region: { value: '# [x] ${var}' } });
  });
});

describe('structure', () => {
  it('missing opening brace', () => {
    expect(errors('role r for ec2 in prod\n  read s3 bucket "b"\n}')[0]).toBe('IAM1203 2:3');
  });
  it('missing closing brace: at the end of the file', () => {
    expect(errors('role r for ec2 in prod {\n  read s3 bucket "b"\n')).toEqual(['IAM1203 3:1']);
  });
  it('several errors in one file thanks to recovery', () => {
    const text = 'role r for lamda "f" in prod { }\nrole s for ec2 in prod {\n  max-session 1h\n}\nboundry b { }\nrole t for ec2 prod { }\n';
    expect(errors(text)).toEqual(['IAM1203 1:12', 'IAM1203 5:1', 'IAM1203 6:16']);
  });
  it('a missing target is reported at the end of its line, not at the brace that came instead', () => {
    expect(errors('role r for ec2 in prod {\n  read s3 bucket\n}')).toEqual(['IAM1203 2:17']);
  });
});

describe('numbers', () => {
  it('account id with a letter', () => {
    expect(errors('account prod = 12345678901x')).toEqual(['IAM1205 1:16']);
  });
  it('duration without a unit, and with a fraction', () => {
    expect(errors('role r for ec2 in prod {\n  max-session 3600\n}')).toEqual(['IAM1205 2:15']);
    expect(errors('permission-set p session 1.5h { }')).toEqual(['IAM1205 1:26']);
  });
  it('well-formed numbers are not this front end\'s business beyond their shape', () => {
    expect(errors('account prod = 123\nrole r for ec2 in prod {\n  max-session 90m\n}')).toEqual([]);
  });
});

describe('characters and binary data', () => {
  it('a stray character', () => {
    expect(errors('role r for ec2 in prod {\n  read s3 bucket "b";\n}')).toEqual(['IAM1201 2:21']);
  });
  it('single quotes get a hint', () => {
    const r = parseDsl('t.iam', "region 'eu-west-1'");
    expect(r.diagnostics[0]).toMatchObject({ code: 'IAM1201', span: { line: 1, column: 8 } });
    expect(r.diagnostics[0]!.suggestion).toContain('double quotes');
  });
  it('NUL bytes: one diagnostic, no parse', () => {
    const r = parseDsl('t.iam', 'account a = 1\n\u0000\u0001\u0002\u00ff');
    expect(r.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual(['IAM0005 2:1']);
    expect(r.value.declarations).toEqual([]);
  });
});

describe('duplicates the AST cannot hold', () => {
  it('permission-set description twice, analyzer alert twice, boundary delegation twice', () => {
    expect(errors('permission-set p {\n  description "a"\n  description "b"\n}')).toEqual(['IAM2118 3:3']);
    expect(errors('analyzer a scope account {\n  alert\n  alert\n}')).toEqual(['IAM2118 3:3']);
    expect(errors('boundary b {\n  delegate role-creation\n  delegate role-creation\n}')).toEqual(['IAM2118 3:3']);
  });
});

describe('every message follows the house voice', () => {
  it('lowercase start, no final period, for a file full of mistakes', () => {
    const text = "rol x\nrole r for lamda 'f' in prod {\n  read s3 bucket \"b\\q\n}\naccount a = 1x\n;";
    const ds = parseDsl('t.iam', text).diagnostics;
    expect(ds.length).toBeGreaterThan(3);
    for (const d of ds) {
      expect(d.message).toMatch(/^[a-z`]/);
      expect(d.message).not.toMatch(/\.$/);
      expect(d.severity).toBe('error');
    }
  });
});
