/**
 * CompiledProgram → the plain data the templates lay out. Every decision lives here: labels,
 * provider aliases, references between resources, escaping. Values are finished HCL expressions
 * (quoted strings already escaped), so the templates hold no logic beyond optional lines.
 */
import type { OidcProvider } from '../../ir/intent.js';
import type { CompiledProgram, CompiledRole } from '../../ir/policy.js';
import { hclString, hclStringList, IdentifierAllocator } from './hcl-escape.js';
import { jsonHcl, policyHcl } from './policy-text.js';

/** Provider versions: `thumbprint_list` became optional in 5.81.0 (the OIDC providers omit it). */
export const AWS_PROVIDER_VERSION = '>= 5.81.0, < 7.0.0';
export const TERRAFORM_VERSION = '>= 1.3.0';

type Hcl = string;

export interface VersionsView {
  readonly terraformVersion: Hcl;
  readonly providerVersion: Hcl;
  readonly aliases?: Hcl;
}
export interface RoleView {
  readonly label: string;
  readonly provider?: Hcl;
  readonly name: Hcl;
  readonly path: Hcl;
  readonly description?: Hcl;
  readonly assumeRolePolicy: Hcl;
  readonly maxSessionDuration?: Hcl;
  readonly permissionsBoundary?: Hcl;
  readonly instanceProfile?: { readonly label: string; readonly name: Hcl };
  /** Managed policies attached as written, AWS's or the account's own. */
  readonly managedPolicies: readonly { readonly label: string; readonly arn: Hcl }[];
}
export interface PolicyView {
  readonly label: string;
  readonly provider?: Hcl;
  readonly name: Hcl;
  readonly path: Hcl;
  readonly description: Hcl;
  readonly policy: Hcl;
  /** For identity policies: the attachment to their role. */
  readonly attachment?: { readonly label: string; readonly role: Hcl; readonly policyArn: Hcl };
}
export interface OidcView {
  readonly label: string;
  readonly provider?: Hcl;
  readonly url: Hcl;
  readonly clientIdList: Hcl;
}
export interface ScpView {
  readonly label: string;
  readonly name: Hcl;
  readonly description: Hcl;
  readonly content: Hcl;
  readonly attachments: readonly { readonly label: string; readonly policyId: Hcl; readonly targetId: Hcl }[];
}
export interface PermissionSetView {
  readonly label: string;
  readonly name: Hcl;
  readonly description?: Hcl;
  readonly sessionDuration: Hcl;
  readonly inlinePolicy?: Hcl;
  readonly boundary?: { readonly name: Hcl; readonly path: Hcl };
  readonly managedPolicies: readonly { readonly label: string; readonly arn: Hcl }[];
  readonly customerPolicies: readonly { readonly label: string; readonly name: Hcl; readonly path: Hcl }[];
  readonly assignments: readonly { readonly label: string; readonly principalId: Hcl; readonly principalType: Hcl; readonly targetId: Hcl }[];
}
export interface AnalyzerView {
  readonly label: string;
  readonly name: Hcl;
  readonly type: Hcl;
  readonly archiveRules: readonly { readonly label: string; readonly ruleName: Hcl; readonly eq: Hcl }[];
  readonly alert?: { readonly label: string; readonly name: Hcl; readonly description: Hcl; readonly eventPattern: Hcl };
}
export interface OutputsView {
  readonly roleNames: readonly { readonly key: Hcl; readonly value: Hcl }[];
  readonly roleArns: readonly { readonly key: Hcl; readonly value: Hcl }[];
}

export interface TerraformView {
  readonly versions: VersionsView;
  readonly roles: readonly RoleView[];
  readonly policies: readonly PolicyView[];
  readonly boundaries: readonly PolicyView[];
  readonly oidcProviders: readonly OidcView[];
  readonly scps: readonly ScpView[];
  /** Root attachments need the organisation's root id. */
  readonly needsOrganization: boolean;
  readonly permissionSets: readonly PermissionSetView[];
  readonly analyzers: readonly AnalyzerView[];
  readonly outputs: OutputsView;
}

