/**
 * The YAML form as data: which keys each mapping takes and what their values look like. The
 * reader (`yaml-to-ast.ts`) takes its knowledge of keys from here (unknown, missing, duplicate,
 * one-of), and `json-schema.ts` turns the same table into the JSON Schema editors use, so the two
 * cannot drift apart. One key per DSL word (docs/language.md).
 */
import { OPTION_WORDS } from '../../../grammar/pattern-forms.js';

/** What a value may be. */
export type ValueShape =
  /** A string or a number; numbers keep the text as written (account ids). */
  | { readonly type: 'word' }
  /** `true` sets a flag, `false` leaves it out. */
  | { readonly type: 'flag' }
  /** One word, or a list of words; `nonEmpty` refuses `[]`. */
  | { readonly type: 'words'; readonly nonEmpty?: boolean }
  /** One of a closed set of words. */
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly noun: string }
  | { readonly type: 'mapping'; readonly shape: MappingName }
  /** A list; with `single`, one item may also stand alone without the list. */
  | { readonly type: 'list'; readonly of: ValueShape; readonly single?: boolean }
  /** A mapping whose keys are names the user chooses. */
  | { readonly type: 'names'; readonly of: ValueShape }
  /** Any of several shapes (e.g. `for: ec2` or `for: { lambda: … }`). */
  | { readonly type: 'either'; readonly of: readonly ValueShape[] }
  /** A mapping whose kind is picked by which key it has. */
  | { readonly type: 'union'; readonly union: UnionName }
  /** No value (`key:` alone). */
  | { readonly type: 'empty' };

export interface KeySpec {
  readonly value: ValueShape;
  readonly doc: string;
  readonly required?: boolean;
}

export interface MappingShape {
  readonly doc: string;
  readonly keys: Readonly<Record<string, KeySpec>>;
  /** Exactly one of these keys must be present (they say what the mapping is). */
  readonly exactlyOne?: readonly string[];
  /** At least one of these keys must be present, and several may be (a GitHub trust's refs, meaning OR). */
  readonly atLeastOne?: readonly string[];
  /** The mapping also has one key written `VERB SERVICE RESOURCE-TYPE`. */
  readonly grantKey?: KeySpec;
  /**
   * Other one-word keys are a pattern's options (`family: web-task`), checked by resolve against
   * the pattern; the stdlib's option words are listed here for the schema and for suggestions.
   */
  readonly optionKeys?: Readonly<Record<string, string>>;
  /**
   * When set, the mapping's keys are a closed set of kinds (conditions, ref kinds): an unknown
   * key is an invalid value (IAM1107) of this noun rather than an unknown key (IAM1104).
   */
  readonly keysAreKinds?: string;
}

export interface UnionVariant {
  /** The key that selects this variant; `undefined` for the grant-key fallback. */
  readonly key?: string;
  /** The variant does not apply when this key is present too. */
  readonly unless?: string;
  readonly shape: MappingName;
}

export interface UnionShape {
  readonly doc: string;
  /** What one such mapping is called in messages (`principal`, `rule`). */
  readonly noun: string;
  /** Tried in order; the first whose key is present wins. */
  readonly variants: readonly UnionVariant[];
  /** A plain string may stand for a mapping of this shape with no value (`- write xray traces`). */
  readonly plain?: { readonly shape: MappingName; readonly doc: string };
}

/** A `VERB SERVICE RESOURCE-TYPE` key: three words, each separated by one space. */
export const GRANT_KEY_PATTERN = '^[^\\s]+ [^\\s]+ [^\\s]+$';

const word: ValueShape = { type: 'word' };
const flag: ValueShape = { type: 'flag' };
const words: ValueShape = { type: 'words' };
const targets: ValueShape = { type: 'words', nonEmpty: true };
/** The refs or connections of one trust, meaning OR. */
const subjects: ValueShape = { type: 'words', nonEmpty: true };
const conditions: ValueShape = {
  type: 'either',
  of: [
    { type: 'mapping', shape: 'conditions' },
    { type: 'list', of: { type: 'mapping', shape: 'conditions' } },
  ],
};
const because: KeySpec = { value: word, doc: 'Why the intent widens on purpose; required for wildcards.' };
const grantList: ValueShape = { type: 'list', of: { type: 'union', union: 'grant' } };
const managedPolicies: KeySpec = {
  value: { type: 'list', single: true, of: { type: 'either', of: [word, { type: 'mapping', shape: 'managed-policy' }] } },
  doc: 'Managed policies: an AWS managed policy by name (`SecurityAudit`) or ARN; `{ policy: …, because: "…" }` for one that needs a reason; `{ customer-managed: NAME, path: /p/ }` for a customer managed policy.',
};

