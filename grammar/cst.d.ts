// Generated from grammar/parser.ts by grammar/cst-dts.ts. Do not edit; regenerate with
// `UPDATE_CST_DTS=1 npx vitest run test/syntax/dsl/cst-dts.test.ts`.
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  declaration?: DeclarationCstNode[];
};

export interface DeclarationCstNode extends CstNode {
  name: "declaration";
  children: DeclarationCstChildren;
}

export type DeclarationCstChildren = {
  accountDecl?: AccountDeclCstNode[];
  regionDecl?: RegionDeclCstNode[];
  roleDecl?: RoleDeclCstNode[];
  boundaryDecl?: BoundaryDeclCstNode[];
  guardrailDecl?: GuardrailDeclCstNode[];
  permissionSetDecl?: PermissionSetDeclCstNode[];
  analyzerDecl?: AnalyzerDeclCstNode[];
  identityCenterDecl?: IdentityCenterDeclCstNode[];
};

export interface WordCstNode extends CstNode {
  name: "word";
  children: WordCstChildren;
}

export type WordCstChildren = {
  Name?: IToken[];
  Str?: IToken[];
};

export interface WordsCstNode extends CstNode {
  name: "words";
  children: WordsCstChildren;
}

export type WordsCstChildren = {
  word?: WordCstNode[];
  LSquare?: IToken[];
  item?: (WordCstNode)[];
  Comma?: IToken[];
  RSquare?: IToken[];
};

export interface AccountDeclCstNode extends CstNode {
  name: "accountDecl";
  children: AccountDeclCstChildren;
}

export type AccountDeclCstChildren = {
  Account: IToken[];
  name: WordCstNode[];
  Equals: IToken[];
  id: WordCstNode[];
};

export interface RegionDeclCstNode extends CstNode {
  name: "regionDecl";
  children: RegionDeclCstChildren;
}

export type RegionDeclCstChildren = {
  Region: IToken[];
  region: WordCstNode[];
};

export interface IdentityCenterDeclCstNode extends CstNode {
  name: "identityCenterDecl";
  children: IdentityCenterDeclCstChildren;
}

export type IdentityCenterDeclCstChildren = {
  IdentityCenter: IToken[];
  Region: IToken[];
  region: WordCstNode[];
};

export interface RoleDeclCstNode extends CstNode {
  name: "roleDecl";
  children: RoleDeclCstChildren;
}

export type RoleDeclCstChildren = {
  Role: IToken[];
  name: WordCstNode[];
  For: IToken[];
  principal: PrincipalCstNode[];
  In: IToken[];
  account: WordCstNode[];
  BoundedBy?: IToken[];
  boundary?: WordCstNode[];
  LCurly: IToken[];
  roleItem?: RoleItemCstNode[];
  RCurly: IToken[];
};

export interface PrincipalCstNode extends CstNode {
  name: "principal";
  children: PrincipalCstChildren;
}

export type PrincipalCstChildren = {
  Lambda?: IToken[];
  function?: WordCstNode[];
  because?: (BecauseCstNode)[];
  Ec2?: IToken[];
  EcsTask?: IToken[];
  EcsExecution?: IToken[];
  Github?: IToken[];
  repo?: WordCstNode[];
  githubRef?: GithubRefCstNode[];
  Comma?: (IToken)[];
  AzureDevops?: IToken[];
  connection?: WordCstNode[];
  OrganizationId?: IToken[];
  organizationId?: WordCstNode[];
  Role?: IToken[];
  role?: WordCstNode[];
  In?: IToken[];
  account?: (WordCstNode)[];
  trustOptions?: (TrustOptionsCstNode)[];
  Account?: IToken[];
  Service?: IToken[];
  host?: WordCstNode[];
  ssoPrincipal?: SsoPrincipalCstNode[];
};

export interface SsoPrincipalCstNode extends CstNode {
  name: "ssoPrincipal";
  children: SsoPrincipalCstChildren;
}

export type SsoPrincipalCstChildren = {
  Sso: IToken[];
  PermissionSet: IToken[];
  permissionSet: WordCstNode[];
  In: IToken[];
  account: WordCstNode[];
};

export interface TrustOptionsCstNode extends CstNode {
  name: "trustOptions";
  children: TrustOptionsCstChildren;
}

export type TrustOptionsCstChildren = {
  ExternalId?: IToken[];
  externalId?: WordCstNode[];
  Mfa?: IToken[];
};

export interface GithubRefCstNode extends CstNode {
  name: "githubRef";
  children: GithubRefCstChildren;
}

