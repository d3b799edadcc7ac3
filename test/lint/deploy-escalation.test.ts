/**
 * Deploying code runs it as the target's role. On exact, glob-free function or service ARNs that is
 * what a deployer states, so it is a note (IAM5133) naming them; on a glob or `*` the holder picks
 * whose role to take, an error (IAM5122). The same decision in policy JSON (`iamc check`) and in
 * compiled intents.
 */
import { describe, expect, it } from 'vitest';
import { lintPolicyFile } from '../../compiler/lint/lint-policy-file.js';
import { lintProgram } from '../../compiler/lint/lint-program.js';
import { compileForLint } from './compile-for-lint.js';

const ACCOUNT = '123456789012';
const FN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders`;
const SERVICE = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/prod/orders`;
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const allow = (Action: string | string[], Resource: string | string[]) => ({ Effect: 'Allow', Action, Resource });
const jsonFindings = (text: string) => lintPolicyFile('p.json', text).filter((d) => d.code === 'IAM5122' || d.code === 'IAM5133');

async function intentFindings(body: string) {
  const text = `account prod = ${ACCOUNT}\nregion eu-west-1\nrole r for ec2 in prod {\n${body}}\n`;
  const compiled = await compileForLint([{ path: 'x.iam', text }]);
  expect(compiled.program, compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')).toBeDefined();
  return lintProgram(compiled.intent!, compiled.program!).filter((d) => d.code === 'IAM5122' || d.code === 'IAM5133');
}

describe('updating a named function’s code is a note, in JSON and in intents', () => {
  it('notes an exact function ARN, naming it', async () => {
    const fromJson = jsonFindings(doc(allow('lambda:UpdateFunctionCode', FN)));
    expect(fromJson.map((d) => [d.code, d.severity])).toEqual([['IAM5133', 'info']]);
    expect(fromJson[0]!.message).toContain(FN);
    const fromIntent = await intentFindings(`  allow "lambda:UpdateFunctionCode" on "${FN}"\n`);
    expect(fromIntent.map((d) => [d.code, d.severity, d.span.line])).toEqual([['IAM5133', 'info', 4]]);
  });
  it('notes a named function with its versions and aliases', () => {
    const found = jsonFindings(doc(allow('lambda:UpdateFunctionCode', [FN, `${FN}:*`])));
    expect(found.map((d) => d.code)).toEqual(['IAM5133']);
    expect(found[0]!.message).toContain(`the function it names: \`${FN}\``);
  });
  it('keeps the error for a globbed function or `*`', async () => {
    for (const resource of [`${FN}-*`, `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:orders?`]) {
      expect(jsonFindings(doc(allow('lambda:UpdateFunctionCode', resource))).map((d) => d.code)).toEqual(['IAM5122']);
      expect((await intentFindings(`  allow "lambda:UpdateFunctionCode" on "${resource}"\n`)).map((d) => d.code)).toEqual(['IAM5122']);
    }
    expect(jsonFindings(doc(allow('lambda:UpdateFunctionCode', '*'))).map((d) => d.code)).toEqual(['IAM5122']);
    expect(jsonFindings(doc(allow('lambda:UpdateFunctionCode', `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:*:*`))).map((d) => d.code)).toEqual(['IAM5122']);
    expect((await intentFindings('  allow "lambda:UpdateFunctionCode" on "*" because "the deployer ships every function"\n')).map((d) => d.code)).toEqual(['IAM5122']);
  });
  it('keeps the error when a `NotAction` statement also grants the action', () => {
    const found = jsonFindings(doc(allow('lambda:UpdateFunctionCode', FN), { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }));
    expect(found.map((d) => d.code)).toEqual(['IAM5122']);
  });
  it('keeps the error when one of several grants of the action is globbed', () => {
    const found = jsonFindings(doc(allow('lambda:UpdateFunctionCode', FN), allow('lambda:UpdateFunctionCode', `${FN}-*`)));
    expect(found.map((d) => d.code)).toEqual(['IAM5122']);
  });
});

describe('pointing a named ECS service at a new task definition is a note', () => {
  const register = allow('ecs:RegisterTaskDefinition', '*');
  it('notes an exact service ARN', async () => {
    const found = jsonFindings(doc(register, allow('ecs:UpdateService', SERVICE)));
    expect(found.map((d) => [d.code, d.severity])).toEqual([['IAM5133', 'info']]);
    // At the update, whose service names the task role; the registration is pointed to beside it.
    expect(found[0]!.span.line).toBe(11);
    expect(found[0]!.related?.map((r) => r.message)).toEqual(['`ecs:RegisterTaskDefinition` is granted here']);
    const body = `  allow "ecs:RegisterTaskDefinition" on "*" because "task definitions take no narrower resource"\n  allow "ecs:UpdateService" on "${SERVICE}"\n`;
    expect((await intentFindings(body)).map((d) => d.code)).toEqual(['IAM5133']);
  });
  it('errs on every service of a cluster', async () => {
    expect(jsonFindings(doc(register, allow('ecs:UpdateService', `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/prod/*`))).map((d) => d.code)).toEqual(['IAM5122']);
    const body = `  allow "ecs:RegisterTaskDefinition" on "*" because "task definitions take no narrower resource"\n  allow "ecs:UpdateService" on "arn:aws:ecs:eu-west-1:${ACCOUNT}:service/prod/*"\n`;
    expect((await intentFindings(body)).map((d) => d.code)).toEqual(['IAM5122']);
  });
  it('says nothing when the service is updated without new task definitions', () => {
    expect(jsonFindings(doc(allow('ecs:UpdateService', `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/prod/*`)))).toEqual([]);
  });
});
