/**
 * The verb law: `read`, `write` and `delete` mean one thing on every service, judged by AWS's
 * catalogue and committed lists (test/stdlib/verb-law/), not by what a pattern says of itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupAction } from '../../compiler/catalogue/catalogue.js';
import { PATTERNS } from '../../stdlib/index.js';
import type { Pattern } from '../../stdlib/pattern.js';
import { verbMeaning } from '../../stdlib/verbs.js';
import {
  DELETING_LIST_PATH,
  deletingActionsByRule,
  deletingList,
  deletingSet,
  permissionsManagementPairs,
  staleExceptions,
  verbLawBreaches,
  writeDeletes,
} from './verb-law/law.js';

const committed = deletingList();
const rebuilt = deletingActionsByRule(committed.additions);
/** One service per line, so a catalogue update shows as a short diff. */
const serialise = (list: typeof rebuilt): string =>
  `${JSON.stringify(list, null, 2).replace(/\[\n\s+("[^"\n]*",?\n\s+)*"[^"\n]*"\n\s+\]/g, (m) => JSON.stringify(JSON.parse(m)))}\n`;
if (process.env.UPDATE_VERB_LAW === '1') writeFileSync(DELETING_LIST_PATH, serialise(rebuilt));

const DELETING = deletingSet(committed);
const breaches = (patterns: readonly Pattern[]) => verbLawBreaches(patterns, DELETING, writeDeletes(), permissionsManagementPairs());

function pattern(id: string): Pattern {
  const p = PATTERNS.find((x) => x.id === id);
  if (!p) throw new Error(`no pattern ${id}`);
  return p;
}

/** A copy of a pattern with one more action in its first part: a deliberately broken pattern. */
const withAction = (p: Pattern, action: string): Pattern => ({
  ...p,
  parts: [{ ...p.parts[0]!, actions: [...p.parts[0]!.actions, action] }, ...p.parts.slice(1)],
});

describe('the verb law', () => {
  it('holds for every stdlib pattern', () => {
    expect(breaches(PATTERNS)).toEqual([]);
  });

  it('keeps no exception for a write pattern that no longer grants the action', () => {
    expect(staleExceptions(PATTERNS, writeDeletes())).toEqual([]);
  });

  it('gives every verb a pattern uses a meaning in docs/stdlib.md', () => {
    expect([...new Set(PATTERNS.map((p) => p.verb))].filter((v) => verbMeaning(v) === undefined)).toEqual([]);
  });
});

describe('the verb law catches a broken pattern', () => {
  it('refuses a delete under `write` (DeleteObject added to `write s3 objects`)', () => {
    expect(breaches([withAction(pattern('s3.write.objects'), 's3:DeleteObject')])).toEqual([
      's3.write.objects: write grants s3:DeleteObject, a deleting action',
    ]);
  });

  it('refuses a delete under `put`, even BatchWriteItem (added to `put dynamodb items`)', () => {
    expect(breaches([withAction(pattern('dynamodb.put.items'), 'dynamodb:BatchWriteItem')])).toEqual([
      'dynamodb.put.items: put grants dynamodb:BatchWriteItem, a deleting action',
    ]);
  });

  it('refuses a write under `read` (PutObject added to `read s3 objects`)', () => {
    expect(breaches([withAction(pattern('s3.read.objects'), 's3:PutObject')])).toEqual(['s3.read.objects: read grants s3:PutObject, of access level Write']);
  });

  it('refuses anything but a deleting action under `delete`', () => {
    const del: Pattern = { ...pattern('s3.write.objects'), id: 's3.delete.objects', verb: 'delete', parts: [{ actions: ['s3:DeleteObject', 's3:PutObject'], on: (t) => [t.arn] }] };
    expect(breaches([del])).toEqual(['s3.delete.objects: delete grants s3:PutObject, which is not on the deleting list']);
  });

  it('refuses a Permissions management action under a verb not on the allow-list (PutObjectAcl under `write`)', () => {
    expect(breaches([withAction(pattern('s3.write.objects'), 's3:PutObjectAcl')])).toEqual([
      's3.write.objects: write grants s3:PutObjectAcl, of access level Permissions management, and (write, s3:PutObjectAcl) is not on the allow-list',
    ]);
  });

  it('lets a write API that deletes through only with the exception on file and a note in the pattern', () => {
    const table = pattern('dynamodb.write.table');
    const only = (p: Pattern) => breaches([p]).filter((b) => b.includes('BatchWriteItem'));
    expect(only({ ...table, note: 'BatchWriteItem can also delete items' })).toEqual([]);
    expect(only({ ...table, note: undefined })).toEqual([
      'dynamodb.write.table: write grants dynamodb:BatchWriteItem, which deletes through its API, and the pattern has no note saying so',
    ]);
    expect(verbLawBreaches([{ ...table, note: 'x' }], DELETING, [], []).filter((b) => b.includes('BatchWriteItem'))).toEqual([
      'dynamodb.write.table: write grants dynamodb:BatchWriteItem, a deleting action',
    ]);
  });
});

describe('the committed lists', () => {
  it('keep the deleting list current with its rule and the catalogue (UPDATE_VERB_LAW=1 rewrites it)', () => {
    expect(JSON.parse(readFileSync(DELETING_LIST_PATH, 'utf8'))).toEqual(rebuilt);
  });

  it('hold only actions the catalogue has, each addition with its reason', () => {
    for (const a of committed.additions) {
      expect(lookupAction(a.action), a.action).toBeDefined();
      expect(a.why.length, a.action).toBeGreaterThan(10);
    }
    for (const e of writeDeletes()) expect(DELETING.has(e.action.toLowerCase()), e.action).toBe(true);
  });

  it('allow a Permissions management pair only for an action of that access level', () => {
    for (const pair of permissionsManagementPairs()) expect(lookupAction(pair.action)?.accessLevel, pair.action).toContain('Permissions management');
  });
});
