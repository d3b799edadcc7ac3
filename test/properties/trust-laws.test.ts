/**
 * The guarantee for trust policies: whoever can assume the role is admitted by the `for` clause,
 * and whoever the clause admits can assume it. Evaluated with our evaluator (`compiler/eval`,
 * itself checked against iam-simulate) on the emitted `iam/roles/NAME.trust.json`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../compiler/eval/evaluate.js';
import { compileYaml } from './support/compile-yaml.js';
import { ACCOUNT, AZURE_ORG, principalArb, REGION, SOURCE_ACCOUNT, SSO_HOMES, SSO_SETS, roleArb, toYaml, type RoleSpec } from './support/intent-gen.js';
import { admits, type AssumeAttempt } from './support/oracle.js';

const RUNS = Number(process.env.IAMC_PROPERTY_RUNS ?? 120);
const GITHUB = 'token.actions.githubusercontent.com';
const AZURE = `vstoken.dev.azure.com/${AZURE_ORG}`;

const principals: { type: AssumeAttempt['principalType']; value: string }[] = [
  { type: 'Service', value: 'lambda.amazonaws.com' },
  { type: 'Service', value: 'ec2.amazonaws.com' },
  { type: 'Service', value: 'ecs-tasks.amazonaws.com' },
  { type: 'Federated', value: `arn:aws:iam::${ACCOUNT}:oidc-provider/${GITHUB}` },
  { type: 'Federated', value: `arn:aws:iam::${SOURCE_ACCOUNT}:oidc-provider/${GITHUB}` },
  { type: 'Federated', value: `arn:aws:iam::${ACCOUNT}:oidc-provider/${AZURE}` },
  { type: 'AWS', value: `arn:aws:iam::${SOURCE_ACCOUNT}:role/reporting` },
  { type: 'AWS', value: `arn:aws:iam::${SOURCE_ACCOUNT}:role/ops` },
  { type: 'AWS', value: `arn:aws:iam::${SOURCE_ACCOUNT}:root` },
  { type: 'AWS', value: `arn:aws:iam::${ACCOUNT}:role/reporting` },
  ...ssoRoleTries().map((value) => ({ type: 'AWS' as const, value })),
];

/**
 * Identity Center roles and an attacker's look-alikes: each set's role in both accounts and on
 * each home region's path, suffixes of 15, 16 and 17 characters, and roles of the reserved name
 * on paths any admin may use.
 */
function ssoRoleTries(): string[] {
  const suffixes = ['0123456789abcdef', '0123456789abcde', '0123456789abcdef0'];
  const paths = [...SSO_HOMES.map((h) => `aws-reserved/sso.amazonaws.com/${h}/`), 'aws-reserved/sso.amazonaws.com/', '', 'aws-reserved/sso.amazonaws.com/eu-west-1/x/'];
  return [SOURCE_ACCOUNT, ACCOUNT].flatMap((account) =>
    paths.flatMap((path) => SSO_SETS.flatMap((set) => suffixes.map((suffix) => `arn:aws:iam::${account}:role/${path}AWSReservedSSO_${set}_${suffix}`))),
  );
}

const subjects = ['acme/infrastructure', 'acme/app', 'acme/other']
  .flatMap((repo) =>
    ['main', 'production', 'v1'].flatMap((v) => [`ref:refs/heads/${v}`, `ref:refs/tags/${v}`, `environment:${v}`]).concat('pull_request').map((s) => `repo:${repo}:${s}`),
  )
  .concat(['repo:acme/*', '*']);
const azureSubjects = ['acme/web/conn-a', 'acme/web/conn-b', 'acme/ops/deploy', 'acme/web/other', 'acme/web/*'].map((c) => `sc://${c}`);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

