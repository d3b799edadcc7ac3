/**
 * A permissions boundary caps the role it is attached to, not the roles that role's actions reach.
 * Changing the code or configuration of compute that runs under another role runs the change with
 * that role's permissions, which no boundary of the changer caps (IAM5131). Flagged where the
 * boundary allows such a method on every resource of its kind and no unconditional Deny in the
 * boundary takes it back; scoped to named resources (the bounded team's own), it is quiet.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Located } from '../../diagnostics/span.js';
import { wildcardReach } from '../../glob/wildcard-reach.js';
import type { LintDocument, LintStatement } from '../document.js';
import { actionCovers } from '../action-facts.js';

export interface CodeUnderOtherRoles {
  /** The actions that together change what runs; all must be allowed. */
  readonly actions: readonly string[];
  readonly how: string;
}

export const CODE_UNDER_OTHER_ROLES: readonly CodeUnderOtherRoles[] = [
  { actions: ['lambda:UpdateFunctionCode'], how: 'replaces a function\'s code, which then runs as the function\'s role' },
  { actions: ['lambda:UpdateFunctionConfiguration'], how: 'changes a function\'s layers, handler or environment, which then run as the function\'s role' },
  { actions: ['ec2:ModifyInstanceAttribute'], how: 'replaces an instance\'s user data, which runs as the instance profile\'s role at the next start' },
  { actions: ['ecs:RegisterTaskDefinition', 'ecs:UpdateService'], how: 'points a service at a new task definition, which runs as the service\'s task role' },
  { actions: ['glue:UpdateDevEndpoint'], how: 'puts its own SSH key on a Glue endpoint that runs as the endpoint\'s role' },
  { actions: ['cloudformation:UpdateStack'], how: 'has CloudFormation change resources as the stack\'s service role' },
  { actions: ['ssm:SendCommand'], how: 'runs commands on instances, as their instance profile\'s role' },
  { actions: ['ssm:StartSession'], how: 'opens a shell on instances, with their instance profile\'s role' },
  { actions: ['codebuild:UpdateProject'], how: 'changes a build project\'s commands, which run as the project\'s service role' },
  // The boundary caps the role it is on, not the principals its IAM actions reach: another role's
  // policies and trust, and users, which iamc's boundaries never make bounded.
  { actions: ['iam:PutRolePolicy'], how: 'writes any inline policy on another role' },
  { actions: ['iam:AttachRolePolicy'], how: 'attaches any managed policy to another role' },
  { actions: ['iam:UpdateAssumeRolePolicy'], how: 'rewrites another role\'s trust to admit itself, then acts as that role' },
  { actions: ['iam:CreateAccessKey'], how: 'mints access keys for a user' },
  { actions: ['iam:CreateLoginProfile'], how: 'sets a console password for a user' },
  { actions: ['iam:UpdateLoginProfile'], how: 'changes a user\'s console password, and signs in as that user' },
  { actions: ['iam:PutUserPolicy'], how: 'writes any inline policy on a user' },
  { actions: ['iam:AttachUserPolicy'], how: 'attaches any managed policy to a user' },
  { actions: ['iam:AddUserToGroup'], how: 'adds a user to a more privileged group' },
];

export function boundaryEscalations(doc: LintDocument): Diagnostic[] {
  // One finding per granting place: `lambda:*` holds two methods, and one message says enough.
  const byPlace = new Map<string, { at: Located<string>; methods: CodeUnderOtherRoles[] }>();
  for (const method of CODE_UNDER_OTHER_ROLES) {
    const allowed = method.actions.map((name) => allowedEverywhere(doc.statements, name));
    if (allowed.some((a) => a === undefined)) continue;
    const at = allowed[0]!;
    const key = `${at.span.file}:${at.span.offset}:${at.span.endOffset}`;
    const entry = byPlace.get(key) ?? { at, methods: [] };
    entry.methods.push(method);
    byPlace.set(key, entry);
  }
  return [...byPlace.values()].map(({ at, methods }) => {
    const first = methods[0]!;
    const more = methods.length > 1 ? ` (and ${methods.length - 1} more method${methods.length === 2 ? '' : 's'})` : '';
    return diagnostic('IAM5131', at.span, `${doc.name} lets a bounded role use \`${first.actions.join('` with `')}\` on every resource: it ${first.how}, outside this boundary's cap${more}`, {
      suggestion: `scope \`${first.actions[0]}\` to the bounded team's own resources, or deny it in the boundary`,
    });
  });
}

/**
 * Where the boundary allows `name` on a resource that reaches every resource of its kind, unless
 * an unconditional Deny takes it back everywhere. A conditioned Deny may not apply, so it does not.
 */
function allowedEverywhere(statements: readonly LintStatement[], name: string): Located<string> | undefined {
  const denied = statements.some(
    (s) => s.effect.value === 'Deny' && s.conditions.length === 0 && covers(s, name) && (s.resources ?? []).some((r) => wildcardReach(r.value) !== undefined),
  );
  if (denied) return undefined;
  for (const s of statements) {
    if (s.effect.value !== 'Allow' || !covers(s, name)) continue;
    if (s.notResources !== undefined || (s.resources ?? []).some((r) => wildcardReach(r.value) !== undefined)) {
      return (s.actions ?? []).find((a) => actionCovers(a.value, name)) ?? s.effect;
    }
  }
  return undefined;
}

function covers(s: LintStatement, name: string): boolean {
  if (s.notActions !== undefined) return !s.notActions.some((a) => actionCovers(a.value, name));
  return (s.actions ?? []).some((a) => actionCovers(a.value, name));
}
