/**
 * Statement merging. Two statements may merge when they have the same effect, principal and
 * conditions and either the same actions (union the resources) or the same resources (union
 * the actions). Both unions are exact: a request matched by the merged statement is matched by
 * one of the two, because actions × resources of each side is kept whole on the other axis.
 * (Merging on different actions AND different resources would grant the cross product: never.)
 * Origins are the union of both sides'.
 */
import { canonicalConditions } from './conditions.js';
import type { Statement } from './policy.js';

export function mergeStatements(statements: readonly Statement[]): Statement[] {
  let current = [...statements];
  for (const axis of ['resources', 'actions'] as const) {
    const groups = new Map<string, Statement>();
    // The Sids a merged statement serves, so its own Sid names them all (a reviewer reads the Sid
    // as "which grant is this"; the first grant's alone would hide the others').
    const sids = new Map<string, string[]>();
    const order: string[] = [];
    for (const [index, s] of current.entries()) {
      const key = mergeKey(s, axis, index);
      const seen = groups.get(key);
      if (!seen) {
        groups.set(key, s);
        sids.set(key, splitSid(s.sid));
        order.push(key);
        continue;
      }
      const names = [...new Set([...sids.get(key)!, ...splitSid(s.sid)])];
      sids.set(key, names);
      groups.set(key, {
        ...seen,
        sid: joinSids(names),
        [axis]: union(seen[axis] ?? [], s[axis] ?? []),
        origins: [...seen.origins, ...s.origins.filter((o) => !seen.origins.includes(o))],
      });
    }
    current = order.map((k) => groups.get(k)!);
  }
  return current;
}

const AND = 'And';

/** A Sid joined by an earlier merge is taken apart again, so the same names are not counted twice. */
function splitSid(sid: string): string[] {
  return sid.includes(`${AND}More`) ? [sid] : sid.split(new RegExp(`(?<=[a-z0-9])${AND}(?=[A-Z])`));
}

/** `ReadDynamodbStreamListStreams` + `WriteXrayTraces` → `ReadDynamodbStreamListStreamsAndWriteXrayTraces`; beyond three, `…And2More`. */
function joinSids(names: readonly string[]): string {
  return names.length <= 3 ? names.join(AND) : `${names.slice(0, 2).join(AND)}${AND}${names.length - 2}More`;
}

/** Everything but `axis` must be equal for two statements to merge along `axis`. */
function mergeKey(s: Statement, axis: 'actions' | 'resources', index: number): string {
  const other = axis === 'resources' ? 'actions' : 'resources';
  if (s.notActions || s.notResources || s.principal) return `unique:${index}`; // NotX is not a union; trusts stay one per principal
  return JSON.stringify([
    s.effect,
    s.principal ?? null,
    [...(s[other] ?? [])].sort(),
    canonicalConditions(s.conditions),
  ]);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