export const BARE_PRINCIPALS = ['ec2', 'ecs-task', 'ecs-execution'] as const;
export const SCOPES = ['organization', 'account'] as const;
export const ROLE_SETTINGS = ['max-session', 'path', 'description'] as const;

export type MappingName =
  | 'program' | 'role' | 'lambda-principal' | 'github-principal' | 'azure-devops-principal' | 'role-principal'
  | 'account-principal' | 'service-principal' | 'grant' | 'raw' | 'conditions' | 'boundary' | 'guardrail'
  | 'attach-target' | 'exempt' | 'deny-rule' | 'protect-rule' | 'restrict-regions-rule' | 'permission-set'
  | 'assignment' | 'analyzer' | 'archive' | 'managed-policy' | 'identity-center' | 'sso-principal';

export type UnionName = 'principal' | 'grant' | 'guard-rule';

export const MAPPINGS: Readonly<Record<MappingName, MappingShape>> = {
  program: {
    doc: 'An iamc intent file: accounts, a default region, roles, boundaries, guardrails, permission sets and analyzers.',
    keys: {
      accounts: { value: { type: 'names', of: word }, doc: 'Account names and their 12-digit ids.' },
      region: { value: word, doc: 'The default region for ARNs built from names.' },
      roles: { value: { type: 'names', of: { type: 'mapping', shape: 'role' } }, doc: 'IAM roles, by name.' },
      boundaries: { value: { type: 'names', of: { type: 'mapping', shape: 'boundary' } }, doc: 'Permission boundaries, by name.' },
      guardrails: { value: { type: 'names', of: { type: 'mapping', shape: 'guardrail' } }, doc: 'Service control policies, by name.' },
      'permission-sets': { value: { type: 'names', of: { type: 'mapping', shape: 'permission-set' } }, doc: 'IAM Identity Center permission sets, by name.' },
      analyzers: { value: { type: 'names', of: { type: 'mapping', shape: 'analyzer' } }, doc: 'IAM Access Analyzers, by name.' },
      'identity-center': { value: { type: 'mapping', shape: 'identity-center' }, doc: 'IAM Identity Center: its home region.' },
    },
  },
  'identity-center': {
    doc: 'IAM Identity Center, as the roles it creates for permission sets are named.',
    keys: { region: { value: word, doc: 'The Identity Center home region (part of the path of its roles unless us-east-1).', required: true } },
  },
  role: {
    doc: 'A role: who may assume it, in which account, and what it may do.',
    keys: {
      for: {
        value: { type: 'either', of: [{ type: 'enum', values: BARE_PRINCIPALS, noun: 'principal' }, { type: 'union', union: 'principal' }] },
        doc: 'Who may assume the role.',
        required: true,
      },
      in: { value: word, doc: 'The account the role lives in.', required: true },
      'bounded-by': { value: word, doc: 'The permission boundary attached to the role.' },
      'max-session': { value: word, doc: 'Maximum session duration (`1h`, `90m`).' },
      path: { value: word, doc: 'The role path (`/app/`).' },
      description: { value: word, doc: 'The role description.' },
      'managed-policies': managedPolicies,
      grants: { value: grantList, doc: 'What the role may do.' },
    },
  },
  'lambda-principal': {
    doc: 'Lambda functions whose name matches the glob, in the role\'s account.',
    keys: { lambda: { value: word, doc: 'Function-name glob.', required: true }, because },
  },
  'github-principal': {
    doc: 'GitHub Actions workflows of one repository: any of the branches, environments, tags given, or pull requests.',
    keys: {
      github: { value: word, doc: 'The repository, `org/repo`.', required: true },
      branch: { value: subjects, doc: 'The branch (or list of branches) the workflow runs on.' },
      environment: { value: subjects, doc: 'The deployment environment (or list) of the job; admits any branch that deploys there.' },
      tag: { value: subjects, doc: 'The tag (or list of tags) the workflow runs on.' },
      'pull-request': { value: flag, doc: 'Workflows run for pull requests.' },
    },
    atLeastOne: ['branch', 'environment', 'tag', 'pull-request'],
    keysAreKinds: 'github ref kind',
  },
  'azure-devops-principal': {
    doc: 'An Azure DevOps service connection (workload identity federation).',
    keys: {
      'azure-devops': { value: subjects, doc: 'The connection `org/project/connection`, or a list of connections of the organisation.', required: true },
      'organization-id': { value: word, doc: 'The organisation GUID.', required: true },
    },
  },
  'role-principal': {
    doc: 'A role in another account.',
    keys: {
      role: { value: word, doc: 'The role name.', required: true },
      in: { value: word, doc: 'The account of that role.', required: true },
      'external-id': { value: word, doc: 'The external id the caller must present.' },
      mfa: { value: flag, doc: 'The caller must have signed in with MFA.' },
    },
  },
  'account-principal': {
    doc: 'Every principal of an account; needs a reason.',
    keys: {
      account: { value: word, doc: 'The account name.', required: true },
      'external-id': { value: word, doc: 'The external id the caller must present.' },
      mfa: { value: flag, doc: 'The caller must have signed in with MFA.' },
      because,
    },
  },
  'sso-principal': {
    doc: 'The role IAM Identity Center creates for a permission set in one account.',
    keys: {
      'sso-permission-set': { value: word, doc: 'The permission-set name.', required: true },
      in: { value: word, doc: 'The account of that role.', required: true },
    },
  },
  'service-principal': {
    doc: 'An AWS service, by its host name.',
    keys: { service: { value: word, doc: 'The service host, `x.amazonaws.com`.', required: true } },
  },
  grant: {
    doc: 'A grant: `VERB SERVICE RESOURCE-TYPE: TARGET` with its options.',
    keys: {
      in: { value: word, doc: 'The declared account the targets are in, when not the role\'s own.' },
      to: { value: word, doc: 'The service a passed role is passed to.' },
      when: { value: conditions, doc: 'Conditions the request must meet.' },
      because,
    },
    grantKey: { value: { type: 'either', of: [targets, { type: 'empty' }] }, doc: 'The target name, ARN or glob, or a list of them; empty for a pattern that takes no target.' },
    optionKeys: OPTION_WORDS,
  },
  raw: {
    doc: 'The escape hatch: actions on resources, as IAM names them.',
    keys: {
      allow: { value: targets, doc: 'Actions to allow.' },
      deny: { value: targets, doc: 'Actions to deny.' },
      on: { value: targets, doc: 'Resources the actions apply to.', required: true },
      when: { value: conditions, doc: 'Conditions the request must meet.' },
      because,
    },
    exactlyOne: ['allow', 'deny'],
  },
  conditions: {
    doc: 'Conditions, in the order written.',
    keys: {
      'vpc-endpoint': { value: word, doc: 'The request comes through this VPC endpoint.' },
      'source-ip': { value: word, doc: 'The request comes from this CIDR.' },
      mfa: { value: flag, doc: 'The caller signed in with MFA.' },
      'without-mfa': { value: flag, doc: 'The caller did not sign in with MFA (or the request carries no MFA information).' },
      tag: { value: { type: 'names', of: word }, doc: 'Principal tags and their values.' },
      org: { value: word, doc: 'The resource belongs to an account of this organisation.' },
      'principal-org': { value: word, doc: 'The caller belongs to an account of this organisation.' },
    },
    keysAreKinds: 'condition',
  },
  boundary: {
    doc: 'A permission boundary.',
    keys: {
      'allow-services': { value: words, doc: 'Services the boundary lets through.' },
      'delegate-role-creation': { value: flag, doc: 'Roles may create roles only with this boundary attached.' },
      statements: { value: { type: 'list', of: { type: 'mapping', shape: 'raw' } }, doc: 'Further statements, as IAM names them.' },
    },
  },
  guardrail: {
    doc: 'A service control policy.',
    keys: {
      'attach-to': {
        value: { type: 'list', single: true, of: { type: 'either', of: [{ type: 'enum', values: ['root'], noun: 'attach target' }, { type: 'mapping', shape: 'attach-target' }] } },
        doc: 'Where the policy is attached: `root`, `{ ou: ID }` or `{ account: NAME }`.',
        required: true,
      },
      rules: { value: { type: 'list', of: { type: 'union', union: 'guard-rule' } }, doc: 'What the guardrail denies.' },
      exempt: { value: { type: 'list', single: true, of: { type: 'mapping', shape: 'exempt' } }, doc: 'Roles, and permission sets\' roles, the guardrail does not apply to.' },
    },
  },
  'attach-target': {
    doc: 'An organisational unit or an account.',
    keys: {
      ou: { value: word, doc: 'The OU id, `ou-…`.' },
      account: { value: word, doc: 'The account name.' },
    },
    exactlyOne: ['ou', 'account'],
    keysAreKinds: 'attach target',
  },
  exempt: {
    doc: 'A principal the guardrail does not apply to.',
    keys: {
      role: { value: word, doc: 'The role name.' },
      'permission-set': { value: word, doc: 'The permission-set name: the roles IAM Identity Center creates for it.' },
    },
    exactlyOne: ['role', 'permission-set'],
    keysAreKinds: 'exemption',
  },
  'deny-rule': {
    doc: 'A stdlib guardrail that denies (`leave-organization`, `root-user`).',
    keys: { deny: { value: word, doc: 'The stdlib guardrail name.', required: true } },
  },
  'protect-rule': {
    doc: 'A stdlib guardrail that protects a service (`cloudtrail`).',
    keys: { protect: { value: word, doc: 'The stdlib protection name.', required: true } },
  },
  'restrict-regions-rule': {
    doc: 'Deny requests outside these regions, except for global services.',
    keys: {
      'restrict-regions': { value: words, doc: 'The regions allowed.', required: true },
      except: { value: words, doc: 'Services exempt from the restriction.' },
    },
  },
  'permission-set': {
    doc: 'An IAM Identity Center permission set.',
    keys: {
      session: { value: word, doc: 'Session duration (`2h`).' },
      description: { value: word, doc: 'The permission set description.' },
      'bounded-by': { value: word, doc: 'The permission boundary attached.' },
      'managed-policies': managedPolicies,
      grants: { value: grantList, doc: 'What the permission set may do.' },
      assign: { value: { type: 'list', single: true, of: { type: 'mapping', shape: 'assignment' } }, doc: 'Groups and users, and the accounts they get it in.' },
    },
  },
  'managed-policy': {
    doc: 'A managed policy with the reason it is attached (required for administrator-equivalent policies), or a customer managed policy by name and path.',
    keys: {
      policy: { value: word, doc: 'An AWS managed policy, by name or ARN, or any managed policy by ARN.' },
      'customer-managed': { value: word, doc: 'The name of a customer managed policy.' },
      path: { value: word, doc: 'The path of the customer managed policy (`/team/`); `/` when absent.' },
      because: { value: word, doc: 'Why the role or permission set needs it.' },
    },
    exactlyOne: ['policy', 'customer-managed'],
  },
  assignment: {
    doc: 'A group or user assigned the permission set in some accounts.',
    keys: {
      group: { value: word, doc: 'The Identity Center group id.' },
      user: { value: word, doc: 'The Identity Center user id.' },
      to: { value: words, doc: 'The accounts.', required: true },
    },
    exactlyOne: ['group', 'user'],
  },
  analyzer: {
    doc: 'An IAM Access Analyzer.',
    keys: {
      scope: { value: { type: 'enum', values: SCOPES, noun: 'analyzer scope' }, doc: 'What the analyzer watches.', required: true },
      archive: { value: { type: 'list', single: true, of: { type: 'mapping', shape: 'archive' } }, doc: 'Findings to archive automatically.' },
      alert: { value: flag, doc: 'Send new findings to EventBridge.' },
    },
  },
  archive: {
    doc: 'Archive findings for this principal.',
    keys: {
      principal: { value: word, doc: 'The account id or ARN.', required: true },
      because,
    },
  },
};

