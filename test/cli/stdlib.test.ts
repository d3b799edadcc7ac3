/**
 * `iamc stdlib` shows the whole library: patterns with their actions and resources, principals,
 * guardrails, boundary protections, managed-policy facts and catalogue overrides; `--format json`
 * carries every field a user needs; an unknown service points to the nearest patterns and to
 * `allow`, as a coded diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE_OVERRIDES } from '../../compiler/catalogue/overrides.js';
import { GUARDRAILS } from '../../stdlib/guardrails.js';
import { PATTERNS } from '../../stdlib/index.js';
import { ADMIN_EQUIVALENT_POLICIES } from '../../stdlib/managed-policies.js';
import { patternActions } from '../../stdlib/pattern.js';
import { runCli, tempDir } from '../helpers/compile.js';

interface ListedPattern {
  id: string;
  words: string;
  doc: string;
  target: { form: string; hint: string; meaning: string; template: string };
  options: { word: string; hint: string }[];
  parts: { actions: string[]; resources: string[]; conditions: string[]; why?: string }[];
}

async function json(...args: string[]) {
  const run = await runCli(['stdlib', ...args, '--format', 'json'], tempDir());
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    patterns: ListedPattern[];
    principals: { form: string; trusts: string; conditions: string[] }[];
    guardrails: { words: string; statements: { actions?: string[] }[] }[];
    boundaryProtections: { when: string; statements: { sid: string }[] }[];
    managedPolicies: { name: string }[];
    catalogueOverrides: { source: string; enforced: string }[];
  };
}

describe('iamc stdlib --format json is complete', () => {
  it('lists every pattern with its words, target, options and parts', async () => {
    const listed = await json();
    expect(listed.patterns.map((p) => p.id)).toEqual(PATTERNS.map((p) => p.id));
    for (const p of PATTERNS) {
      const entry = listed.patterns.find((l) => l.id === p.id)!;
      expect(entry.words).toBe(`${p.verb} ${p.service} ${p.resourceType}`);
      expect(entry.doc).toBe(p.doc);
      expect(entry.target.meaning).toBe(p.target.meaning.kind);
      expect(entry.options.map((o) => o.word)).toEqual(Object.keys(p.options ?? {}));
      expect([...new Set(entry.parts.flatMap((part) => part.actions))].sort()).toEqual(patternActions(p));
      // A part that only some names get (GetParametersByPath for a whole path) says so in its why.
      expect(entry.parts.every((part) => part.resources.length > 0 || part.why !== undefined)).toBe(true);
      expect(entry.parts.map((part) => part.why)).toEqual(p.parts.map((part) => part.why));
    }
  });
  it('shows where the name goes in each resource', async () => {
    const queue = (await json('sqs')).patterns.find((p) => p.id === 'sqs.consume.queue')!;
    expect(queue.parts[0]!.resources).toEqual(['arn:{partition}:sqs:{region}:{account}:{name}']);
  });
  it('lists principals, guardrails, boundary protections, managed policies and overrides', async () => {
    const listed = await json();
    expect(listed.principals.map((p) => p.form.split(' ')[0])).toEqual(expect.arrayContaining(['lambda', 'ec2', 'ecs-task', 'ecs-execution', 'github', 'azure-devops', 'role', 'account', 'service']));
    expect(listed.principals.find((p) => p.form.startsWith('github'))!.conditions.join(' ')).toContain(':sub = repo:');
    for (const g of GUARDRAILS) expect(listed.guardrails.map((l) => l.words)).toContain(`${g.kind} ${g.name}`);
    expect(listed.guardrails.map((g) => g.words)).toEqual(expect.arrayContaining(['restrict regions [REGIONS] except [SERVICES]', 'exempt role "NAME"']));
    expect(listed.boundaryProtections.flatMap((b) => b.statements.map((s) => s.sid))).toEqual(expect.arrayContaining(['DenyBoundaryPolicyEdits', 'DenyBoundaryRemoval']));
    expect(listed.managedPolicies.map((m) => m.name)).toEqual(ADMIN_EQUIVALENT_POLICIES.map((m) => m.name));
    expect(listed.catalogueOverrides.map((o) => o.source)).toEqual(CATALOGUE_OVERRIDES.map((o) => o.source));
  });
  it('keeps one service’s listing to its patterns and overrides', async () => {
    const listed = await json('sqs');
    expect(listed.patterns.every((p) => p.words.split(' ')[1] === 'sqs')).toBe(true);
    expect(listed.principals).toEqual([]);
    expect(listed.catalogueOverrides).toEqual([]);
  });
});

describe('iamc stdlib as text', () => {
  it('prints each grant as it is written, with what its target and options are on lines of their own', async () => {
    const run = await runCli(['stdlib', 'ecs'], tempDir());
    expect(run.stdout).toContain('deploy ecs service "NAME" [family "VALUE"]\n');
    expect(run.stdout).toContain('    target: cluster/service, e.g. `prod/web`\n');
    expect(run.stdout).toContain('    option family: task definition family');
    const xray = await runCli(['stdlib', 'xray'], tempDir());
    expect(xray.stdout).toMatch(/^write xray traces\n.*\n    target: none; written alone\n/);
    const metrics = await runCli(['stdlib', 'cloudwatch'], tempDir());
    expect(metrics.stdout).toContain('write cloudwatch metrics "NAME"\n');
    expect(metrics.stdout).toContain('(a condition, not a resource)');
  });

  it('shows each section a reviewer looks for', async () => {
    const run = await runCli(['stdlib'], tempDir());
    expect(run.code).toBe(0);
    for (const heading of ['principals (role NAME for …):', 'guardrails (SCP statements):', 'boundary protections', 'administrator-equivalent managed policies', 'catalogue overrides']) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).toContain('states:SendTaskSuccess');
    expect(run.stdout).toContain('https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_LogGroup.html');
  });
});

describe('iamc stdlib SERVICE TYPE', () => {
  it('lists only the patterns for that resource type', async () => {
    const run = await runCli(['stdlib', 's3', 'objects'], tempDir());
    expect(run.code).toBe(0);
    const heads = run.stdout.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
    expect(heads).toEqual(['delete s3 objects "NAME"', 'read s3 objects "NAME"', 'write s3 objects "NAME"']);
    const json = JSON.parse((await runCli(['stdlib', 's3', 'objects', '--format', 'json'], tempDir())).stdout) as { patterns: { resourceType: string }[] };
    expect(new Set(json.patterns.map((p) => p.resourceType))).toEqual(new Set(['objects']));
  });
  it('refuses a type the service has no pattern for, with the nearest and the list, at the word', async () => {
    const run = await runCli(['stdlib', 's3', 'objcts'], tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM0060]: `s3` has no pattern for a resource type `objcts`');
    expect(run.stderr).toContain('<command line>:1:16');
    expect(run.stderr).toContain('did you mean `objects`? (its resource types: `bucket`, `objects`)');
  });
  it('never ignores a word: a third is a usage error', async () => {
    const run = await runCli(['stdlib', 's3', 'objects', 'read'], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected at most SERVICE and TYPE, not 3 words');
  });
});

describe('iamc stdlib for a service it has no patterns for', () => {
  const unknown = async (word: string) => {
    const run = await runCli(['stdlib', word], tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[IAM0060]');
    expect(run.stderr).toContain('<command line>:1:13');
    return run.stderr;
  };
  it('suggests the service a misspelling is near', async () => {
    expect(await unknown('lambd')).toContain('did you mean `lambda`?');
  });
  it('points a resource type to its patterns across services', async () => {
    const text = await unknown('bucket');
    expect(text).toContain('`read s3 bucket`');
    expect(text).toContain('`write s3 bucket`');
  });
  it('says a catalogue service has no patterns yet, and points to `allow` with its prefix', async () => {
    const text = await unknown('iot');
    expect(text).toContain('no patterns for `iot` yet');
    expect(text).toContain('`allow "iot:Action" on "ARN"`');
  });
  it('sends a product name to the prefix its patterns are under', async () => {
    expect(await unknown('stepfunctions')).toContain('its patterns are under `states` (`iamc stdlib states`)');
    const text = await unknown('eventbridge');
    expect(text).toContain('`iamc stdlib events`');
    expect(text).toContain('`iamc stdlib scheduler`');
  });
  it('always offers the escape hatch', async () => {
    expect(await unknown('xyzzy')).toContain('`allow "SERVICE:Action" on "ARN"`');
  });
  it('reports as JSON when asked', async () => {
    const run = await runCli(['stdlib', 'lambd', '--format', 'json'], tempDir());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('IAM0060');
  });
});
