/**
 * Names that reach a trust or an ARN: what a reviewer reads must be what IAM compares. Every
 * character class is tried in both syntaxes; `\uXXXX` escapes mean the same in a `.iam` string
 * and a double-quoted YAML string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterProblem, mixedScripts, skeleton } from '../../compiler/resolve/characters.js';
import { codes, compileText } from '../helpers/compile.js';

const DSL_HEADER = 'account prod = 123456789012\nregion eu-west-1\n';
const YAML_HEADER = 'accounts: { prod: "123456789012" }\nregion: eu-west-1\n';

/** One role in both syntaxes: a `for` clause and one grant, each given per syntax. */
function both(dsl: { for: string; grant?: string }, yaml: { for: string; grant?: string }): { dsl: string[]; yaml: string[] } {
  const dslText = `${DSL_HEADER}role r for ${dsl.for} in prod {\n  ${dsl.grant ?? 'consume sqs queue "q"'}\n}\n`;
  const yamlText = `${YAML_HEADER}roles:\n  r:\n    for: ${yaml.for}\n    in: prod\n    grants:\n      - ${yaml.grant ?? 'consume sqs queue: q'}\n`;
  return { dsl: codes(compileText({ 'x.iam': dslText })), yaml: codes(compileText({ 'x.iam.yaml': yamlText })) };
}

/** A GitHub branch trust in both syntaxes; `branch` is written with `\u` escapes. */
function branch(name: string): { dsl: string[]; yaml: string[] } {
  return both({ for: `github "acme/app" branch "${name}"` }, { for: `{ github: acme/app, branch: "${name}" }` });
}

