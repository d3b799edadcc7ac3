/**
 * Privilege-escalation methods held by one policy (IAM5122). The list follows Rhino Security Labs,
 * "AWS IAM Privilege Escalation – Methods and Mitigation" (Spencer Gietzen, 2018), the catalogue
 * most scanners start from, plus `ecs:RunTask`, which launches a task under a role passed to it
 * the same way, and pointing an ECS service at a new task definition. docs/lint.md prints this table.
 *
 * Deploying code is running it as the target's role: for a method that runs code as one named
 * resource's role (`runsAs`), granted only on exact, glob-free ARNs, that is the intent a deployer
 * states, and the finding is a note (IAM5133) naming the resources; on a glob or `*` it is an
 * error, as the holder picks whose role to take. Intents and `iamc check` share this decision.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { compareSpans, type Located, type Span } from '../../diagnostics/span.js';
import { hasWildcard, type LintDocument, type LintStatement } from '../document.js';
import { actionCovers } from '../action-facts.js';
import { passRoleIn } from './pass-role.js';

export interface EscalationMethod {
  /** The actions that together escalate; `iam:PassRole` counts only when it can pass any role. */
  readonly actions: readonly string[];
  readonly how: string;
  /** The action whose resources decide whose role the code runs as, and that resource's kind. */
  readonly runsAs?: { readonly action: string; readonly whose: string };
}

export const ESCALATION_METHODS: readonly EscalationMethod[] = [
  { actions: ['iam:CreatePolicyVersion'], how: 'writes a new default version of a policy attached to itself' },
  { actions: ['iam:SetDefaultPolicyVersion'], how: 'switches a policy attached to itself to a broader old version' },
  { actions: ['iam:CreateAccessKey'], how: 'mints access keys for another user' },
  { actions: ['iam:CreateLoginProfile'], how: 'sets a console password for another user' },
  { actions: ['iam:UpdateLoginProfile'], how: 'changes another user\'s console password' },
  { actions: ['iam:AttachUserPolicy'], how: 'attaches any managed policy to a user' },
  { actions: ['iam:AttachGroupPolicy'], how: 'attaches any managed policy to a group' },
  { actions: ['iam:AttachRolePolicy'], how: 'attaches any managed policy to a role' },
  { actions: ['iam:PutUserPolicy'], how: 'writes any inline policy on a user' },
  { actions: ['iam:PutGroupPolicy'], how: 'writes any inline policy on a group' },
  { actions: ['iam:PutRolePolicy'], how: 'writes any inline policy on a role' },
  { actions: ['iam:AddUserToGroup'], how: 'joins a more privileged group' },
  { actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], how: 'rewrites a role\'s trust to admit itself, then assumes it' },
  { actions: ['lambda:UpdateFunctionCode'], how: 'runs its own code under an existing function\'s role', runsAs: { action: 'lambda:UpdateFunctionCode', whose: 'function' } },
  {
    actions: ['ecs:RegisterTaskDefinition', 'ecs:UpdateService'],
    how: 'points a service at a new task definition, which runs as the task role',
    runsAs: { action: 'ecs:UpdateService', whose: 'service' },
  },
  { actions: ['iam:PassRole', 'ec2:RunInstances'], how: 'starts an instance with any role and reads its credentials' },
  { actions: ['iam:PassRole', 'lambda:CreateFunction'], how: 'creates a function with any role and runs it' },
  { actions: ['iam:PassRole', 'ecs:RunTask'], how: 'runs a task with any role' },
  { actions: ['iam:PassRole', 'cloudformation:CreateStack'], how: 'has CloudFormation create resources as any role' },
  { actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], how: 'opens a Glue endpoint running as any role' },
  { actions: ['iam:PassRole', 'datapipeline:CreatePipeline'], how: 'runs a pipeline as any role' },
];

/** Conditions that restrict which policy or boundary a change may use make the change deliberate. */
const RESTRICTING_KEYS = ['iam:permissionsboundary', 'iam:policyarn'];

