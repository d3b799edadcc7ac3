/**
 * Rules for trust policies: who may assume the role. OIDC (IAM5109–IAM5113, IAM5117, and the
 * IAM5125 note), service principals (IAM5114), AWS accounts (IAM5115), everyone (IAM5116) and external ids (IAM5141).
 * A condition counts only when it pins its key by operator and value (pins.ts), never because
 * the key is mentioned.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Located } from '../../diagnostics/span.js';
import { assumesRole } from '../document-kind.js';
import { baseOperator, hasWildcard, type LintCondition, type LintDocument, type LintStatement } from '../document.js';
import { pinnedBy, pins } from './pins.js';

/**
 * Services that put `aws:SourceAccount`/`aws:SourceArn` on the AssumeRole call they make for a
 * resource, so a trust can (and should) name it. EC2 sets neither for instance profiles: a
 * condition there would lock the role, so it is absent on purpose.
 */
export const SERVICES_SETTING_SOURCE: readonly string[] = [
  'lambda.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'states.amazonaws.com',
  'events.amazonaws.com',
  'scheduler.amazonaws.com',
  'pipes.amazonaws.com',
];

const SOURCE_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths'];
/** Keys that pin `*` to an account or organisation. `sts:ExternalId` is a shared secret, not a pin. */
const PINNING_KEYS = [...SOURCE_KEYS, 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn'];

/** Azure DevOps issues tokens from these hosts only (Azure DevOps workload identity federation docs). */
const AZURE_ISSUERS = [/^vstoken\.dev\.azure\.com\/[0-9a-f-]{36}$/i, /^login\.microsoftonline\.com\/[0-9a-f-]{36}\/v2\.0$/i];

export function trustRules(doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of doc.statements) {
    // A statement that cannot assume the role is a resource policy's, judged by its own rules.
    if (s.effect.value !== 'Allow' || !s.principal || !assumesRole(s)) continue;
    const keyed = (keys: readonly string[]) => pinnedBy(s, keys);
    if (s.principal.everyone && !keyed(PINNING_KEYS)) {
      out.push(diagnostic('IAM5116', s.principal.everyone, 'principal `*` lets anyone on AWS assume the role', { suggestion: 'name the principals, or pin them with `aws:PrincipalOrgID`' }));
    }
    for (const p of s.principal.aws) {
      const narrowed = keyed(['sts:externalid']) || s.conditions.some((c) => c.key.value.toLowerCase() === 'aws:principalarn' && pins(c, namedPrincipal));
      if (wholeAccount(p.value) && !narrowed) {
        out.push(
          diagnostic('IAM5115', p.span, `\`${p.value}\` trusts every principal the account's admins allow`, {
            suggestion: 'trust the role ARN that assumes this role; for a third party also require `sts:ExternalId`',
          }),
        );
      }
    }
    for (const p of s.principal.service) {
      if (SERVICES_SETTING_SOURCE.includes(p.value.toLowerCase()) && !keyed(SOURCE_KEYS)) {
        out.push(
          diagnostic('IAM5114', p.span, `\`${p.value}\` may assume the role on behalf of any account`, {
            suggestion: 'add `aws:SourceAccount` (StringEquals) and `aws:SourceArn` (ArnLike) naming your resources',
          }),
        );
      }
    }
    for (const p of s.principal.federated) out.push(...oidcRules(p, s));
    for (const c of s.conditions) {
      if (c.key.value.toLowerCase() === 'sts:externalid' && !pins(c)) {
        out.push(
          diagnostic('IAM5141', c.operator.span, `\`${c.operator.value}\` on \`sts:ExternalId\` does not require one agreed external id`, {
            detail: 'an empty value, a wildcard, a negated operator, `IfExists` or `ForAllValues:` admits callers who do not know the id',
            suggestion: 'use `"StringEquals": { "sts:ExternalId": "THE-AGREED-ID" }`',
          }),
        );
      }
    }
    for (const c of s.conditions) {
      if (baseOperator(c.operator.value) === 'stringlike' && c.values.length > 0 && c.values.every((v) => !hasWildcard(v.value))) {
        out.push(diagnostic('IAM5113', c.operator.span, `\`${c.operator.value}\` on \`${c.key.value}\` has no wildcard`, { suggestion: `use \`${c.operator.value.replace(/StringLike/i, 'StringEquals')}\`` }));
      }
    }
  }
  return out;
}

/**
 * How much of an `aws:PrincipalArn` pattern must be written out to narrow a whole-account trust:
 * the account and the start of a role or user name (`role/deploy-*` narrows, `role/*` does not).
 */
function namedPrincipal(arn: string): string | undefined {
  const m = /^arn:[^:]+:(?:iam|sts)::([^:]*):(?:role|user|assumed-role)\/(.*)$/.exec(arn);
  if (!m || hasWildcard(m[1]!)) return undefined;
  const prefix = m[2]!.split(/[*?]/)[0]!;
  return prefix === '' ? undefined : `${m[1]}:${prefix}`;
}

/** `123456789012`, `arn:aws:iam::123456789012:root`. */
function wholeAccount(principal: string): boolean {
  return /^\d{12}$/.test(principal) || /^arn:[^:]+:iam::\d{12}:root$/.test(principal);
}

/** The issuer host of a federated principal: the provider ARN's suffix, or the host itself (Cognito, Google). */
export function oidcHost(federated: string): string | undefined {
  const m = /^arn:[^:]+:iam::[^:]*:oidc-provider\/(.+)$/.exec(federated);
  if (m) return m[1];
  return federated.startsWith('arn:') ? undefined : federated;
}

