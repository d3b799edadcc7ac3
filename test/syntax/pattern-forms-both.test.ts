/** The pattern forms read the same from `.iam` and from YAML: one AST, spans aside. */
import { describe, expect, it } from 'vitest';
import { stripSpans } from '../../compiler/syntax/ast.js';
import { parseDsl } from '../../compiler/syntax/dsl/cst-to-ast.js';
import { parseYaml } from '../../compiler/syntax/yaml/yaml-to-ast.js';

const DSL = `account prod = 111111111111
account tools = 222222222222

role app for ec2 in prod {
  write xray traces
  read cloudwatch metrics when mfa because "dashboards"
  write cloudwatch metrics ["MyApp", "MyApp/*"]
  assume iam role "deployer" in tools
}
`;

const YAML = `accounts:
  prod: "111111111111"
  tools: "222222222222"
roles:
  app:
    for: ec2
    in: prod
    grants:
      - write xray traces
      - read cloudwatch metrics:
        when: { mfa: true }
        because: dashboards
      - write cloudwatch metrics: [MyApp, MyApp/*]
      - assume iam role: deployer
        in: tools
`;

describe('both syntaxes', () => {
  it('read targetless grants, condition targets and `in ACCOUNT` into the same AST', () => {
    const dsl = parseDsl('a.iam', DSL);
    const yaml = parseYaml('a.iam.yaml', YAML);
    expect(dsl.diagnostics).toEqual([]);
    expect(yaml.diagnostics).toEqual([]);
    expect(stripSpans(yaml.value.declarations)).toEqual(stripSpans(dsl.value.declarations));
  });
});
