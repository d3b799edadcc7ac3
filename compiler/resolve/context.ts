/**
 * What every resolver shares: the program's declarations by name, the region in force, and the
 * diagnostics bag. Built once by `resolve.ts` from all files (a folder is one program).
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Span } from '../diagnostics/span.js';
import type { Declaration, Word } from '../syntax/ast.js';
import type { AccountRef } from '../ir/intent.js';
import type { ArnContext } from '../../stdlib/pattern.js';

export const PARTITION = 'aws';

export interface ResolveContext {
  readonly bag: DiagnosticBag;
  /** Valid accounts by name (invalid ids were reported and are absent). */
  readonly accounts: ReadonlyMap<string, AccountRef & { readonly span: Span }>;
  /** Every declared account name, valid or not, so a bad id is reported once, not at each use. */
  readonly declaredAccounts: ReadonlySet<string>;
  readonly region?: string;
  /** `identity-center region R`: the home region in the path of the roles Identity Center creates. */
  readonly identityCenterRegion?: string;
  /** Declarations by kind and name (first declaration wins; duplicates are reported). */
  readonly declared: ReadonlyMap<Declaration['kind'], ReadonlyMap<string, Declaration>>;
}

/**
 * The account a word names, or a diagnostic. A literal 12-digit id is that account, whatever is
 * declared: it is looked at first, so no declaration can redirect it (a 12-digit account name is
 * refused as well). It takes the name of a declared account with the same id, the first by name.
 */
export function resolveAccount(ctx: ResolveContext, word: Word): AccountRef | undefined {
  if (/^\d{12}$/.test(word.value)) {
    const named = [...ctx.accounts.values()].filter((a) => a.id === word.value).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
    return { name: named?.name ?? word.value, id: word.value };
  }
  const found = ctx.accounts.get(word.value);
  if (found) return { name: found.name, id: found.id };
  if (ctx.declaredAccounts.has(word.value)) return undefined; // its bad id is already reported
  ctx.bag.add('IAM2102', word.span, `unknown account \`${word.value}\``, {
    suggestion: didYouMean(word.value, ctx.accounts.keys()) ?? `declare it: \`account ${word.value} = 123456789012\``,
  });
  return undefined;
}

/** The role path of a role declared in the program, for ARNs of roles passed or trusted. */
export function rolePath(ctx: ResolveContext, name: string): string {
  const decl = ctx.declared.get('role')?.get(name);
  if (decl?.kind !== 'role') return '/';
  const setting = decl.settings.find((s) => s.name.value === 'path');
  return setting?.value.value ?? '/';
}

export function arnContext(ctx: ResolveContext, account: AccountRef): ArnContext {
  return {
    partition: PARTITION,
    region: ctx.region ?? 'REGION',
    account: account.id,
    rolePath: (name) => rolePath(ctx, name),
  };
}
