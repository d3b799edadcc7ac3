/**
 * A stdlib pattern that loses actions between versions changes committed output with no change
 * to the intents. `iamc diff` against the old output must show each dropped action, and say that
 * the grant is still there (a narrowing), never let it read like a grant someone deleted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/compile.js';

const INTENTS = `account prod = 123456789012
region eu-west-1

role app for ec2 in prod {
  write dynamodb table "orders"
  read s3 objects "assets/reports/*"
}
`;
const TABLE = 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders';

/** Compiled output as an older stdlib would have written it: one more action on the table. */
async function olderOutput(): Promise<string> {
  const dir = project({ 'intents/app.iam': INTENTS });
  const run = await runCli(['compile', 'intents', '--out', 'out'], dir);
  expect(run.code, run.stderr).toBe(0);
  const path = join(dir, 'out/iam/roles/app.policy.json');
  const policy = JSON.parse(readFileSync(path, 'utf8')) as { Statement: { Action: string[]; Resource: string[] }[] };
  const onTable = policy.Statement.find((s) => s.Resource.includes(TABLE))!;
  onTable.Action = [...onTable.Action, 'dynamodb:DeleteTable'].sort();
  writeFileSync(path, JSON.stringify(policy, null, 2));
  return dir;
}

describe('iamc diff announces a narrowed pattern', () => {
  it('names the dropped action and says the resource keeps its other actions', async () => {
    const run = await runCli(['diff', 'out', 'intents'], await olderOutput());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`- allow dynamodb:DeleteTable on ${TABLE}`);
    expect(run.stdout).toContain('the resource keeps its other actions');
    expect(run.stdout).toContain('1 action was dropped from resources that keep their other actions');
  });
  it('marks it in JSON and Markdown too', async () => {
    const dir = await olderOutput();
    const json = JSON.parse((await runCli(['diff', 'out', 'intents', '--format', 'json'], dir)).stdout) as { changes: { grantRemains?: boolean; before?: { action: string } }[] };
    expect(json.changes.filter((c) => c.grantRemains).map((c) => c.before?.action)).toEqual(['dynamodb:DeleteTable']);
    expect((await runCli(['diff', 'out', 'intents', '--format', 'markdown'], dir)).stdout).toContain('the resource keeps its other actions');
  });
  it('does not call a removed grant a narrowing', async () => {
    const dir = await olderOutput();
    writeFileSync(join(dir, 'intents/app.iam'), INTENTS.replace('  write dynamodb table "orders"\n', ''));
    const run = await runCli(['diff', 'out', 'intents'], dir);
    expect(run.stdout).toContain(`- allow dynamodb:PutItem on ${TABLE}`);
    expect(run.stdout).not.toContain('keeps its other actions');
  });
});
