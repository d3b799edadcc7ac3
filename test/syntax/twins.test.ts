/** Both forms everywhere: every example's `.iam` and `.iam.yaml` compile to the same output. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSources } from '../../compiler/pipeline.js';
import { at, compileText } from '../helpers/compile.js';

const withoutSources = (manifest: string) => JSON.stringify(JSON.parse(manifest), (key, value) => (key === 'source' ? undefined : value));

const EXPECTED_NOTES: Readonly<Record<string, readonly string[]>> = { seed: ['IAM5125'] };

describe('twins', () => {
  const stems = readdirSync('examples').filter((f) => f.endsWith('.iam')).map((f) => f.slice(0, -'.iam'.length));

  it('every example exists in both forms', () => {
    const yaml = readdirSync('examples').filter((f) => f.endsWith('.iam.yaml')).map((f) => f.slice(0, -'.iam.yaml'.length));
    expect(stems.length).toBeGreaterThan(0);
    expect(yaml.sort()).toEqual([...stems].sort());
  });

  it.each(stems)('%s compiles to byte-identical files from either form', (stem) => {
    const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });
    const dsl = compileSources([read(`examples/${stem}.iam`)]);
    const yaml = compileSources([read(`examples/${stem}.iam.yaml`)]);
    // Only the notes an example is known to earn (the seed trusts an environment: IAM5125).
    const codes = (r: typeof dsl) => r.diagnostics.map((d) => d.code);
    expect(codes(dsl)).toEqual(EXPECTED_NOTES[stem] ?? []);
    expect(codes(yaml)).toEqual(EXPECTED_NOTES[stem] ?? []);
    expect([...dsl.files!.keys()]).toEqual([...yaml.files!.keys()]);
    for (const [path, content] of dsl.files!) {
      // The manifest names the source file and line of each artefact; everything else is identical.
      if (path === 'manifest.json') expect(withoutSources(content)).toBe(withoutSources(yaml.files!.get(path)!));
      else expect(content, path).toBe(yaml.files!.get(path));
    }
  });

  it('reports twins that disagree, at the first differing declaration', () => {
    const result = compileText({
      'x.iam': 'account prod = 123456789012\nregion eu-west-1\nrole r for ec2 in prod {\n  send sqs queue "a"\n}\n',
      'x.iam.yaml': 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  r:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: b } ]\n',
    });
    expect(at(result)).toEqual(['IAM2121 x.iam.yaml:4:3']);
    expect(result.diagnostics[0]!.related?.[0]?.span.file).toBe('x.iam');
  });

  it('compiles agreeing twins once, without duplicate declarations', () => {
    const result = compileText({
      'x.iam': 'account prod = 123456789012\nregion eu-west-1\nrole r for ec2 in prod {\n  send sqs queue "a"\n}\n',
      'x.iam.yaml': 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  r:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: a } ]\n',
    });
    expect(result.diagnostics).toEqual([]);
    expect(JSON.parse(result.files!.get('manifest.json')!).roles[0].source).toBe('x.iam:3:1');
  });
});