interface Account {
  readonly name: string;
  readonly id: string;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function terraformView(program: CompiledProgram): TerraformView {
  const labels = new Map<string, IdentifierAllocator>();
  const label = (type: string, preferred: string) => {
    let allocator = labels.get(type);
    if (!allocator) labels.set(type, (allocator = new IdentifierAllocator()));
    return allocator.allocate(preferred);
  };

  // Every account that holds IAM resources gets a provider alias named for it; the default
  // provider is the organisation's management (or delegated administrator) account.
  const accounts = new Map<string, Account>();
  const note = (a: Account) => {
    if (!accounts.has(a.id)) accounts.set(a.id, a);
  };
  program.roles.forEach((r) => note(r.account));
  program.boundaries.forEach((b) => b.accounts.forEach(note));
  const aliasOf = new Map<string, string>();
  for (const a of accounts.values()) aliasOf.set(a.id, `aws.${providerAlias(a.name)}`);
  const providerOf = (a: Account) => aliasOf.get(a.id)!;

  // Boundaries first: roles refer to the boundary policy in their own account.
  const boundaries: PolicyView[] = [];
  const boundaryRef = new Map<string, string>();
  for (const b of [...program.boundaries].sort(byName)) {
    for (const account of [...b.accounts].sort(byName)) {
      const l = label('aws_iam_policy', `${b.name}_${account.name}`);
      boundaryRef.set(`${b.name}\u0000${account.id}`, `aws_iam_policy.${l}.arn`);
      boundaries.push({
        label: l,
        provider: providerOf(account),
        name: hclString(b.name),
        path: hclString('/'),
        description: hclString(`permissions boundary ${b.name} (iamc)`),
        policy: policyHcl(b.policy),
      });
    }
  }

  const oidcProviders: OidcView[] = [];
  const oidcRef = new Map<string, string>();
  const providers = new Map<string, OidcProvider>();
  for (const r of program.roles) if (r.oidcProvider && !providers.has(r.oidcProvider.arn)) providers.set(r.oidcProvider.arn, r.oidcProvider);
  for (const p of [...providers.values()].sort((a, b) => (a.arn < b.arn ? -1 : 1))) {
    const l = label('aws_iam_openid_connect_provider', `${p.kind === 'github' ? 'github' : 'azure_devops'}_${p.account.name}`);
    oidcRef.set(p.arn, `aws_iam_openid_connect_provider.${l}.arn`);
    oidcProviders.push({ label: l, provider: providerOf(p.account), url: hclString(p.url), clientIdList: hclStringList([p.audience]) });
  }

  const roles: RoleView[] = [];
  const policies: PolicyView[] = [];
  const roleKeys = new Map<string, number>();
  const sortedRoles = [...program.roles].sort((a, b) => byName(a, b) || byName(a.account, b.account));
  for (const r of sortedRoles) roleKeys.set(r.name, (roleKeys.get(r.name) ?? 0) + 1);
  const outputs: { names: OutputsView['roleNames'][number][]; arns: OutputsView['roleArns'][number][] } = { names: [], arns: [] };
  for (const r of sortedRoles) {
    const l = label('aws_iam_role', r.name);
    const provider = providerOf(r.account);
    const boundary = r.boundary === undefined ? undefined : boundaryRef.get(`${r.boundary}\u0000${r.account.id}`) ?? hclString(`arn:aws:iam::${r.account.id}:policy/${r.boundary}`);
    roles.push({
      label: l,
      provider,
      name: hclString(r.name),
      path: hclString(r.path),
      ...(r.description !== undefined ? { description: hclString(r.description) } : {}),
      assumeRolePolicy: policyHcl(r.trust, oidcRef),
      ...(r.maxSessionSeconds !== undefined ? { maxSessionDuration: String(r.maxSessionSeconds) } : {}),
      ...(boundary !== undefined ? { permissionsBoundary: boundary } : {}),
      ...(r.instanceProfile !== undefined ? { instanceProfile: { label: label('aws_iam_instance_profile', r.instanceProfile), name: hclString(r.instanceProfile) } } : {}),
      managedPolicies: r.managedPolicies.map((arn) => ({ label: label('aws_iam_role_policy_attachment', `${r.name}_${arn.split('/').pop()!}`), arn: hclString(arn) })),
    });
    policies.push(...rolePolicies(r, l, provider, label));
    const key = hclString(roleKeys.get(r.name)! > 1 ? `${r.account.name}/${r.name}` : r.name);
    outputs.names.push({ key, value: `aws_iam_role.${l}.name` });
    outputs.arns.push({ key, value: `aws_iam_role.${l}.arn` });
  }

  const scps: ScpView[] = [];
  let needsOrganization = false;
  for (const s of [...program.scps].sort(byName)) {
    const l = label('aws_organizations_policy', s.name);
    const attachments = s.targets.map((t) => {
      if (t.kind === 'root') needsOrganization = true;
      const targetId = t.kind === 'root' ? 'data.aws_organizations_organization.this.roots[0].id' : hclString(t.id);
      return { label: label('aws_organizations_policy_attachment', `${s.name}_${t.kind === 'root' ? 'root' : t.id}`), policyId: `aws_organizations_policy.${l}.id`, targetId };
    });
    scps.push({ label: l, name: hclString(s.name), description: hclString(`guardrail ${s.name} (iamc)`), content: policyHcl(s.policy), attachments });
  }

  const permissionSets: PermissionSetView[] = [];
  for (const p of [...program.permissionSets].sort(byName)) {
    const l = label('aws_ssoadmin_permission_set', p.name);
    const managed = p.managedPolicies.filter((m) => /^arn:[^:]+:iam::aws:policy\//.test(m));
    const customer = p.managedPolicies.filter((m) => !managed.includes(m)).map(customerPolicyReference);
    permissionSets.push({
      label: l,
      name: hclString(p.name),
      ...(p.description !== undefined ? { description: hclString(p.description) } : {}),
      sessionDuration: hclString(p.sessionDuration),
      ...(p.policy.statements.length > 0 ? { inlinePolicy: policyHcl(p.policy) } : {}),
      ...(p.boundary !== undefined ? { boundary: { name: hclString(p.boundary), path: hclString('/') } } : {}),
      managedPolicies: managed.map((arn) => ({ label: label('aws_ssoadmin_managed_policy_attachment', `${p.name}_${arn.split('/').pop()!}`), arn: hclString(arn) })),
      customerPolicies: customer.map((c) => ({ label: label('aws_ssoadmin_customer_managed_policy_attachment', `${p.name}_${c.name}`), name: hclString(c.name), path: hclString(c.path) })),
      assignments: p.assignments.flatMap((a) =>
        a.accountIds.map((accountId) => ({
          label: label('aws_ssoadmin_account_assignment', `${p.name}_${a.principalType.toLowerCase()}_${a.principalId}_${accountId}`),
          principalId: hclString(a.principalId),
          principalType: hclString(a.principalType),
          targetId: hclString(accountId),
        })),
      ),
    });
  }

  const analyzers: AnalyzerView[] = [];
  for (const a of [...program.analyzers].sort(byName)) {
    const l = label('aws_accessanalyzer_analyzer', a.name);
    analyzers.push({
      label: l,
      name: hclString(a.name),
      type: hclString(a.type),
      archiveRules: a.archiveRules.map((rule) => ({
        label: label('aws_accessanalyzer_archive_rule', `${a.name}_${rule.name}`),
        ruleName: hclString(rule.name),
        // `eq`, not `contains`: a substring test would also archive findings for another account's
        // principal whose name holds the trusted id (`arn:aws:iam::666666666666:role/x111122223333`).
        eq: hclStringList([rule.principal]),
      })),
      ...(a.alert
        ? {
            alert: {
              label: label('aws_cloudwatch_event_rule', `${a.name}_findings`),
              name: hclString(`${a.name}-findings`),
              description: hclString(`Access Analyzer findings of ${a.name} (iamc)`),
              eventPattern: jsonHcl({ source: ['aws.access-analyzer'], 'detail-type': ['Access Analyzer Finding'] }),
            },
          }
        : {}),
    });
  }

  const aliases = [...aliasOf.values()].sort();
  return {
    versions: {
      terraformVersion: hclString(TERRAFORM_VERSION),
      providerVersion: hclString(AWS_PROVIDER_VERSION),
      ...(aliases.length > 0 ? { aliases: `[${aliases.join(', ')}]` } : {}),
    },
    roles,
    policies,
    boundaries,
    oidcProviders,
    scps,
    needsOrganization,
    permissionSets,
    analyzers,
    outputs: { roleNames: outputs.names, roleArns: outputs.arns },
  };
}

function rolePolicies(role: CompiledRole, roleLabel: string, provider: string, label: (type: string, preferred: string) => string): PolicyView[] {
  return role.policies.map((doc, i) => {
    const suffix = i === 0 ? '' : `-${i + 1}`;
    const l = label('aws_iam_policy', `${role.name}-policy${suffix}`);
    return {
      label: l,
      provider,
      name: hclString(`${role.name}-policy${suffix}`),
      path: hclString(role.path),
      description: hclString(role.policies.length > 1 ? `identity policy of role ${role.name}, part ${i + 1} of ${role.policies.length} (iamc)` : `identity policy of role ${role.name} (iamc)`),
      policy: policyHcl(doc),
      attachment: { label: label('aws_iam_role_policy_attachment', `${role.name}${suffix}`), role: `aws_iam_role.${roleLabel}.name`, policyArn: `aws_iam_policy.${l}.arn` },
    };
  });
}

/** `arn:aws:iam::123456789012:policy/team/Name`, `/team/Name` or a plain `Name` → Identity Center's name and path. */
function customerPolicyReference(text: string): { name: string; path: string } {
  const match = /^(?:arn:[^:]+:iam::\d{12}:policy)?(\/.*\/|\/)([^/]+)$/.exec(text);
  if (match) return { name: match[2]!, path: match[1]! };
  return { name: text, path: '/' };
}

/**
 * The provider alias of an account: a function of its name alone, so it never changes when other
 * accounts come or go, and one-to-one, so `prod.eu` and `prod_eu` never share or swap an alias.
 * Letters, digits and `-` stand for themselves; `_` is doubled; any other character is `_x` and
 * its two hex digits (`.` is `_x2e`; beyond U+00FF, `_u` and six); a name that cannot start an
 * identifier gets `_d` in front. After `_` comes only `_`, `x`, `u` or (first) `d`, each followed
 * by a fixed number of characters, so the text reads back one way.
 */
export function providerAlias(accountName: string): string {
  let out = /^[A-Za-z_]/.test(accountName) ? '' : '_d';
  for (const ch of accountName) {
    if (/[A-Za-z0-9-]/.test(ch)) out += ch;
    else if (ch === '_') out += '__';
    else {
      const code = ch.codePointAt(0)!;
      out += code < 0x100 ? `_x${code.toString(16).padStart(2, '0')}` : `_u${code.toString(16).padStart(6, '0')}`;
    }
  }
  return out;
}