export type GithubRefCstChildren = {
  Branch?: IToken[];
  Environment?: IToken[];
  Tag?: IToken[];
  value?: WordCstNode[];
  PullRequest?: IToken[];
};

export interface RoleItemCstNode extends CstNode {
  name: "roleItem";
  children: RoleItemCstChildren;
}

export type RoleItemCstChildren = {
  setting?: SettingCstNode[];
  managedPolicy?: ManagedPolicyCstNode[];
  rawStatement?: RawStatementCstNode[];
  grant?: GrantCstNode[];
};

export interface ManagedPolicyCstNode extends CstNode {
  name: "managedPolicy";
  children: ManagedPolicyCstChildren;
}

export type ManagedPolicyCstChildren = {
  ManagedPolicy?: IToken[];
  CustomerManaged?: IToken[];
  policy: WordCstNode[];
  Path?: IToken[];
  path?: WordCstNode[];
  because?: BecauseCstNode[];
};

export interface SettingCstNode extends CstNode {
  name: "setting";
  children: SettingCstChildren;
}

export type SettingCstChildren = {
  MaxSession?: IToken[];
  Path?: IToken[];
  Description?: IToken[];
  value: WordCstNode[];
};

export interface GrantCstNode extends CstNode {
  name: "grant";
  children: GrantCstChildren;
}

export type GrantCstChildren = {
  verb: WordCstNode[];
  service: WordCstNode[];
  resourceType: WordCstNode[];
  targets?: (WordsCstNode)[];
  grantOption?: GrantOptionCstNode[];
  In?: IToken[];
  account?: WordCstNode[];
  To?: IToken[];
  to?: WordCstNode[];
  when?: WhenCstNode[];
  because?: BecauseCstNode[];
};

export interface GrantOptionCstNode extends CstNode {
  name: "grantOption";
  children: GrantOptionCstChildren;
}

export type GrantOptionCstChildren = {
  option: IToken[];
  value: WordCstNode[];
};

export interface RawStatementCstNode extends CstNode {
  name: "rawStatement";
  children: RawStatementCstChildren;
}

export type RawStatementCstChildren = {
  Allow?: IToken[];
  Deny?: IToken[];
  actions: WordsCstNode[];
  On: IToken[];
  resources: WordsCstNode[];
  when?: WhenCstNode[];
  because?: BecauseCstNode[];
};

export interface WhenCstNode extends CstNode {
  name: "when";
  children: WhenCstChildren;
}

export type WhenCstChildren = {
  When: IToken[];
  condition: (ConditionCstNode)[];
  And?: IToken[];
};

export interface ConditionCstNode extends CstNode {
  name: "condition";
  children: ConditionCstChildren;
}

export type ConditionCstChildren = {
  VpcEndpoint?: IToken[];
  SourceIp?: IToken[];
  Org?: IToken[];
  PrincipalOrg?: IToken[];
  value?: WordCstNode[];
  Mfa?: (IToken)[];
  Without?: IToken[];
  Tag?: IToken[];
  key?: WordCstNode[];
  Equals?: IToken[];
  tagValue?: WordCstNode[];
};

export interface BecauseCstNode extends CstNode {
  name: "because";
  children: BecauseCstChildren;
}

export type BecauseCstChildren = {
  Because: IToken[];
  reason: WordCstNode[];
};

export interface BoundaryDeclCstNode extends CstNode {
  name: "boundaryDecl";
  children: BoundaryDeclCstChildren;
}

export type BoundaryDeclCstChildren = {
  Boundary: IToken[];
  name: WordCstNode[];
  LCurly: IToken[];
  boundaryItem?: BoundaryItemCstNode[];
  RCurly: IToken[];
};

export interface BoundaryItemCstNode extends CstNode {
  name: "boundaryItem";
  children: BoundaryItemCstChildren;
}

export type BoundaryItemCstChildren = {
  allowServices?: AllowServicesCstNode[];
  Delegate?: IToken[];
  RoleCreation?: IToken[];
  rawStatement?: RawStatementCstNode[];
};

export interface AllowServicesCstNode extends CstNode {
  name: "allowServices";
  children: AllowServicesCstChildren;
}

export type AllowServicesCstChildren = {
  Allow: IToken[];
  Services: IToken[];
  services: WordsCstNode[];
};

export interface GuardrailDeclCstNode extends CstNode {
  name: "guardrailDecl";
  children: GuardrailDeclCstChildren;
}

