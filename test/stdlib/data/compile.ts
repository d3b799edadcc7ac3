/** Compiling one grant of the data group's patterns, in the language and in YAML, to its statements. */
import { codes, compileText, policy } from '../../helpers/compile.js';

export interface Emitted {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: unknown;
}

const ACCOUNT = '123456789012';

export const dsl = (grant: string): string => `account prod = ${ACCOUNT}\nregion eu-west-1\nrole r for ec2 in prod {\n  ${grant}\n}\n`;

export const yaml = (key: string, name: string): string =>
  `accounts: { prod: "${ACCOUNT}" }\nregion: eu-west-1\nroles:\n  r:\n    for: ec2\n    in: prod\n    grants:\n      - ${key}: ${JSON.stringify(name)}\n`;

function statementsOf(result: ReturnType<typeof compileText>): Emitted[] {
  return policy(result, 'iam/roles/r.policy.json').Statement.map((s) => ({
    actions: [s.Action as string | string[]].flat(),
    resources: [s.Resource as string | string[]].flat(),
    ...(s.Condition !== undefined ? { condition: s.Condition } : {}),
  }));
}

/** `VERB SERVICE TYPE "NAME"` compiled both ways; both must give the same statements. */
export function compileBoth(key: string, name: string): { dsl: Emitted[]; yaml: Emitted[] } {
  return {
    dsl: statementsOf(compileText({ 'r.iam': dsl(`${key} ${JSON.stringify(name)}`) })),
    yaml: statementsOf(compileText({ 'r.iam.yaml': yaml(key, name) })),
  };
}

/** The diagnostic codes of a grant written both ways. */
export function codesBoth(key: string, name: string): { dsl: string[]; yaml: string[] } {
  return {
    dsl: codes(compileText({ 'r.iam': dsl(`${key} ${JSON.stringify(name)}`) })),
    yaml: codes(compileText({ 'r.iam.yaml': yaml(key, name) })),
  };
}

export const arn = (service: string, resource: string): string => `arn:aws:${service}:eu-west-1:${ACCOUNT}:${resource}`;
