/** Compiling one grant of the apps group in both syntaxes, and reading what the policy allows. */
import type { CompileResult } from '../../../compiler/pipeline.js';
import { compileText, policy } from '../../helpers/compile.js';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';
export const arn = (service: string, resource: string): string => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** `verb service type` and a target, as a role `app` for EC2 in the DSL (`.iam`). */
export function dsl(grant: string, target: string): CompileResult {
  const text = `account prod = ${ACCOUNT}\nregion ${REGION}\nrole app for ec2 in prod {\n  ${grant} ${JSON.stringify(target)}\n}\n`;
  return compileText({ 'app.iam': text });
}

/** The same grant in YAML (`.iam.yaml`). */
export function yaml(grant: string, target: string): CompileResult {
  const text = `accounts: { prod: "${ACCOUNT}" }\nregion: ${REGION}\nroles:\n  app:\n    for: ec2\n    in: prod\n    grants:\n      - ${grant}: ${JSON.stringify(target)}\n`;
  return compileText({ 'app.iam.yaml': text });
}

/**
 * Every `action resource` pair the role's policy allows, sorted: independent of how lowering groups
 * actions into statements. Conditions are kept beside the pair when a statement has them.
 */
export function allowed(result: CompileResult): string[] {
  const doc = policy(result, 'iam/roles/app.policy.json');
  const pairs: string[] = [];
  for (const s of doc.Statement) {
    if (s.Effect !== 'Allow') continue;
    const actions = ([] as string[]).concat(s.Action as string | string[]);
    const resources = ([] as string[]).concat(s.Resource as string | string[]);
    const when = s.Condition === undefined ? '' : ` if ${JSON.stringify(s.Condition)}`;
    for (const a of actions) for (const r of resources) pairs.push(`${a} ${r}${when}`);
  }
  return pairs.sort();
}

/** `actions × resources` as the sorted pairs `allowed` returns. */
export function pairs(actions: readonly string[], resources: readonly string[]): string[] {
  return actions.flatMap((a) => resources.map((r) => `${a} ${r}`));
}
