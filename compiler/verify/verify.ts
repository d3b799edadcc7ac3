/**
 * The compile-time proof (docs/verification.md): every emitted Allow statement lies inside the grants it came
 * from, every trust policy says exactly what the `for` clause says, and every action, resource and
 * condition key fits AWS's catalogue. A failure is a bug in lowering, never the user's mistake, and
 * the statement is not written (the pipeline stops on errors).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { IntentGrant, IntentProgram } from '../ir/intent.js';
import type { CompiledProgram, PolicyDocument, Statement } from '../ir/policy.js';
import { checkCatalogue } from './catalogue-check.js';
import { keepsCondition } from './condition-strictness.js';
import { grantCells, type Cell } from './denotation.js';
import { globContains } from '../glob/glob-contains.js';
import { includedInMeaning } from '../glob/meaning-contains.js';
import { actionUniverse } from '../glob/universe.js';
import { checkTrust } from './trust-check.js';

export function verifyProgram(intent: IntentProgram, compiled: CompiledProgram): Diagnostic[] {
  const out: Diagnostic[] = [];
  const roles = new Map(intent.roles.map((r) => [r.name, r]));
  for (const role of compiled.roles) {
    const source = roles.get(role.name);
    if (source === undefined) {
      out.push(diagnostic('IAM4101', role.span, `role \`${role.name}\` was emitted but no intent declares it`));
      continue;
    }
    for (const doc of role.policies) out.push(...verifyDocument(`role \`${role.name}\``, doc, source.grants, role.span));
    out.push(...checkTrust(role.name, role.trust, source.principal));
  }
  const sets = new Map(intent.permissionSets.map((p) => [p.name, p]));
  for (const set of compiled.permissionSets) {
    const source = sets.get(set.name);
    if (source === undefined) {
      out.push(diagnostic('IAM4101', set.span, `permission set \`${set.name}\` was emitted but no intent declares it`));
      continue;
    }
    out.push(...verifyDocument(`permission set \`${set.name}\``, set.policy, source.grants, set.span));
  }
  return out;
}

/** Containment of one identity document, plus the catalogue checks of each of its statements. */
export function verifyDocument(owner: string, doc: PolicyDocument, grants: readonly IntentGrant[], ownerSpan: Span): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bySpan = new Map<string, IntentGrant>(grants.map((g) => [spanKey(g.span), g]));
  const cellCache = new Map<IntentGrant, Cell[]>();
  const cellsOf = (g: IntentGrant): Cell[] => {
    let cells = cellCache.get(g);
    if (cells === undefined) cellCache.set(g, (cells = grantCells(g)));
    return cells;
  };
  for (const statement of doc.statements) {
    out.push(...checkCatalogue(owner, statement, ownerSpan));
    // A Deny only takes access away; it cannot exceed an intent.
    if (statement.effect === 'Deny') continue;
    const origins = statement.origins.map((o) => bySpan.get(spanKey(o)));
    const failure = containmentFailure(statement, origins, cellsOf);
    if (failure !== undefined) {
      out.push(
        diagnostic(failure.code ?? 'IAM4101', statement.origins[0] ?? ownerSpan, `statement \`${statement.sid}\` of ${owner} ${failure.message}`, {
          ...(failure.detail !== undefined ? { detail: failure.detail } : {}),
          related: statement.origins.map((span) => ({ message: `statement \`${statement.sid}\` came from this grant`, span })),
        }),
      );
    }
  }
  return out;
}

function containmentFailure(
  s: Statement,
  origins: readonly (IntentGrant | undefined)[],
  cellsOf: (g: IntentGrant) => Cell[],
): { code?: 'IAM4105'; message: string; detail?: string } | undefined {
  if (s.notActions !== undefined || s.notResources !== undefined) return { message: 'uses `NotAction` or `NotResource`, which no grant denotes' };
  if (s.principal !== undefined) return { message: 'names a principal, which an identity policy never does' };
  if (origins.length === 0) return { message: 'has no origin grant' };
  if (origins.some((g) => g === undefined)) return { message: 'names an origin that is not a grant of its owner' };
  const grants = origins as IntentGrant[];
  if (grants.some((g) => g.kind === 'raw' && g.effect === 'Deny')) return { message: 'allows what a `deny` grant wrote' };
  const cells = grants.flatMap(cellsOf);
  const actions = s.actions ?? [];
  const resources = s.resources ?? [];
  if (actions.length === 0 || resources.length === 0) return { message: 'has no actions or no resources' };
  for (const action of actions) {
    const byAction = cells.filter((c) => c.actions.some((a) => globContains(a, action, { caseInsensitive: true }).contains));
    if (byAction.length === 0) return { message: `allows \`${action}\`, which none of its grants names` };
    const kept = byAction.filter((c) => c.conditions.every((w) => keepsCondition(s.conditions, w)));
    const universe = actionUniverse(action);
    for (const resource of resources) {
      // The union matters: `function:f-*` lies in `function:f-…` and its qualifiers together.
      const result = includedInMeaning(resource, universe, kept.flatMap((c) => c.resources));
      if (result.contains === true) continue;
      if (result.contains === 'unknown') return { code: 'IAM4105', message: `allows \`${action}\` on \`${resource}\`, which could not be proved inside its grants within the work budget` };
      const loose = includedInMeaning(resource, universe, byAction.flatMap((c) => c.resources));
      if (loose.contains === true) {
        const missing = byAction.flatMap((c) => c.conditions).find((w) => !keepsCondition(s.conditions, w));
        return {
          message: `allows \`${action}\` on \`${resource}\` without the grant's conditions`,
          ...(missing !== undefined ? { detail: `the grant requires \`${missing.operator}\` on \`${missing.key}\`` } : {}),
        };
      }
      const witness = loose.contains === false ? loose.counterexample : result.counterexample;
      return {
        message: `allows \`${action}\` on \`${resource}\`, beyond the resources its grants name`,
        detail: `for example \`${witness}\` is covered by the statement and meant by no grant`,
      };
    }
  }
  return undefined;
}

function spanKey(span: Span): string {
  return `${span.file}\u0000${span.offset}\u0000${span.endOffset}`;
}
