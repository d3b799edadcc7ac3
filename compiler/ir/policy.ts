/**
 * The policy IR: IAM documents before they are printed. Statements keep their `origins` (the grant
 * spans that produced them) so verification, findings and `explain` speak in the user's terms.
 */
import type { Span } from '../diagnostics/span.js';
import type { ConditionClause, OidcProvider } from './intent.js';

export type Effect = 'Allow' | 'Deny';

export interface PrincipalBlock {
  readonly AWS?: readonly string[];
  readonly Service?: readonly string[];
  readonly Federated?: readonly string[];
}

export interface Statement {
  readonly sid: string;
  readonly effect: Effect;
  readonly principal?: PrincipalBlock;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly conditions: readonly ConditionClause[];
  readonly origins: readonly Span[];
}

export interface PolicyDocument {
  readonly statements: readonly Statement[];
}

export interface CompiledRole {
  readonly name: string;
  readonly account: { readonly name: string; readonly id: string };
  readonly path: string;
  readonly description?: string;
  readonly maxSessionSeconds?: number;
  readonly trust: PolicyDocument;
  /** The identity policy, split across several managed policies when it is too large for one. */
  readonly policies: readonly PolicyDocument[];
  /** Managed policies attached as written (AWS's or the account's): outside the containment proof. */
  readonly managedPolicies: readonly string[];
  readonly boundary?: string;
  readonly instanceProfile?: string;
  readonly oidcProvider?: OidcProvider;
  readonly span: Span;
}

export interface CompiledBoundary {
  readonly name: string;
  readonly accounts: readonly { readonly name: string; readonly id: string }[];
  readonly policy: PolicyDocument;
  readonly span: Span;
}

export interface CompiledScp {
  readonly name: string;
  readonly policy: PolicyDocument;
  readonly targets: readonly { readonly kind: 'root' | 'ou' | 'account'; readonly id: string }[];
  readonly span: Span;
}

export interface CompiledPermissionSet {
  readonly name: string;
  /** ISO-8601, e.g. `PT2H`. */
  readonly sessionDuration: string;
  readonly description?: string;
  readonly policy: PolicyDocument;
  readonly boundary?: string;
  readonly managedPolicies: readonly string[];
  readonly assignments: readonly {
    readonly principalType: 'GROUP' | 'USER';
    readonly principalId: string;
    readonly accountIds: readonly string[];
  }[];
  readonly span: Span;
}

export interface CompiledAnalyzer {
  readonly name: string;
  readonly type: 'ORGANIZATION' | 'ACCOUNT';
  readonly archiveRules: readonly { readonly name: string; readonly principal: string; readonly reason?: string }[];
  readonly alert: boolean;
  readonly span: Span;
}

/** Everything the emitters need; each emitter is a pure function of this. */
export interface CompiledProgram {
  readonly roles: readonly CompiledRole[];
  readonly boundaries: readonly CompiledBoundary[];
  readonly scps: readonly CompiledScp[];
  readonly permissionSets: readonly CompiledPermissionSet[];
  readonly analyzers: readonly CompiledAnalyzer[];
}
