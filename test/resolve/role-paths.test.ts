/**
 * `pass iam role` to a role the program does not declare builds its ARN at path `/`; a role on
 * another path would be silently missed, so the user hears which ARN was built and how to name the
 * role they mean. A path written into the name is refused with the ARN to write instead.
 */
import { describe, expect, it } from 'vitest';
import { at, compileText, policy } from '../helpers/compile.js';

const head = 'account prod = 123456789012\nregion eu-west-1\n';
const compile = (body: string) => compileText({ 'main.iam': `${head}${body}` });
const deployer = (grant: string) => `role deployer for ec2 in prod {\n  ${grant}\n}\n`;

describe('a passed role the program does not declare', () => {
  it('warns with the ARN it built and the full-ARN form', () => {
    const result = compile(deployer('pass iam role "app-task" to ecs-tasks'));
    expect(at(result)).toEqual(['IAM2135 main.iam:4:17']);
    const d = result.diagnostics[0]!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('`arn:aws:iam::123456789012:role/app-task`');
    expect(d.suggestion).toContain('`arn:aws:iam::123456789012:role/PATH/app-task`');
  });
  it('still emits the grant it warned about', () => {
    const result = compile(deployer('pass iam role "app-task" to ecs-tasks'));
    const statements = policy(result, 'iam/roles/deployer.policy.json').Statement;
    expect(statements.flatMap((s) => s.Resource as string[])).toEqual(['arn:aws:iam::123456789012:role/app-task']);
  });
  it('is quiet for a declared role, whose path the program knows', () => {
    const result = compile(`role app-task for ecs-task in prod {\n  path "/service/"\n  read s3 objects "assets/*"\n}\n${deployer('pass iam role "app-task" to ecs-tasks')}`);
    expect(at(result)).toEqual([]);
    const statements = policy(result, 'iam/roles/deployer.policy.json').Statement;
    expect(statements.flatMap((s) => s.Resource as string[])).toEqual(['arn:aws:iam::123456789012:role/service/app-task']);
  });
  it('is quiet for `*`, which is every role on every path', () => {
    const result = compile(deployer('pass iam role "*" to ecs-tasks because "the deployer passes any task role"'));
    expect(result.diagnostics.filter((d) => d.code === 'IAM2135')).toEqual([]);
  });
  it('is quiet for a full ARN, which names the path itself', () => {
    expect(at(compile(deployer('pass iam role "arn:aws:iam::123456789012:role/service/app-task" to ecs-tasks')))).toEqual([]);
  });
});

describe('a path written into the role name', () => {
  it('is refused once, with the ARN and the declaration that name the role', () => {
    const result = compile(deployer('pass iam role "service/app-task" to ecs-tasks'));
    expect(at(result)).toEqual(['IAM2111 main.iam:4:17']);
    expect(result.diagnostics[0]!.suggestion).toContain('`arn:aws:iam::123456789012:role/service/app-task`');
    expect(result.diagnostics[0]!.suggestion).toContain('`path "/service/"`');
  });
});

describe('the YAML form', () => {
  it('warns the same, at the YAML line', () => {
    const yaml = 'accounts: { prod: "123456789012" }\nregion: eu-west-1\nroles:\n  deployer:\n    for: ec2\n    in: prod\n    grants:\n      - pass iam role: app-task\n        to: ecs-tasks\n';
    const result = compileText({ 'main.iam.yaml': yaml });
    expect(result.diagnostics.map((d) => `${d.code} ${d.span.line}`)).toEqual(['IAM2135 8']);
  });
});