describe('characters in names', () => {
  describe('invisible and bidi-control characters (IAM2190)', () => {
    for (const [label, escape] of [
      ['zero-width space', '\\u200b'],
      ['zero-width joiner', '\\u200d'],
      ['left-to-right mark', '\\u200e'],
      ['right-to-left mark', '\\u200f'],
      ['bidi override', '\\u202e'],
      ['bidi embedding', '\\u202a'],
      ['bidi isolate', '\\u2066'],
      ['soft hyphen', '\\u00ad'],
      ['byte order mark', '\\ufeff'],
      ['word joiner', '\\u2060'],
      ['Hangul filler', '\\u3164'],
    ] as const) {
      it(`refuses a branch name holding a ${label}`, () => {
        expect(branch(`ma${escape}in`)).toEqual({ dsl: ['IAM2190'], yaml: ['IAM2190'] });
      });
    }

    it('refuses an invisible character in an environment, a tag and an Azure DevOps connection', () => {
      expect(both({ for: 'github "acme/app" environment "prod\\u200b"' }, { for: '{ github: acme/app, environment: "prod\\u200b" }' })).toEqual({ dsl: ['IAM2190'], yaml: ['IAM2190'] });
      expect(both({ for: 'github "acme/app" tag "v1\\u202e"' }, { for: '{ github: acme/app, tag: "v1\\u202e" }' })).toEqual({ dsl: ['IAM2190'], yaml: ['IAM2190'] });
      const guid = '8f2c1a3e-1111-2222-3333-444455556666';
      expect(
        both(
          { for: `azure-devops "org/pro\\u200bject/conn" organization-id "${guid}"` },
          { for: `{ azure-devops: "org/pro\\u200bject/conn", organization-id: "${guid}" }` },
        ),
      ).toEqual({ dsl: ['IAM2190'], yaml: ['IAM2190'] });
    });

    it('refuses an invisible character in a trusted role name and an external id', () => {
      expect(both({ for: 'role "deploy\\u200b" in prod' }, { for: '{ role: "deploy\\u200b", in: prod }' })).toEqual({ dsl: ['IAM2190'], yaml: ['IAM2190'] });
      expect(
        both({ for: 'role "deploy" in prod external-id "3f2a9c1e-5b7d\\u200b-4e8f"' }, { for: '{ role: deploy, in: prod, external-id: "3f2a9c1e-5b7d\\u200b-4e8f" }' }),
      ).toEqual({ dsl: ['IAM2190'], yaml: ['IAM2190'] });
    });

    it('refuses an invisible character in a raw resource ARN', () => {
      expect(
        both(
          { for: 'ec2', grant: 'allow "s3:GetObject" on "arn:aws:s3:::reports/\\u202ecsv.exe"' },
          { for: 'ec2', grant: '{ allow: "s3:GetObject", on: "arn:aws:s3:::reports/\\u202ecsv.exe" }' },
        ),
      ).toEqual({ dsl: ['IAM2190'], yaml: ['IAM2190'] });
    });

    it('refuses an invisible character in a target, a role name and a role path', () => {
      expect(both({ for: 'ec2', grant: 'consume sqs queue "orders\\u200b"' }, { for: 'ec2', grant: 'consume sqs queue: "orders\\u200b"' })).toEqual({ dsl: ['IAM2190'], yaml: ['IAM2190'] });
      expect(codes(compileText({ 'x.iam': `${DSL_HEADER}role "app\\u200d" for ec2 in prod {\n  consume sqs queue "q"\n}\n` }))).toEqual(['IAM2190']);
      expect(codes(compileText({ 'x.iam.yaml': `${YAML_HEADER}roles:\n  "app\\u200d":\n    for: ec2\n    in: prod\n    grants: [ { consume sqs queue: q } ]\n` }))).toEqual(['IAM2190']);
      expect(codes(compileText({ 'x.iam': `${DSL_HEADER}role app for ec2 in prod {\n  path "/a\\u200b/"\n  consume sqs queue "q"\n}\n` }))).toEqual(['IAM2190']);
    });

    it('shows the invisible character as its code point, never raw', () => {
      const problem = characterProblem('ma\u200bin', { what: 'branch name', unicode: true });
      expect(problem?.message).toContain('ma<U+200B>in');
      expect(problem?.message).not.toContain('\u200b');
    });
  });

  describe('look-alike names (IAM2191)', () => {
    it('refuses a Cyrillic `а` in `main` (mixed scripts)', () => {
      expect(branch('m\\u0430in')).toEqual({ dsl: ['IAM2191'], yaml: ['IAM2191'] });
    });

    it('refuses Latin mixed with a Cyrillic letter that has no Latin twin in one segment (`releaseж`)', () => {
      expect(branch('release\\u0436')).toEqual({ dsl: ['IAM2191'], yaml: ['IAM2191'] });
      expect(branch('release/\\u0436')).toEqual({ dsl: ['IAM2192'], yaml: ['IAM2192'] });
    });

    it('refuses a Greek omicron in an environment name (mixed scripts)', () => {
      expect(both({ for: 'github "acme/app" environment "pr\\u03bfd"' }, { for: '{ github: acme/app, environment: "pr\\u03bfd" }' })).toEqual({ dsl: ['IAM2191'], yaml: ['IAM2191'] });
    });

    it('refuses a fullwidth letter, which is Latin but not ASCII (skeleton differs)', () => {
      expect(branch('\\uff4dain')).toEqual({ dsl: ['IAM2191'], yaml: ['IAM2191'] });
    });

    it('refuses a name written wholly in Cyrillic letters that read as Latin (`сор` reads `cop`)', () => {
      expect(branch('\\u0441\\u043e\\u0440')).toEqual({ dsl: ['IAM2191'], yaml: ['IAM2191'] });
    });

    it('refuses an account name that passes for another (`prоd` with a Cyrillic о), once', () => {
      const text = `account prod = 123456789012\naccount "pr\\u043ed" = 666666666666\nregion eu-west-1\nrole r for ec2 in "pr\\u043ed" {\n  consume sqs queue "q"\n}\n`;
      expect(codes(compileText({ 'x.iam': text }))).toEqual(['IAM2191']);
      expect(codes(compileText({ 'x.iam.yaml': 'accounts: { prod: "123456789012", "pr\\u043ed": "666666666666" }\n' }))).toEqual(['IAM2191']);
    });

    it('refuses a look-alike role name and a look-alike target', () => {
      expect(both({ for: 'role "dep\\u0430loy" in prod' }, { for: '{ role: "dep\\u0430loy", in: prod }' })).toEqual({ dsl: ['IAM2191'], yaml: ['IAM2191'] });
      expect(both({ for: 'ec2', grant: 'read s3 objects "b\\u0430ckups/*"' }, { for: 'ec2', grant: 'read s3 objects: "b\\u0430ckups/*"' })).toEqual({ dsl: ['IAM2191'], yaml: ['IAM2191'] });
    });

    it('names the skeleton the name poses as', () => {
      expect(characterProblem('m\u0430in', { what: 'branch name', unicode: true })?.suggestion).toContain('`main`');
      expect(skeleton('\uff50rod')).toBe('prod');
      expect(skeleton('l0I1')).toBe('l0I1'); // ASCII is what the reviewer typed: never folded
    });

    it('keeps the scripts that are written together (Latin with Han and Kana) and different scripts in different path segments', () => {
      expect(mixedScripts('release-日本語-テスト')).toBeUndefined();
      expect(mixedScripts('m\u0430in')).toEqual(['Latin', 'Cyrillic']);
      expect(characterProblem('feature/отчёт', { what: 'branch name', unicode: true })?.kind).toBe('non-ascii');
    });
  });

  describe('other non-ASCII text', () => {
    it('warns with code points where GitHub accepts it (IAM2192), and compiles', () => {
      const result = branch('caf\\u00e9');
      expect(result).toEqual({ dsl: ['IAM2192'], yaml: ['IAM2192'] });
      const problem = characterProblem('café', { what: 'branch name', unicode: true });
      expect(problem?.message).toContain('U+00E9');
    });

    it('warns for a non-ASCII S3 key and refuses non-ASCII where AWS takes only ASCII (IAM2193)', () => {
      expect(both({ for: 'ec2', grant: 'read s3 objects "reports/отчёт/*"' }, { for: 'ec2', grant: 'read s3 objects: "reports/отчёт/*"' })).toEqual({ dsl: ['IAM2192'], yaml: ['IAM2192'] });
      expect(both({ for: 'ec2', grant: 'consume sqs queue "caf\\u00e9"' }, { for: 'ec2', grant: 'consume sqs queue: "caf\\u00e9"' })).toEqual({ dsl: ['IAM2193'], yaml: ['IAM2193'] });
      expect(both({ for: 'role "caf\\u00e9" in prod' }, { for: '{ role: "caf\\u00e9", in: prod }' })).toEqual({ dsl: ['IAM2193'], yaml: ['IAM2193'] });
    });

    it('stays quiet on plain ASCII names', () => {
      expect(branch('release/v1.2_main-x')).toEqual({ dsl: [], yaml: [] });
      expect(characterProblem('release/v1.2', { what: 'branch name', unicode: true })).toBeUndefined();
    });
  });
});

