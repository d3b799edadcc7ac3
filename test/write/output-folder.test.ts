/**
 * The output folder: iamc replaces only what its manifest lists, refuses folders it must not
 * replace (leaving every byte), and carries everything else across the swap unchanged.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const intent = (roles: string[]) =>
  `accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n${roles.map((r) => `  ${r}:\n    for: ec2\n    in: prod\n    grants: [ { send sqs queue: orders } ]\n`).join('')}`;

/** Every entry under `dir` with its bytes (or link target): what "leaves every byte" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const rel = relative(dir, full).split(sep).join('/');
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out[rel] = `-> ${readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        out[`${rel}/`] = '';
        walk(full);
      } else out[rel] = readFileSync(full, 'base64');
    }
  };
  walk(dir);
  return out;
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as Record<string, unknown>;

describe('the manifest (version 2)', () => {
  it('marks the folder as iamc output and lists every file it wrote, sorted, without itself', async () => {
    const dir = project({ 'intents/app.iam.yaml': intent(['app']) });
    expect((await runCli(['compile', 'intents', '--out', 'out'], dir)).code).toBe(0);
    const m = manifest(dir);
    expect(Object.keys(m).slice(0, 4)).toEqual(['version', 'generator', 'catalogue', 'roles']);
    expect(m).toMatchObject({ version: 2, generator: 'iamc' });
    expect(m['catalogue']).toMatch(/^\d+\.\d+\.\d+/);
    const files = m['files'] as string[];
    expect(files).toEqual([...files].sort());
    expect(files).not.toContain('manifest.json');
    const onDisk = Object.keys(snapshot(join(dir, 'out'))).filter((p) => !p.endsWith('/') && p !== 'manifest.json');
    expect(files).toEqual(onDisk.sort());
  });

  it('names sources relative to the output folder, so --check passes from any working directory', async () => {
    const dir = project({ 'intents/app.iam.yaml': intent(['app']) });
    expect((await runCli(['compile', 'intents', '--out', 'out'], dir)).code).toBe(0);
    expect((manifest(dir)['roles'] as { source: string }[])[0]!.source).toBe('../intents/app.iam.yaml:4:3');
    expect((await runCli(['compile', 'intents', '--out', 'out', '--check'], dir)).code).toBe(0);
    const inside = await runCli(['compile', '.', '--out', '../out', '--check'], join(dir, 'intents'));
    expect(inside.stderr).not.toContain('IAM0004');
    expect(inside.code).toBe(0);
    // The quiet case has a firing twin: a real change is still stale from either place.
    writeFileSync(join(dir, 'intents/app.iam.yaml'), intent(['app', 'web']));
    expect((await runCli(['compile', '.', '--out', '../out', '--check'], join(dir, 'intents'))).stderr).toContain('IAM0004');
  });
});

describe('the shipped examples', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  it('examples/expected is exactly what the CLI writes, checked from the root and from inside examples/', async () => {
    expect((await runCli(['compile', 'examples', '--out', 'examples/expected', '--check'], root)).code).toBe(0);
    expect((await runCli(['compile', '.', '--out', 'expected', '--check'], join(root, 'examples'))).code).toBe(0);
  });
});

describe('refusals leave every byte', () => {
  it('refuses an output folder that holds an input file', async () => {
    const dir = project({ 'intents/app.iam.yaml': intent(['app']), 'intents/manifest.json': '{}' });
    const before = snapshot(dir);
    const run = await runCli(['compile', 'intents', '--out', 'intents'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM0010]');
    expect(run.stderr).toContain('`intents/app.iam.yaml`');
    expect(snapshot(dir)).toEqual(before);
    // An output folder inside the intents folder holds no input: that is the usual layout.
    expect((await runCli(['compile', 'intents', '--out', 'intents/out'], dir)).code).toBe(0);
  });

  it('refuses an output folder that holds .git, even with an iamc manifest', async () => {
    const dir = project({ 'intents/app.iam.yaml': intent(['app']) });
    expect((await runCli(['compile', 'intents', '--out', 'out'], dir)).code).toBe(0);
    mkdirSync(join(dir, 'out/.git'));
    writeFileSync(join(dir, 'out/.git/HEAD'), 'ref: refs/heads/main\n');
    const before = snapshot(dir);
    const run = await runCli(['compile', 'intents', '--out', 'out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM0011]');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses the working directory and its ancestors', async () => {
    const dir = project({ 'intents/app.iam.yaml': intent(['app']), 'manifest.json': '{"version":2,"generator":"iamc","files":[]}' });
    const before = snapshot(dir);
    const here = await runCli(['compile', 'intents', '--out', '.'], dir);
    expect(here.code).toBe(1);
    expect(here.stderr).toContain('error[IAM0012]');
    const above = await runCli(['compile', '.', '--out', '..'], join(dir, 'intents'));
    expect(above.code).toBe(1);
    expect(above.stderr).toContain('error[IAM0012]');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a non-empty folder without the iamc marker, such as a web app with a manifest.json', async () => {
    const dir = project({
      'app.iam.yaml': intent(['app']),
      'public/manifest.json': '{"name":"My App","icons":[]}',
      'public/index.html': '<html></html>',
    });
    const before = snapshot(dir);
    const run = await runCli(['compile', 'app.iam.yaml', '--out', 'public'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM0013]');
    expect(snapshot(dir)).toEqual(before);
    // A bare `"version": 1` is not enough to pass for iamc's version-1 manifest.
    writeFileSync(join(dir, 'public/manifest.json'), '{"version":1}');
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'public'], dir)).stderr).toContain('error[IAM0013]');
    // Quiet case: an existing empty folder is iamc's to fill.
    mkdirSync(join(dir, 'empty'));
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'empty'], dir)).code).toBe(0);
  });

  it('refuses a manifest that claims iamc but has an unknown version or no file list', async () => {
    for (const text of ['{"version":9,"generator":"iamc","files":[]}', '{"version":2,"generator":"iamc"}', '{"version":2,"generator":"iamc","files":["../x"]}']) {
      const dir = project({ 'app.iam.yaml': intent(['app']), 'out/manifest.json': text, 'out/keep.txt': 'mine' });
      const before = snapshot(dir);
      const run = await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir);
      expect(run.stderr, text).toContain('error[IAM0015]');
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('refuses to overwrite a file iamc did not write where the new output needs its place', async () => {
    const dir = project({ 'app.iam.yaml': intent(['app']) });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'out/iam/roles/web.policy.json'), '{"hand": "written"}');
    writeFileSync(join(dir, 'app.iam.yaml'), intent(['app', 'web']));
    const before = snapshot(dir);
    const run = await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM0014]');
    expect(run.stderr).toContain('iam/roles/web.policy.json');
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes nothing and keeps the previous output and its carried files when the intents have an error', async () => {
    const dir = project({ 'app.iam.yaml': intent(['app']) });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'out/terraform/backend.tf'), 'terraform {}\n');
    writeFileSync(join(dir, 'app.iam.yaml'), intent(['app']).replace('send sqs', 'sned sqs'));
    const before = snapshot(dir);
    const run = await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('IAM2104');
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.includes('.iamc-'))).toEqual([]);
  });
});

describe('what iamc did not write is carried across', () => {
  it('keeps .terraform/, backend.tf and the lock file byte for byte, lists them, and replaces its own files', async () => {
    const dir = project({ 'app.iam.yaml': intent(['app', 'old']) });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    mkdirSync(join(dir, 'out/terraform/.terraform/providers'), { recursive: true });
    writeFileSync(join(dir, 'out/terraform/.terraform/providers/aws'), Buffer.from([0, 1, 2, 255]));
    writeFileSync(join(dir, 'out/terraform/backend.tf'), 'terraform { backend "s3" {} }\n');
    writeFileSync(join(dir, 'out/terraform/.terraform.lock.hcl'), '# lock\n');
    writeFileSync(join(dir, 'out/NOTES.md'), 'ours\n');
    const kept = Object.fromEntries(Object.entries(snapshot(join(dir, 'out'))).filter(([p]) => p.includes('.terraform') || p.includes('backend') || p === 'NOTES.md'));

    writeFileSync(join(dir, 'app.iam.yaml'), intent(['app']));
    const run = await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('info[IAM0016]');
    for (const name of ['`NOTES.md`', '`terraform/.terraform`', '`terraform/.terraform.lock.hcl`', '`terraform/backend.tf`']) expect(run.stderr).toContain(name);
    const after = snapshot(join(dir, 'out'));
    expect(Object.fromEntries(Object.entries(after).filter(([p]) => p in kept))).toEqual(kept);
    // iamc's own file for the removed role is gone; nothing of the swap is left beside the folder.
    expect(existsSync(join(dir, 'out/iam/roles/old.policy.json'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.iamc-'))).toEqual([]);
    // Carried files are not iamc's: the manifest does not claim them and --check ignores them.
    expect(manifest(dir)['files']).not.toContain('terraform/backend.tf');
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out', '--check'], dir)).code).toBe(0);
  });

  it('carries a symbolic link as a link, without following it', async () => {
    const dir = project({ 'app.iam.yaml': intent(['app']), 'elsewhere/data.txt': 'precious\n' });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out/linked'));
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    expect(lstatSync(join(dir, 'out/linked')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere/data.txt'), 'utf8')).toBe('precious\n');
  });

  it('recognises a version-1 folder, keeps what it did not name, and upgrades it to version 2', async () => {
    const dir = project({ 'app.iam.yaml': intent(['app', 'old']) });
    expect((await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir)).code).toBe(0);
    const v1 = manifest(dir);
    delete v1['generator'];
    delete v1['files'];
    v1['version'] = 1;
    writeFileSync(join(dir, 'out/manifest.json'), JSON.stringify(v1, null, 2));
    writeFileSync(join(dir, 'out/terraform/backend.tf'), 'terraform {}\n');
    writeFileSync(join(dir, 'app.iam.yaml'), intent(['app']));
    const run = await runCli(['compile', 'app.iam.yaml', '--out', 'out'], dir);
    expect(run.code).toBe(0);
    expect(manifest(dir)).toMatchObject({ version: 2, generator: 'iamc' });
    expect(readFileSync(join(dir, 'out/terraform/backend.tf'), 'utf8')).toBe('terraform {}\n');
    expect(existsSync(join(dir, 'out/iam/roles/old.trust.json'))).toBe(false);
  });
});