export function escalations(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const granting = (name: string): Located<string> | undefined => {
    for (const s of doc.statements) {
      if (s.effect.value !== 'Allow') continue;
      if (name === 'iam:PassRole') {
        const pass = passRoleIn(s);
        if (pass?.unscoped) return pass.action;
        continue;
      }
      if (s.conditions.some((c) => RESTRICTING_KEYS.includes(c.key.value.toLowerCase()))) continue;
      const found = (s.actions ?? []).find((a) => actionCovers(a.value, name));
      if (found) return found;
    }
    return undefined;
  };
  // One finding per granting place: `iam:*` holds a dozen methods, and one message says enough.
  const byPlace = new Map<string, { at: Located<string>; methods: EscalationMethod[]; related: { message: string; span: Span }[] }>();
  for (const method of ESCALATION_METHODS) {
    const held = method.actions.map(granting);
    if (held.some((h) => h === undefined)) continue;
    // Point at the action that makes the method (whose resource says whose role the code runs
    // as), not at the `iam:PassRole` that enables it.
    const at = method.runsAs ? method.actions.indexOf(method.runsAs.action) : method.actions.length > 1 && method.actions[0] === 'iam:PassRole' ? 1 : 0;
    const place = held[at]!;
    // `*` already raises IAM5105 for granting everything; listing methods under it adds nothing.
    if (place.value === '*') continue;
    const named = method.runsAs ? exactTargets(doc.statements, method.runsAs.action) : undefined;
    if (named) {
      const related = held.flatMap((h, i) => (i === at ? [] : [{ message: `\`${method.actions[i]}\` is granted here`, span: h!.span }]));
      out.push(ranAsNamed(method, named, place, related));
      continue;
    }
    const entry = byPlace.get(placeKey(place.span)) ?? { at: place, methods: [], related: [] };
    entry.methods.push(method);
    held.forEach((h, i) => {
      if (i !== at && !entry.related.some((r) => placeKey(r.span) === placeKey(h!.span))) entry.related.push({ message: `\`${method.actions[i]}\` is granted here`, span: h!.span });
    });
    byPlace.set(placeKey(place.span), entry);
  }
  for (const { at, methods, related } of [...byPlace.values()].sort((a, b) => compareSpans(a.at.span, b.at.span))) {
    const first = methods[0]!;
    const more = methods.length > 1 ? ` (and ${methods.length - 1} more method${methods.length === 2 ? '' : 's'})` : '';
    out.push(
      diagnostic('IAM5122', at.span, `\`${first.actions.join('` with `')}\` lets the holder escalate: it ${first.how}${more}`, {
        related,
        suggestion: first.actions[0] === 'iam:PassRole' ? 'scope `iam:PassRole` to named roles and `iam:PassedToService`' : 'drop the action, or restrict it with an `iam:PermissionsBoundary` or `iam:PolicyARN` condition',
      }),
    );
  }
  return out;
}

/**
 * The resources every unconditioned Allow of `name` names, when all are exact ARNs; undefined when
 * any is a glob, `*` or a `NotResource` (the holder then chooses whose role the code runs as).
 */
function exactTargets(statements: readonly LintStatement[], name: string): string[] | undefined {
  const allows = statements.filter((s) => s.effect.value === 'Allow');
  // A `NotAction` that leaves the action in grants it on whatever the statement names.
  if (allows.some((s) => s.notActions !== undefined && !s.notActions.some((a) => actionCovers(a.value, name)))) return undefined;
  const granting = allows.filter((s) => (s.actions ?? []).some((a) => actionCovers(a.value, name)));
  if (granting.length === 0) return undefined;
  const out: string[] = [];
  for (const s of granting) {
    if (s.notResources !== undefined || s.resources === undefined || s.resources.length === 0) return undefined;
    for (const r of s.resources) {
      if (!namesOne(r.value)) return undefined;
      // A function's versions and aliases are that function: it is named once.
      const named = hasWildcard(r.value) ? r.value.slice(0, -2) : r.value;
      if (!out.includes(named)) out.push(named);
    }
  }
  return out;
}

/**
 * A glob-free ARN, or a Lambda function's every version and alias (`function:NAME:*`): a version
 * runs as the role the function had when it was published, so it is still that one function.
 */
function namesOne(resource: string): boolean {
  if (!hasWildcard(resource)) return true;
  return /:function:[^:]+:\*$/.test(resource) && !hasWildcard(resource.slice(0, -2));
}

/** Longest list of resources a note spells out; the rest are counted. */
const MAX_NAMED = 3;

function ranAsNamed(method: EscalationMethod, resources: readonly string[], at: Located<string>, related: { message: string; span: Span }[]): Diagnostic {
  const whose = method.runsAs!.whose;
  const shown = resources.slice(0, MAX_NAMED).map((r) => `\`${r}\``).join(', ');
  const more = resources.length > MAX_NAMED ? ` and ${resources.length - MAX_NAMED} more` : '';
  const which = resources.length === 1 ? `the ${whose}` : `each ${whose}`;
  return diagnostic('IAM5133', at.span, `\`${method.actions.join('` with `')}\` runs the holder's code as the role of ${which} it names: ${shown}${more}`, {
    detail: `named exactly, it reaches no other ${whose}'s role; on a glob or \`*\` it would be IAM5122`,
    related,
  });
}

function placeKey(span: Span): string {
  return `${span.file}:${span.offset}:${span.endOffset}`;
}
