/** Prints an explanation as text (for people) or JSON (for tools); both deterministic. */
import type { Span } from '../diagnostics/span.js';
import type { Explanation, LocatedStatement, NearMiss } from './explain.js';

const DECISION_TEXT = {
  Allowed: 'allowed',
  ImplicitlyDenied: 'implicitly denied',
  ExplicitlyDenied: 'explicitly denied',
} as const;

/** Why the decision fell as it did, in one line. */
function reason(e: Explanation): string {
  switch (e.decidedBy) {
    case 'deny':
      return 'an explicit Deny matches the request, and a Deny always wins';
    case 'boundary':
      return `the identity policy allows it, but the permissions boundary \`${e.boundary ?? ''}\` does not`;
    case 'identity':
      return e.boundary !== undefined ? `the identity policy and the permissions boundary \`${e.boundary}\` both allow it` : 'the identity policy allows it';
    default:
      return 'no statement of the identity policy allows it';
  }
}

export function renderExplanationText(e: Explanation, sources: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  lines.push(`${e.request.action} on ${e.request.resource}`);
  lines.push(`  by role ${e.role} (${e.roleArn})`);
  lines.push('');
  lines.push(`${DECISION_TEXT[e.decision]}: ${reason(e)}`);
  if (e.deciding.length > 0) {
    lines.push('');
    lines.push(e.decision === 'ExplicitlyDenied' ? 'denied by:' : e.decision === 'Allowed' ? 'allowed by:' : 'the identity policy allows it through:');
    for (const l of e.deciding) lines.push(...statementLines(l, sources));
  }
  if (e.closest.length > 0) {
    lines.push('');
    lines.push(e.decidedBy === 'boundary' ? 'closest boundary statements, and why each does not match:' : 'closest statements, and why each does not match:');
    for (const near of e.closest) {
      lines.push(...statementLines(near, sources));
      for (const m of near.mismatches) lines.push(`      ✗ ${m.part}: ${m.message}`);
    }
  } else if (e.decision === 'ImplicitlyDenied' && e.decidedBy !== 'boundary') {
    lines.push('');
    lines.push(`no statement names \`${e.request.action}\` or matches \`${e.request.resource}\``);
  }
  if (e.unresolved.length > 0) {
    lines.push('');
    lines.push(`this depends on ${e.unresolved.map((v) => `\`${v}\``).join(', ')}, which the request does not carry: ${e.unresolved.length === 1 ? 'it was' : 'they were'} compared as written, and AWS would put in the caller's value`);
    lines.push(`  give ${e.unresolved.length === 1 ? 'it' : 'them'} with ${e.unresolved.map((v) => `\`--context ${v.slice(2, -1)}=VALUE\``).join(' ')}`);
  }
  if (e.unseen.length > 0) {
    lines.push('');
    lines.push(`the role also attaches ${e.unseen.map((p) => `\`${p}\``).join(', ')}, whose document iamc does not have: this answer leaves ${e.unseen.length === 1 ? 'it' : 'them'} out`);
  }
  return `${lines.join('\n')}\n`;
}

function statementLines(l: LocatedStatement | NearMiss, sources: ReadonlyMap<string, string>): string[] {
  const out = [`  ${l.statement.effect} ${l.statement.sid} (${l.policy} policy)`];
  if (l.outsideProof) out.push('    attached as written: outside the containment proof');
  for (const span of l.statement.origins) {
    const text = sourceLine(span, sources);
    out.push(`    from ${span.file}:${span.line}:${span.column}${text === undefined ? '' : `: ${text}`}`);
  }
  return out;
}

function sourceLine(span: Span, sources: ReadonlyMap<string, string>): string | undefined {
  const text = sources.get(span.file);
  if (text === undefined) return undefined;
  return text.split('\n')[span.line - 1]?.trim();
}

export function renderExplanationJson(e: Explanation, sources: ReadonlyMap<string, string>): string {
  const statement = (l: LocatedStatement) => ({
    policy: l.policy,
    sid: l.statement.sid,
    effect: l.statement.effect,
    ...(l.outsideProof ? { outsideProof: true } : {}),
    origins: l.statement.origins.map((s) => ({ file: s.file, line: s.line, column: s.column, text: sourceLine(s, sources) ?? null })),
  });
  return `${JSON.stringify(
    {
      role: e.role,
      roleArn: e.roleArn,
      boundary: e.boundary ?? null,
      request: e.request,
      decision: DECISION_TEXT[e.decision],
      decidedBy: e.decidedBy,
      statements: e.deciding.map(statement),
      closest: e.closest.map((n) => ({ ...statement(n), mismatches: n.mismatches })),
      dependsOn: e.unresolved,
      ...(e.unseen.length > 0 ? { unseenManagedPolicies: e.unseen } : {}),
    },
    null,
    2,
  )}\n`;
}
