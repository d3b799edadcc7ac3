/**
 * The mistakes a newcomer makes with the grown standard library, each in the syntax where it is
 * made: every one is a coded diagnostic at the place of the mistake, with help that names what
 * was meant. Guards against a mistake that reaches no diagnostic, one reported far from where it
 * is written, or one whose help points the wrong way.
 */
import { describe, expect, it } from 'vitest';
import { compileText } from '../helpers/compile.js';

const DSL_HEAD = 'account prod = 111122223333\nregion eu-west-1\n\nrole r for ecs-task in prod {\n';
const YAML_HEAD = 'accounts: { prod: "111122223333" }\nregion: eu-west-1\nroles:\n  r:\n    for: ecs-task\n    in: prod\n    grants:\n';

interface Mistake {
  readonly what: string;
  /** Grant lines of the role: `.iam` lines indented two spaces, YAML items six. */
  readonly dsl?: string;
  readonly yaml?: string;
  readonly code: string;
  /** `line:column` of the mistake in the file (the grant is on line 5 in `.iam`, line 8 in YAML). */
  readonly at: string;
  readonly message: string;
  readonly help?: string;
}

const MISTAKES: readonly Mistake[] = [
  // typos in the grant's words
  { what: 'a misspelt verb', dsl: '  wrte kinesis stream "clicks"', code: 'IAM2104', at: '5:3', message: 'no pattern `wrte` for `kinesis stream`', help: 'did you mean `write`?' },
  { what: 'a misspelt service', dsl: '  write kinesiss stream "clicks"', code: 'IAM2105', at: '5:9', message: 'service `kinesiss`', help: 'did you mean `kinesis`?' },
  { what: 'a product name for a service', dsl: '  run stepfunctions state-machine "nightly-report"', code: 'IAM2105', at: '5:7', message: 'service `stepfunctions`', help: 'under `states`' },
  { what: '`sts` for assuming a role', dsl: '  assume sts role "deployer"', code: 'IAM2105', at: '5:10', message: 'service `sts`', help: 'under `iam`' },
  { what: 'a misspelt resource type', dsl: '  write kinesis streem "clicks"', code: 'IAM2106', at: '5:17', message: 'no resource type `streem`', help: 'did you mean `stream`?' },
  { what: 'a misspelt verb of a targetless grant', dsl: '  wirte xray traces', code: 'IAM1203', at: '5:20', message: 'expected a target after `traces`', help: 'did you mean `write xray traces`? It takes no target' },
  { what: 'a misspelt service of a targetless grant', dsl: '  write xrya traces\n  read s3 bucket "acme-site"', code: 'IAM1203', at: '5:20', message: 'expected a target after `traces`', help: 'did you mean `write xray traces`?' },
  { what: 'a misspelt type of a targetless grant', dsl: '  write xray trace', code: 'IAM1203', at: '5:19', message: 'expected a target after `trace`', help: 'did you mean `write xray traces`?' },
  { what: 'a misspelt targetless grant, in YAML', yaml: '      - wirte xray traces', code: 'IAM2104', at: '8:9', message: 'no pattern `wirte` for `xray traces`', help: 'did you mean `write`?' },
  { what: 'a misspelt type of a targetless grant, in YAML', yaml: '      - write xray trace', code: 'IAM2106', at: '8:20', message: 'no resource type `trace`', help: 'did you mean `traces`?' },
  { what: 'a misspelt option', dsl: '  deploy ecs service "prod/web" familly "web"', code: 'IAM1221', at: '5:33', message: 'found `familly`', help: 'did you mean `family`?' },
  { what: 'a misspelt option, in YAML', yaml: '      - deploy ecs service: prod/web\n        familly: web', code: 'IAM2119', at: '9:9', message: 'has no option `familly`; it takes `family`', help: 'did you mean `family`?' },
  { what: 'an option before the target', dsl: '  deploy ecs service family "web" "prod/web"', code: 'IAM1221', at: '5:29', message: 'after `family`', help: 'options come after the target: `deploy ecs service "prod/web" family "web"`' },
  { what: 'an option given a list', dsl: '  deploy ecs service "prod/web" family ["web", "api"]', code: 'IAM1221', at: '5:33', message: 'found `family`', help: '`family` takes one value, not a list' },
  { what: 'an option without its value', dsl: '  deploy ecs service "prod/web" family', code: 'IAM1221', at: '5:33', message: 'found `family`', help: '`family` needs its value: `family "VALUE"`' },
  { what: '`because` without its reason', dsl: '  write xray traces because', code: 'IAM1203', at: '5:28', message: 'after `because`', help: 'give the reason after `because`, in quotes' },
  // targets where none is taken, none where one is needed
  { what: 'a target on a targetless grant', dsl: '  write xray traces "x"', code: 'IAM2133', at: '5:21', message: '`write xray traces` takes no target', help: 'write `write xray traces` alone' },
  { what: 'a target on a targetless grant, in YAML', yaml: '      - write xray traces: x', code: 'IAM2133', at: '8:28', message: '`write xray traces` takes no target' },
  { what: 'an empty target list on a targetless grant, in YAML', yaml: '      - write xray traces: []', code: 'IAM2133', at: '8:28', message: '`write xray traces` takes no target', help: 'a plain string, `- write xray traces`' },
  { what: 'no target where one is needed', dsl: '  read s3 bucket\n  write xray traces', code: 'IAM1203', at: '5:17', message: 'expected a target after `bucket`', help: '`read s3 bucket "NAME"`; `iamc stdlib s3`' },
  { what: 'a raw statement cut short after `on` (three words, but no grant)', dsl: '  deny s3:DeleteBucket on', code: 'IAM1203', at: '5:26', message: 'after `on`', help: 'add what is missing at the end of this line' },
  { what: 'no target for a condition target', dsl: '  write cloudwatch metrics', code: 'IAM1203', at: '5:27', message: 'expected a target after `metrics`', help: '`iamc stdlib cloudwatch`' },
  { what: 'no target where one is needed, in YAML', yaml: '      - read s3 bucket', code: 'IAM2133', at: '8:9', message: '`read s3 bucket` needs a target', help: 'iamc stdlib s3' },
  { what: 'an empty target list, in YAML', yaml: '      - read s3 bucket: []', code: 'IAM1103', at: '8:25', message: 'must not be an empty list', help: 'name at least one target' },
  // options where none is taken
  { what: 'an option on a pattern that takes none', dsl: '  push ecr repository "web" family "web"', code: 'IAM2119', at: '5:29', message: '`push ecr repository` has no option `family`; it takes none', help: '`iamc stdlib ecr`' },
  { what: 'an option on a targetless pattern', dsl: '  write xray traces family "x"', code: 'IAM2119', at: '5:21', message: '`write xray traces` has no option `family`; it takes none' },
  { what: 'an option on a pattern that takes none, in YAML', yaml: '      - push ecr repository: web\n        family: web', code: 'IAM2119', at: '9:9', message: 'it takes none', help: '`iamc stdlib ecr`' },
  { what: '`in ACCOUNT` on a targetless grant', dsl: '  write xray traces in prod', code: 'IAM2119', at: '5:24', message: 'names no resource', help: 'remove `in ACCOUNT`' },
  { what: '`in ACCOUNT` on a condition target, in YAML', yaml: '      - write cloudwatch metrics: Acme\n        in: prod', code: 'IAM2119', at: '9:13', message: 'names no resource' },
  // compound names
  { what: 'one part where a compound name needs two', dsl: '  deploy ecs service "web"', code: 'IAM2111', at: '5:22', message: '`CLUSTER/SERVICE`' },
  { what: 'three parts where a compound name needs two', dsl: '  read glue table "sales/orders/x"', code: 'IAM2111', at: '5:19', message: 'one `/` between the database and the table' },
  { what: 'a glob in the part before the `/` of a compound name', dsl: '  connect rds-db user "db-*/admin"', code: 'IAM2130', at: '5:23', message: 'would reach beyond the names it means', help: 'list the names in full, part by part' },
  { what: 'a glob that runs past the `/` of a compound name', dsl: '  connect rds-db user "db-ABC/*"', code: 'IAM2130', at: '5:23', message: 'would reach beyond the names it means', help: 'part by part' },
  { what: 'a qualified function name', dsl: '  deploy lambda function "thumbnailer:prod"', code: 'IAM2111', at: '5:26', message: 'not a valid function name', help: 'write the name alone, `thumbnailer`' },
  { what: 'a stream ARN’s tail after a table name', dsl: '  read dynamodb stream "orders/stream/*"', code: 'IAM2111', at: '5:24', message: 'not a valid table name', help: '`iamc stdlib dynamodb` shows what the name is' },
  { what: 'a reserved namespace', dsl: '  write cloudwatch metrics "AWS/Lambda"', code: 'IAM2111', at: '5:28', message: '`AWS/` is reserved for AWS' },
  { what: '`in ACCOUNT` on a raw statement', dsl: '  allow "sqs:ListQueues" on "*" in prod because "the console lists queues"', code: 'IAM1221', at: '5:33', message: 'found `in`', help: 'a raw statement takes no `in ACCOUNT`' },
  { what: '`in ACCOUNT` on the line after a raw statement', dsl: '  allow "sqs:SendMessage" on "arn:aws:sqs:eu-west-1:111122223333:q"\n  in prod', code: 'IAM1203', at: '6:3', message: '`in ACCOUNT` does not start a statement', help: 'a raw statement takes none' },
  { what: 'an unknown account after `in`', dsl: '  assume iam role "deployer" in prd', code: 'IAM2102', at: '5:33', message: 'unknown account `prd`', help: 'did you mean `prod`?' },
  // YAML shapes that look plausible
  { what: 'an option at the column of the `-`', yaml: '      - deploy ecs service: prod/web\n      family: web', code: 'IAM1101', at: '9:7', message: 'all mapping items must start at the same column', help: 'two spaces past its `-`' },
  { what: 'an option indented deeper than its grant', yaml: '      - deploy ecs service: prod/web\n          family: web', code: 'IAM1101', at: '9:11', message: 'invalid YAML', help: '`family` is indented deeper than the key above it' },
  { what: 'an option at the column of the grants list, outside its grant', yaml: '      - deploy ecs service: prod/web\n    family: web', code: 'IAM1104', at: '9:5', message: 'unknown key `family` in role `r`', help: '`family` belongs to a grant' },
  { what: 'a clause under a grant written as a plain string', yaml: '      - write xray traces\n        because: traces', code: 'IAM1101', at: '9:9', message: 'invalid YAML', help: 'end it with a colon, `- write xray traces:`' },
  { what: 'options inside the target', yaml: '      - deploy ecs service: { prod/web: { family: web } }', code: 'IAM1103', at: '8:29', message: 'not a mapping', help: 'write the target as a string, `- deploy ecs service: NAME`' },
  { what: 'a condition target written as a mapping', yaml: '      - write cloudwatch metrics: { namespace: Acme }', code: 'IAM1103', at: '8:35', message: 'not a mapping', help: '`- write cloudwatch metrics: NAME`' },
  { what: 'an option in the target list', yaml: '      - deploy ecs service: [prod/web, family: web]', code: 'IAM1103', at: '8:40', message: 'not a mapping', help: '`family: …` is a key of the grant itself' },
  { what: 'options grouped under one key', yaml: '      - deploy ecs service: prod/web\n        options: { family: web }', code: 'IAM1103', at: '9:9', message: 'options are keys of the grant itself', help: 'write `family: …` directly under `deploy ecs service`' },
  { what: 'options as a list under one key', yaml: '      - deploy ecs service: prod/web\n        options:\n          - family: web', code: 'IAM1103', at: '9:9', message: 'not a list of mappings: options are keys of the grant itself', help: 'write `family: …` directly under `deploy ecs service`' },
  { what: 'an option given a list, in YAML', yaml: '      - deploy ecs service: prod/web\n        family: [web, api]', code: 'IAM1103', at: '9:17', message: 'takes one value, not a list', help: 'one grant for each' },
];

function diagnose(m: Mistake) {
  const text = m.dsl !== undefined ? `${DSL_HEAD}${m.dsl}\n}\n` : `${YAML_HEAD}${m.yaml}\n`;
  const file = m.dsl !== undefined ? 'x.iam' : 'x.iam.yaml';
  return compileText({ [file]: text }).diagnostics.filter((d) => d.severity === 'error');
}

describe('a newcomer’s mistakes', () => {
  for (const m of MISTAKES) {
    it(`${m.what} is ${m.code} at the mistake, with help`, () => {
      const found = diagnose(m);
      expect(found.map((d) => `${d.code} ${d.span.line}:${d.span.column}`)).toEqual([`${m.code} ${m.at}`]);
      const d = found[0]!;
      expect(d.message).toContain(m.message);
      if (m.help !== undefined) expect(d.suggestion).toContain(m.help);
      // The project's voice: a lowercase start and no final period.
      expect(d.message).toMatch(/^[a-z`][^]*[^.]$/);
    });
  }
});
