/**
 * One request judged both ways, for the identity laws (identity-laws, pattern-laws): the
 * simulator's verdict on the emitted policies, and the oracle's denotation with the context keys
 * the simulator found not to apply removed. `undefined` when there is nothing to judge: a request
 * AWS never sends, or one the simulator will not decide.
 */
import { isReal } from '../requests.js';
import type { ActionSample } from './catalogue-samples.js';
import { denotes, type OracleCell, type OracleRequest } from './oracle.js';
import { simulateRequest } from './simulate.js';
import { verdictOf } from './verdict.js';

export interface Judgement {
  readonly allowed: boolean;
  readonly denoted: boolean;
  /** The request's context as the oracle read it. */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

export async function judge(
  r: OracleRequest,
  role: { readonly name: string; readonly policies: readonly { readonly name: string; readonly policy: unknown }[] },
  cells: readonly OracleCell[],
  byAction: ReadonlyMap<string, ActionSample>,
): Promise<Judgement | undefined> {
  // An ARN of a type the action never takes is a request AWS never sends: nothing to judge.
  if (!isReal(r, byAction)) return undefined;
  const verdict = verdictOf(await simulateRequest({ roleName: role.name, identity: role.policies }, r), r);
  if (verdict === undefined) return undefined;
  // Keys the simulator judged not to apply to this action are absent for the oracle too.
  const context = Object.fromEntries(Object.entries(r.context).filter(([k]) => !verdict.ignored.has(k)));
  return { allowed: verdict.allowed, denoted: denotes(cells, { ...r, context }), context };
}
