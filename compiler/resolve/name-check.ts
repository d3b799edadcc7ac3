/**
 * A target name must not widen on its way to an ARN. IAM's `*` and `?` also match `/` and `:`, so
 * the objects `tenant-*` + `/public/*` as one ARN reach `tenant-a/private/payroll/public/x`, and a role glob
 * `app-*` reaches `app-team/OrgAdmin` (the role OrgAdmin on path `/app-team/`). Where the ARN a
 * pattern would emit reaches an ARN outside the name's meaning (docs/language.md), the grant is
 * refused with that ARN as the example; the proof in verify checks the same again per statement.
 */
import type { PatternGrant } from '../ir/intent.js';
import type { Word } from '../syntax/ast.js';
import type { ResolveContext } from './context.js';
import { includedInMeaning } from '../glob/meaning-contains.js';
import { actionUniverse } from '../glob/universe.js';
import { activeMutant } from '../verify/mutants.js';

export type Widening =
  | { readonly kind: 'crosses'; readonly emitted: string; readonly example: string }
  | { readonly kind: 'too-complex'; readonly emitted: string };

export function nameWidening(pattern: PatternGrant['pattern'], built: string, meaning: string): Widening | undefined {
  for (const part of pattern.parts) {
    for (const emitted of part.on({ arn: built })) {
      for (const action of part.actions) {
        // Every part that grants the action counts: a table's Query reaches its indexes through another part.
        const meanings = pattern.parts.filter((p) => p.actions.includes(action)).flatMap((p) => p.on({ arn: meaning }));
        const result = includedInMeaning(emitted, actionUniverse(action), meanings);
        if (result.contains === true) continue;
        if (result.contains === 'unknown') return { kind: 'too-complex', emitted };
        return { kind: 'crosses', emitted, example: result.counterexample };
      }
    }
  }
  return undefined;
}

/** Why the ARN reads wider than the name, by the kind of name. */
const WHY: Record<string, string> = {
  objects: 'a bucket name never holds `/`: the bucket is everything before the first `/`, and IAM lets the `*` run past it',
  role: 'a role name never holds `/`: what stands before the last `/` is the role\'s path, and IAM lets the wildcard run into it',
  path: 'a wildcard stays inside one level of the path unless the name ends in `/*`',
  segment: 'the name never holds `/`, and IAM lets the wildcard run past it',
  'segment-colon': 'the name never holds `:` (what follows is a version, alias or execution), and IAM lets the wildcard run past it',
};

/** What to write instead, by the kind of name. */
const ALTERNATIVES: Record<string, string> = {
  objects: 'name each bucket (`["tenant-a/public/*", "tenant-b/public/*"]`), or grant whole buckets (`tenant-*/*`)',
  role: 'list the role names: IAM cannot say "a name without `/`", so a role-name glob also matches roles on other paths',
  path: 'end the glob at a level (`/app/prod/*` is everything below `/app/prod/`), or list the names',
  segment: 'list the names, or end the name with the wildcard where its position allows it',
  'segment-colon': 'list the names, or end the name with the wildcard where its position allows it',
};

/** Reports a widening target; true when one was reported. */
export function refuseWidening(ctx: ResolveContext, pattern: PatternGrant['pattern'], word: Word, built: string, meaning: string): boolean {
  const widening = activeMutant() === 'unchecked-names' ? undefined : nameWidening(pattern, built, meaning);
  if (widening === undefined) return false;
  const escape = '`allow "ACTION" on "ARN" because "…"` states its own meaning where you want the wider ARN';
  if (widening.kind === 'too-complex') {
    ctx.bag.add('IAM2131', word.span, `\`${word.value}\` is too intricate to prove: its ARN \`${widening.emitted}\` could not be checked against the name's meaning`, {
      suggestion: `use fewer \`?\` and \`*\`, or list the names; ${escape}`,
    });
    return true;
  }
  const kind = pattern.target.meaning.kind;
  // A compound name (`DB-RESOURCE-ID/USER`, `CLUSTER/SERVICE`) is written with `/` between its
  // parts, so "the name never holds `/`" would contradict what was written: say it per part.
  const compound = kind === 'segment' && !word.value.startsWith('arn:') && word.value.includes('/');
  const why = compound ? 'each `/`-separated part is one name that never holds `/`, and IAM lets the wildcard run past it' : WHY[kind];
  const instead = compound ? 'list the names in full, part by part, with no `*` or `?` where it could run past a `/`' : ALTERNATIVES[kind];
  ctx.bag.add('IAM2130', word.span, `\`${word.value}\` would reach beyond the names it means: IAM's \`*\` and \`?\` also match \`/\` and \`:\``, {
    detail: `the ARN \`${widening.emitted}\` also allows \`${widening.example}\`, which \`${word.value}\` does not name: ${why ?? 'IAM lets the wildcard run past a separator'}`,
    suggestion: `${instead ?? 'list the names'}; ${escape}`,
  });
  return true;
}