describe('laws', () => {
  const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120);
  // Invisible and bidi-control code points of every kind: format (Cf), default-ignorable marks
  // and letters (combining grapheme joiner, variation selectors, Hangul fillers), tags.
  const INVISIBLE = [
    0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
    0x2060, 0x2061, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x3164, 0xfe00, 0xfe0f, 0xfeff, 0xffa0, 0xe0001, 0xe0041,
  ].map((cp) => String.fromCodePoint(cp));
  // Latin letter → a letter of another script that looks the same.
  const TWINS: Record<string, string[]> = { a: ['\u0430', '\u03b1'], c: ['\u0441'], e: ['\u0435'], i: ['\u0456', '\u03b9'], o: ['\u043e', '\u03bf', '\u0585'], p: ['\u0440', '\u03c1'], s: ['\u0455'], x: ['\u0445', '\u03c7'], y: ['\u0443'] };
  const asciiName = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,19}$/);

  it('a name with an invisible character anywhere is refused, whatever the name', () => {
    fc.assert(
      fc.property(asciiName, fc.nat(), fc.constantFrom(...INVISIBLE), (name, at, ch) => {
        const p = at % (name.length + 1);
        const hidden = name.slice(0, p) + ch + name.slice(p);
        return characterProblem(hidden, { what: 'branch name', unicode: true })?.kind === 'invisible';
      }),
      { numRuns: RUNS },
    );
  });

  it('a name with one Latin letter swapped for its look-alike is refused, whatever the name', () => {
    const withTwin = fc.tuple(asciiName, fc.nat()).filter(([name]) => [...name].some((ch) => ch in TWINS));
    fc.assert(
      fc.property(withTwin, fc.nat(), ([name, at], pick) => {
        const positions = [...name].flatMap((ch, i) => (ch in TWINS ? [i] : []));
        const i = positions[at % positions.length]!;
        const twins = TWINS[name[i]!]!;
        const faked = name.slice(0, i) + twins[pick % twins.length]! + name.slice(i + 1);
        return characterProblem(faked, { what: 'branch name', unicode: true })?.kind === 'look-alike';
      }),
      { numRuns: RUNS },
    );
  });

  it('in both syntaxes, a GitHub branch with an invisible character never compiles', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), fc.constantFrom(...INVISIBLE), (name, ch) => {
        const escaped = [...ch].map((c) => (c.codePointAt(0)! > 0xffff ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('');
        const result = branch(`${name}${escaped}`);
        return result.dsl.length === 1 && result.dsl[0] === 'IAM2190' && result.yaml.length === 1 && result.yaml[0] === 'IAM2190';
      }),
      { numRuns: Math.max(10, Math.ceil(RUNS / 6)) },
    );
  });
});
