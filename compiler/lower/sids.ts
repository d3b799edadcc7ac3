/** Statement ids derived from the intent, so a reviewer can tell which grant a statement serves. */
import type { IntentGrant } from '../ir/intent.js';
import type { Statement } from '../ir/policy.js';

export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `consume sqs queue` → `ConsumeSqsQueue`; a later part adds its first action (`…GetAuthorizationToken`). */
export function grantSid(grant: IntentGrant, partIndex: number, firstAction: string): string {
  if (grant.kind === 'raw') return `${grant.effect}${pascal(firstAction)}`;
  const base = pascal(`${grant.pattern.verb} ${grant.pattern.service} ${grant.pattern.resourceType}`);
  return partIndex === 0 ? base : `${base}${pascal(firstAction.split(':')[1] ?? '')}`;
}

/** Sorts statements (Deny first, then by Sid and content) and makes Sids unique with a counter. */
export function finishStatements(statements: readonly Statement[]): Statement[] {
  const sorted = [...statements].sort((a, b) => {
    if (a.effect !== b.effect) return a.effect === 'Deny' ? -1 : 1;
    if (a.sid !== b.sid) return a.sid < b.sid ? -1 : 1;
    const ka = contentKey(a);
    const kb = contentKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const used = new Map<string, number>();
  return sorted.map((s) => {
    const n = (used.get(s.sid) ?? 0) + 1;
    used.set(s.sid, n);
    return n === 1 ? s : { ...s, sid: `${s.sid}${n}` };
  });
}

function contentKey(s: Statement): string {
  return JSON.stringify([s.actions ?? s.notActions, s.resources ?? s.notResources, s.conditions]);
}
