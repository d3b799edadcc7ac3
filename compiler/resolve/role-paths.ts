/**
 * A role named in a grant (`pass iam role NAME`) gets its path from the program's declaration of
 * that role; a role declared elsewhere is assumed to sit at path `/`. A role on another path is
 * then silently missed: AWS names it `role/PATH/NAME`, and `role/NAME` is another role. So a role
 * the program does not declare is a warning (IAM2135) that says which ARN was built, and a name
 * holding `/` (a path written into the name) is refused with the ARN to write instead.
 */
import { PARTITION, type ResolveContext } from './context.js';
import type { Word } from '../syntax/ast.js';
import type { AccountRef } from '../ir/intent.js';
import type { TargetShape } from '../../stdlib/pattern.js';
import { globMatches } from '../glob/glob.js';

/** False when the target is refused here, so no other check reports the same mistake. */
export function checkRolePath(ctx: ResolveContext, shape: TargetShape, word: Word, account: AccountRef | undefined): boolean {
  if (shape.meaning.kind !== 'role' || word.value.startsWith('arn:') || account === undefined) return true;
  const name = word.value;
  const prefix = `arn:${PARTITION}:iam::${account.id}:role`;
  if (name.includes('/')) {
    const slash = name.lastIndexOf('/');
    const path = `/${name.slice(0, slash).replace(/^\/+/, '')}/`;
    const arn = `${prefix}${path}${name.slice(slash + 1)}`;
    ctx.bag.add('IAM2111', word.span, `\`${name}\` is not a role name: a role's path is not part of its name`, {
      suggestion: `write the role's ARN, \`${arn}\`, or declare the role with \`path "${path}"\` and name it \`${name.slice(slash + 1)}\``,
    });
    return false;
  }
  // `*` alone is every role, on every path: no path is assumed.
  if (/^\*+$/.test(name)) return true;
  const declared = [...(ctx.declared.get('role')?.keys() ?? [])];
  if (declared.some((d) => d === name || globMatches(name, d))) return true;
  const what = /[*?]/.test(name) ? 'names no role of this program' : 'is not a role of this program';
  ctx.bag.add('IAM2135', word.span, `\`${name}\` ${what}, so it is taken to be at path \`/\`: \`${prefix}/${name}\`; a role on another path is not reached`, {
    suggestion: `write the role's full ARN, \`${prefix}/PATH/${name}\`, or declare the role in this program`,
  });
  return true;
}