export type GuardrailDeclCstChildren = {
  Guardrail: IToken[];
  name: WordCstNode[];
  AttachTo?: IToken[];
  attachTarget?: (AttachTargetCstNode)[];
  Comma?: IToken[];
  LCurly: IToken[];
  guardItem?: GuardItemCstNode[];
  RCurly: IToken[];
};

export interface AttachTargetCstNode extends CstNode {
  name: "attachTarget";
  children: AttachTargetCstChildren;
}

export type AttachTargetCstChildren = {
  Root?: IToken[];
  Ou?: IToken[];
  id?: (WordCstNode)[];
  Account?: IToken[];
};

export interface GuardItemCstNode extends CstNode {
  name: "guardItem";
  children: GuardItemCstChildren;
}

export type GuardItemCstChildren = {
  rawStatement?: RawStatementCstNode[];
  Deny?: IToken[];
  Protect?: IToken[];
  rule?: WordCstNode[];
  Restrict?: IToken[];
  Regions?: IToken[];
  regions?: WordsCstNode[];
  Except?: IToken[];
  except?: WordsCstNode[];
  Exempt?: IToken[];
  Role?: IToken[];
  exempt?: WordCstNode[];
  PermissionSet?: IToken[];
  exemptPermissionSet?: WordCstNode[];
};

export interface PermissionSetDeclCstNode extends CstNode {
  name: "permissionSetDecl";
  children: PermissionSetDeclCstChildren;
}

export type PermissionSetDeclCstChildren = {
  PermissionSet: IToken[];
  name: WordCstNode[];
  Session?: IToken[];
  session?: WordCstNode[];
  LCurly: IToken[];
  permissionSetItem?: PermissionSetItemCstNode[];
  RCurly: IToken[];
};

export interface PermissionSetItemCstNode extends CstNode {
  name: "permissionSetItem";
  children: PermissionSetItemCstChildren;
}

export type PermissionSetItemCstChildren = {
  Description?: IToken[];
  BoundedBy?: IToken[];
  value?: WordCstNode[];
  managedPolicy?: ManagedPolicyCstNode[];
  assignment?: AssignmentCstNode[];
  rawStatement?: RawStatementCstNode[];
  grant?: GrantCstNode[];
};

export interface AssignmentCstNode extends CstNode {
  name: "assignment";
  children: AssignmentCstChildren;
}

export type AssignmentCstChildren = {
  Assign: IToken[];
  Group?: IToken[];
  User?: IToken[];
  principalId: WordCstNode[];
  To: IToken[];
  accounts: WordsCstNode[];
};

export interface AnalyzerDeclCstNode extends CstNode {
  name: "analyzerDecl";
  children: AnalyzerDeclCstChildren;
}

export type AnalyzerDeclCstChildren = {
  Analyzer: IToken[];
  name: WordCstNode[];
  Scope: IToken[];
  Organization?: IToken[];
  Account?: IToken[];
  LCurly: IToken[];
  analyzerItem?: AnalyzerItemCstNode[];
  RCurly: IToken[];
};

export interface RoleItemsCstNode extends CstNode {
  name: "roleItems";
  children: RoleItemsCstChildren;
}

export type RoleItemsCstChildren = {
  roleItem?: RoleItemCstNode[];
};

export interface BoundaryItemsCstNode extends CstNode {
  name: "boundaryItems";
  children: BoundaryItemsCstChildren;
}

export type BoundaryItemsCstChildren = {
  boundaryItem?: BoundaryItemCstNode[];
};

export interface GuardItemsCstNode extends CstNode {
  name: "guardItems";
  children: GuardItemsCstChildren;
}

export type GuardItemsCstChildren = {
  guardItem?: GuardItemCstNode[];
};

export interface PermissionSetItemsCstNode extends CstNode {
  name: "permissionSetItems";
  children: PermissionSetItemsCstChildren;
}

export type PermissionSetItemsCstChildren = {
  permissionSetItem?: PermissionSetItemCstNode[];
};

export interface AnalyzerItemsCstNode extends CstNode {
  name: "analyzerItems";
  children: AnalyzerItemsCstChildren;
}

export type AnalyzerItemsCstChildren = {
  analyzerItem?: AnalyzerItemCstNode[];
};

export interface AnalyzerItemCstNode extends CstNode {
  name: "analyzerItem";
  children: AnalyzerItemCstChildren;
}

export type AnalyzerItemCstChildren = {
  Archive?: IToken[];
  Principal?: IToken[];
  principal?: WordCstNode[];
  because?: BecauseCstNode[];
  Alert?: IToken[];
};