const attemptArb: fc.Arbitrary<AssumeAttempt> = fc
  .record({
    principal: fc.constantFrom(...principals),
    web: fc.boolean(),
    sourceAccount: optional(fc.constantFrom(ACCOUNT, SOURCE_ACCOUNT)),
    sourceArn: optional(fc.constantFrom(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:processor`, `arn:aws:lambda:${REGION}:${ACCOUNT}:function:processor-a`, `arn:aws:lambda:us-east-1:${ACCOUNT}:function:processor`, `arn:aws:lambda:${REGION}:${SOURCE_ACCOUNT}:function:processor`)),
    aud: optional(fc.constantFrom('sts.amazonaws.com', 'api://AzureADTokenExchange')),
    sub: optional(fc.constantFrom(...subjects)),
    azureAud: optional(fc.constantFrom('api://AzureADTokenExchange', 'sts.amazonaws.com')),
    azureSub: optional(fc.constantFrom(...azureSubjects)),
    externalId: optional(fc.constantFrom('shop-partner-7f3a', 'x-123', 'guess')),
    mfa: optional(fc.constantFrom('true', 'false')),
  })
  .map((a) => {
    const context: Record<string, string> = {};
    if (a.sourceAccount) context['aws:SourceAccount'] = a.sourceAccount;
    if (a.sourceArn) context['aws:SourceArn'] = a.sourceArn;
    if (a.aud) context[`${GITHUB}:aud`] = a.aud;
    if (a.sub) context[`${GITHUB}:sub`] = a.sub;
    if (a.azureAud) context[`${AZURE}:aud`] = a.azureAud;
    if (a.azureSub) context[`${AZURE}:sub`] = a.azureSub;
    if (a.externalId) context['sts:ExternalId'] = a.externalId;
    if (a.mfa) context['aws:MultiFactorAuthPresent'] = a.mfa;
    // AWS sets the caller's ARN on every request from an IAM principal.
    if (a.principal.type === 'AWS') context['aws:PrincipalArn'] = a.principal.value;
    return { principalType: a.principal.type, principal: a.principal.value, action: a.web ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole', context };
  });

/** Attempts biased toward the role's own principal, so that admitted attempts are common. */
function attemptsFor(role: RoleSpec): fc.Arbitrary<AssumeAttempt[]> {
  const own = (a: AssumeAttempt): AssumeAttempt => {
    const p = role.principal;
    if (p.kind === 'ec2') return { ...a, principalType: 'Service', principal: 'ec2.amazonaws.com', action: 'sts:AssumeRole' };
    if (p.kind === 'lambda') return { ...a, principalType: 'Service', principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole' };
    if (p.kind === 'github') return { ...a, principalType: 'Federated', principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/${GITHUB}`, action: 'sts:AssumeRoleWithWebIdentity' };
    if (p.kind === 'sso') {
      const path = p.home === 'us-east-1' ? '' : `${p.home}/`;
      const principal = `arn:aws:iam::${SOURCE_ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${path}AWSReservedSSO_${p.set}_0123456789abcdef`;
      return { ...a, principalType: 'AWS', principal, action: 'sts:AssumeRole', context: { ...a.context, 'aws:PrincipalArn': principal } };
    }
    if (p.kind === 'azure-devops') return { ...a, principalType: 'Federated', principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/${AZURE}`, action: 'sts:AssumeRoleWithWebIdentity' };
    return { ...a, principalType: 'AWS', principal: `arn:aws:iam::${SOURCE_ACCOUNT}:role/${p.role}`, action: 'sts:AssumeRole' };
  };
  return fc.array(fc.oneof(attemptArb, attemptArb.map(own)), { minLength: 12, maxLength: 12 });
}

/**
 * Whether the trust lets the attempt through. A trust that names an account (an Identity Center
 * role's, narrowed by `aws:PrincipalArn`) delegates to that account's own policies, which are not
 * the role's: such an attempt passes the trust when only the caller's identity policy is missing.
 */
function canAssume(trustJson: string, roleName: string, a: AssumeAttempt): boolean {
  const trust = JSON.parse(trustJson) as { Statement: unknown };
  const e = evaluate({ identity: [], resource: trust }, { principal: a.principal, action: a.action, resource: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, context: a.context });
  return e.decision === 'Allowed' || e.decidedBy === 'identity';
}

describe('trust policies', () => {
  it('principal can assume ⇒ for clause admits it', () => {
    let assumed = 0;
    fc.assert(
      fc.property(roleArb.chain((role) => fc.tuple(fc.constant(role), attemptsFor(role))), ([role, attempts]) => {
        const compiled = compileYaml(toYaml(role));
        const trust = compiled.files?.get(`iam/roles/${role.name}.trust.json`);
        expect(trust, toYaml(role)).toBeDefined();
        for (const a of attempts) {
          if (!canAssume(trust!, role.name, a)) continue;
          assumed++;
          expect(admits(role.principal, a), `${toYaml(role)}\n${JSON.stringify(a)}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(assumed).toBeGreaterThan(RUNS / 2);
  });

  it('for clause admits ⇒ principal can assume', () => {
    let admitted = 0;
    fc.assert(
      fc.property(roleArb.chain((role) => fc.tuple(fc.constant(role), attemptsFor(role))), ([role, attempts]) => {
        const compiled = compileYaml(toYaml(role));
        const trust = compiled.files!.get(`iam/roles/${role.name}.trust.json`)!;
        for (const a of attempts) {
          if (!admits(role.principal, a)) continue;
          admitted++;
          expect(canAssume(trust, role.name, a), `${toYaml(role)}\n${JSON.stringify(a)}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(admitted).toBeGreaterThan(RUNS / 4);
  });

  // Every subject a token could carry, tried against a trust of one to three refs: the trust must
  // admit exactly the listed ones (a dropped subject, or a StringLike, shows here).
  it('several subjects allow exactly the listed subjects', () => {
    const federated = principalArb.filter((p) => p.kind === 'github' || p.kind === 'azure-devops');
    fc.assert(
      fc.property(federated, roleArb, (principal, base) => {
        const role: RoleSpec = { ...base, principal };
        const trust = compileYaml(toYaml(role)).files!.get(`iam/roles/${role.name}.trust.json`)!;
        const [issuer, audience, universe] = principal.kind === 'github' ? [GITHUB, 'sts.amazonaws.com', subjects] : [AZURE, 'api://AzureADTokenExchange', azureSubjects];
        for (const sub of universe) {
          const a: AssumeAttempt = {
            principalType: 'Federated',
            principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer}`,
            action: 'sts:AssumeRoleWithWebIdentity',
            context: { [`${issuer}:aud`]: audience, [`${issuer}:sub`]: sub },
          };
          expect(canAssume(trust, role.name, a), `${toYaml(role)}\n${sub}`).toBe(admits(role.principal, a));
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
