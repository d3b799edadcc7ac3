/** Prints a program diff as text (a review-friendly list) or JSON; both deterministic. */
import type { Span } from '../diagnostics/span.js';
import { conditionText, isEmptyDiff, type AccessGrant, type ProgramDiff } from './diff.js';

const at = (s: Span) => `${s.file}:${s.line}`;

function grantText(g: AccessGrant): string {
  const when = g.conditions.length > 0 ? ` when ${g.conditions.map(conditionText).join(' and ')}` : '';
  return `${g.effect.toLowerCase()} ${g.action} on ${g.resource}${when}`;
}

export function renderDiffText(d: ProgramDiff): string {
  if (isEmptyDiff(d)) return 'no difference in access\n';
  const lines: string[] = [];
  for (const r of d.rolesAdded) lines.push(`+ role ${r.name} (${at(r.span)})`);
  for (const r of d.rolesRemoved) lines.push(`- role ${r.name} (was ${at(r.span)})`);
  for (const r of d.rolesChanged) {
    lines.push(`~ role ${r.name}`);
    for (const t of r.trust) lines.push(`    trust ${t}`);
    for (const s of r.settings) lines.push(`    ${s}`);
    // For added access the place to look is HEAD; for removed access, BASE.
    for (const g of r.added) lines.push(`    + ${grantText(g)}  (${g.origins.map(at).join(', ')})`);
    for (const g of r.removed) lines.push(`    - ${grantText(g)}  (was ${g.origins.map(at).join(', ')})`);
  }
  const sign = { added: '+', removed: '-', changed: '~' } as const;
  for (const p of d.policies) lines.push(`${sign[p.change]} ${p.kind} ${p.name}: ${p.change === 'changed' ? p.summary : `${p.change}, ${p.summary}`}`);
  return `${lines.join('\n')}\n`;
}

export function renderDiffJson(d: ProgramDiff): string {
  const span = (s: Span) => ({ file: s.file, line: s.line });
  const grant = (g: AccessGrant) => ({ effect: g.effect, action: g.action, resource: g.resource, conditions: g.conditions, origins: g.origins.map(span) });
  return `${JSON.stringify(
    {
      different: !isEmptyDiff(d),
      rolesAdded: d.rolesAdded.map((r) => ({ name: r.name, ...span(r.span) })),
      rolesRemoved: d.rolesRemoved.map((r) => ({ name: r.name, ...span(r.span) })),
      rolesChanged: d.rolesChanged.map((r) => ({ name: r.name, trust: r.trust, settings: r.settings, added: r.added.map(grant), removed: r.removed.map(grant) })),
      policies: d.policies,
    },
    null,
    2,
  )}\n`;
}