function oidcRules(principal: Located<string>, s: LintStatement): Diagnostic[] {
  const out: Diagnostic[] = [];
  const host = oidcHost(principal.value);
  if (host === undefined) return out; // a SAML provider: other claims, other rules
  if (/azure/i.test(host) && !AZURE_ISSUERS.some((r) => r.test(host))) {
    out.push(
      diagnostic('IAM5117', principal.span, `\`${host}\` is not an Azure DevOps token issuer, so no token will ever match`, {
        suggestion: 'the issuer is `vstoken.dev.azure.com/ORGANIZATION_GUID`',
      }),
    );
  }
  const claim = (name: string) => s.conditions.filter((c) => c.key.value.toLowerCase() === `${host.toLowerCase()}:${name}`);
  const aud = claim('aud');
  const sub = claim('sub');
  // A claim is checked only when a condition pins it; `ForAllValues:` has a finding of its own (IAM5112).
  const unpinned = (name: string, cs: readonly LintCondition[]) =>
    cs.some((c) => pins(c, name === 'sub' ? subjectOwner : undefined)) || (cs.length > 0 && cs.every((c) => /^ForAllValues:/i.test(c.operator.value))) ? [] : [{ name, cs }];
  const missing = [...unpinned('aud', aud), ...unpinned('sub', sub)];
  if (missing.length > 0) {
    const why = missing.some((m) => m.name === 'sub') ? 'any repository or pipeline that can get a token from this issuer can assume the role' : 'tokens minted for any audience are accepted';
    const tested = missing.filter((m) => m.cs.length > 0);
    const what =
      tested.length === 0
        ? `does not check ${missing.map((m) => `\`${m.name}\``).join(' or ')}`
        : `${missing.filter((m) => m.cs.length === 0).map((m) => `does not check \`${m.name}\`, `).join('')}tests ${tested.map((m) => `\`${m.name}\` with \`${m.cs[0]!.operator.value}\``).join(' and ')}, which ${tested.length === 1 ? 'does not pin it' : 'do not pin them'} to a value`;
    out.push(
      diagnostic('IAM5109', tested[0]?.cs[0]?.operator.span ?? principal.span, `the trust of \`${host}\` ${what}: ${why}`, {
        suggestion: `add \`"StringEquals"\` on ${missing.map((m) => `\`${host}:${m.name}\``).join(' and ')} with the exact value`,
      }),
    );
  }
  for (const c of [...aud, ...sub]) {
    if (/^ForAllValues:/i.test(c.operator.value)) {
      out.push(diagnostic('IAM5112', c.operator.span, `\`${c.operator.value}\` on \`${c.key.value}\` is true when the token has no such claim`, { suggestion: 'use `StringEquals`' }));
    }
  }
  for (const c of sub) out.push(...subjectSpread(c), ...environmentSubjects(c));
  return out;
}

/** How far a `sub` pattern reaches: across repositories (IAM5110) or across a repository's refs (IAM5111). */
function subjectSpread(c: LintCondition): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (baseOperator(c.operator.value) !== 'stringlike') return out;
  for (const v of c.values) {
    if (!hasWildcard(v.value)) continue;
    const [owner, rest] = splitSubject(v.value);
    if (owner === undefined || hasWildcard(owner)) {
      out.push(diagnostic('IAM5110', v.span, `subject \`${v.value}\` matches other repositories or projects`, { suggestion: 'name the repository exactly: `repo:ORG/REPO:…`' }));
    } else if (hasWildcard(rest ?? '')) {
      out.push(diagnostic('IAM5111', v.span, `subject \`${v.value}\` matches every branch, tag, pull request or environment of \`${owner}\``, { suggestion: 'name the branch (`ref:refs/heads/main`) or environment (`environment:production`)' }));
    }
  }
  return out;
}

/**
 * GitHub gives a job bound to an environment the `environment:` subject whatever branch it runs
 * on, so such a trust admits every branch allowed to deploy there: a note, for the reviewer to
 * check the environment's deployment branch rules.
 */
function environmentSubjects(c: LintCondition): Diagnostic[] {
  if (/^ForAllValues:/i.test(c.operator.value) || /IfExists$/i.test(c.operator.value)) return [];
  return c.values.flatMap((v) => {
    const m = /^repo:([^:*?]+):environment:([^*?]+)$/.exec(v.value);
    if (!m) return [];
    return [
      diagnostic('IAM5125', v.span, `subject \`${v.value}\` admits any branch of \`${m[1]}\` whose job deploys to environment \`${m[2]}\``, {
        suggestion: 'limit the branches that may deploy in the environment\'s deployment branch rules on GitHub, or trust a `branch`',
      }),
    ];
  });
}

/** A `sub` pattern is pinned by its repository (GitHub) or project (Azure DevOps); IAM5111 judges the rest. */
function subjectOwner(sub: string): string | undefined {
  return splitSubject(sub)[0];
}

/** GitHub `repo:ORG/REPO:REST`, Azure DevOps `sc://ORG/PROJECT/CONNECTION`; else no owner. */
function splitSubject(sub: string): [string | undefined, string | undefined] {
  const gh = /^repo:([^:]*):(.*)$/.exec(sub);
  if (gh) return [gh[1], gh[2]];
  const ado = /^sc:\/\/([^/]*\/[^/]*)\/(.*)$/.exec(sub);
  if (ado) return [ado[1], ado[2]];
  return [undefined, undefined];
}
