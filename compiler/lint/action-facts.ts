/** What the lint rules ask of the action catalogue about an action as written (literal or glob). */
import { expandActionGlob, lookupAction, type CatalogueAction } from '../catalogue/catalogue.js';
import { globMatches } from '../glob/glob.js';
import { hasWildcard } from './document.js';

/** `*` or `service:*`: every action of a service (or of AWS), including those added later. */
export function isServiceWide(action: string): boolean {
  return action === '*' || /^[A-Za-z0-9-]+:\*+$/.test(action);
}

/** The catalogue actions an action as written stands for; `*` stands for all and is not listed. */
export function expandAction(action: string): CatalogueAction[] {
  if (action === '*') return [];
  if (!hasWildcard(action)) {
    const found = lookupAction(action);
    return found ? [found] : [];
  }
  return expandActionGlob(action)
    .map((name) => lookupAction(name))
    .filter((a): a is CatalogueAction => a !== undefined);
}

/** Does the action as written (literal or glob, `*` included) cover `name`? */
export function actionCovers(written: string, name: string): boolean {
  return globMatches(written, name, { caseInsensitive: true });
}

/** Write and permissions-management actions change things; the catalogue's level says which. */
export function changesThings(action: CatalogueAction): boolean {
  return /write|permissions management/i.test(action.accessLevel);
}

/** Managing who may do what: any permissions-management action, or any IAM write. */
export function managesPermissions(action: CatalogueAction): boolean {
  return /permissions management/i.test(action.accessLevel) || (action.service === 'iam' && /write/i.test(action.accessLevel));
}

export function qualifiedName(action: CatalogueAction): string {
  return `${action.service}:${action.name}`;
}
