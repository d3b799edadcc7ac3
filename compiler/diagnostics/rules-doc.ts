/** Renders docs/rules.md from the diagnostics catalogue, so the reference cannot drift from the code. */
import { CODES } from './codes.js';

const SECTIONS: readonly [string, string][] = [
  ['IAM0', 'Input and usage'],
  ['IAM11', 'YAML syntax and shape'],
  ['IAM12', 'The .iam language'],
  ['IAM2', 'Names, accounts, regions, references'],
  ['IAM3', 'Lowering and limits'],
  ['IAM4', 'Verification and the action catalogue'],
  ['IAM5', 'Lint rules'],
  ['IAM9', 'Internal errors'],
];

export function renderRulesDoc(): string {
  const lines = [
    '# Diagnostics reference',
    '',
    'Every diagnostic iamc can raise, by code. Generated from `compiler/diagnostics/codes.ts`;',
    'a test fails when this page is stale (`UPDATE_DOCS=1 npx vitest run test/docs` rewrites it).',
    '',
    'Each diagnostic has a code, a severity, a message, the exact place (file, line, column) and, where',
    'a fix is known, a `help` line. `--format json` prints them as',
    '`{"diagnostics":[{code,severity,message,file,line,column,endLine,endColumn}]}`.',
    '',
  ];
  const entries = Object.entries(CODES);
  for (const [prefix, title] of SECTIONS) {
    const rows = entries.filter(([code]) => code.startsWith(prefix));
    if (rows.length === 0) continue;
    lines.push(`## ${title}`, '', '| code | severity | summary | what it means |', '|---|---|---|---|');
    for (const [code, info] of rows) lines.push(`| \`${code}\` | ${info.severity} | ${info.summary} | ${info.doc.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
