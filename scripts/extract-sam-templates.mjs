#!/usr/bin/env node
/**
 * Re-extracts test/stdlib/coverage/sam-templates.json from a clone of AWS SAM
 * (github.com/aws/serverless-application-model), so the coverage comparison is regenerated, not
 * hand-kept. Only facts are kept: each template's statements with their actions, resources written
 * as `${Param}` placeholders in place of CloudFormation's Fn::Sub / Ref, and conditions.
 *
 *   node scripts/extract-sam-templates.mjs PATH-TO-SAM-CLONE [REVISION]
 *
 * PATH may be a work tree or a bare repository; REVISION defaults to HEAD.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TEMPLATES_PATH = 'samtranslator/policy_templates_data/policy_templates.json';
const OUT = fileURLToPath(new URL('../test/stdlib/coverage/sam-templates.json', import.meta.url));

const [repo, revision = 'HEAD'] = process.argv.slice(2);
if (!repo) {
  process.stderr.write('usage: node scripts/extract-sam-templates.mjs PATH-TO-SAM-CLONE [REVISION]\n');
  process.exit(2);
}
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
const commit = git('rev-parse', `${revision}^{commit}`).trim();
const date = git('log', '-1', '--format=%cI', commit).trim();
const source = JSON.parse(git('show', `${commit}:${TEMPLATES_PATH}`));

/** `{Ref: P}` → `${P}`; `{Fn::Sub: [text, {var: {Ref: P}}]}` → text with `${var}` → `${P}`. */
function flatten(value) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'Ref' in value) return `\${${value.Ref}}`;
  if (value && typeof value === 'object' && 'Fn::Sub' in value) {
    const sub = value['Fn::Sub'];
    if (typeof sub === 'string') return sub;
    const [text, vars] = sub;
    return text.replace(/\$\{([^}!]+)\}/g, (whole, name) => (name in vars ? flatten(vars[name]) : whole));
  }
  throw new Error(`unexpected value in a SAM template: ${JSON.stringify(value)}`);
}
const list = (v) => (Array.isArray(v) ? v : [v]);

function flattenConditions(condition) {
  const out = [];
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) out.push({ operator, key, values: list(values).map(flatten) });
  }
  return out;
}

const templates = Object.keys(source.Templates)
  .sort()
  .map((name) => {
    const t = source.Templates[name];
    return {
      name,
      description: t.Description,
      parameters: Object.keys(t.Parameters ?? {}).sort(),
      statements: t.Definition.Statement.map((s) => ({
        effect: s.Effect,
        actions: list(s.Action),
        resources: list(s.Resource).map(flatten),
        ...(s.Condition ? { conditions: flattenConditions(s.Condition) } : {}),
      })),
    };
  });

const data = {
  source: {
    repository: 'https://github.com/aws/serverless-application-model',
    path: TEMPLATES_PATH,
    commit,
    date,
    templatesVersion: source.Version,
    extractedWith: 'scripts/extract-sam-templates.mjs',
  },
  templates,
};
writeFileSync(OUT, `${JSON.stringify(data, null, 2)}\n`);
process.stdout.write(`${templates.length} templates from ${commit} (${date})\n`);
