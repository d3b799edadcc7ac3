/**
 * The ARNs a request for an action can carry: the formats of the resource types the action
 * accepts, from AWS's catalogue. An action that accepts only `*` (or is not in the catalogue) is
 * given every string, so nothing is ever proved by leaving ARNs out.
 */
import { lookupAction, resourceTypeFormats } from '../catalogue/catalogue.js';
import type { Universe } from './meaning-contains.js';

const cache = new Map<string, Universe>();

export function actionUniverse(action: string): Universe {
  const key = action.toLowerCase();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const found = lookupAction(action);
  let universe: Universe = 'any';
  if (found !== undefined && found.resourceTypes.length > 0) {
    const perType = found.resourceTypes.map((rt) => resourceTypeFormats(found.service, rt.name));
    // A type the catalogue lists without a format would hide ARNs: then every string it is.
    if (perType.every((formats) => formats.length > 0)) universe = perType.flat();
  }
  cache.set(key, universe);
  return universe;
}

/** The union of several actions' universes. */
export function actionsUniverse(actions: readonly string[]): Universe {
  const parts = actions.map(actionUniverse);
  if (parts.some((u) => u === 'any')) return 'any';
  return parts.flatMap((u) => u as Exclude<Universe, 'any'>);
}