export const UNIONS: Readonly<Record<UnionName, UnionShape>> = {
  principal: {
    doc: 'Who may assume the role.',
    noun: 'principal',
    variants: [
      { key: 'lambda', shape: 'lambda-principal' },
      { key: 'github', shape: 'github-principal' },
      { key: 'azure-devops', shape: 'azure-devops-principal' },
      { key: 'role', shape: 'role-principal' },
      { key: 'account', shape: 'account-principal' },
      { key: 'service', shape: 'service-principal' },
      { key: 'sso-permission-set', shape: 'sso-principal' },
    ],
  },
  grant: {
    doc: 'A grant, or an `allow`/`deny` statement.',
    noun: 'grant',
    variants: [{ key: 'allow', shape: 'raw' }, { key: 'deny', shape: 'raw' }, { shape: 'grant' }],
    plain: { shape: 'grant', doc: 'A grant of a pattern that takes no target, written `VERB SERVICE RESOURCE-TYPE`.' },
  },
  'guard-rule': {
    doc: 'A guardrail rule: a stdlib rule, or a raw statement when `on` is given.',
    noun: 'guardrail rule',
    variants: [
      { key: 'deny', unless: 'on', shape: 'deny-rule' },
      { key: 'protect', shape: 'protect-rule' },
      { key: 'restrict-regions', shape: 'restrict-regions-rule' },
      { key: 'allow', shape: 'raw' },
      { key: 'deny', shape: 'raw' },
    ],
  },
};

export function mappingShape(name: MappingName): MappingShape {
  return MAPPINGS[name];
}

export function unionShape(name: UnionName): UnionShape {
  return UNIONS[name];
}
