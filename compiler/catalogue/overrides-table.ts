/**
 * The override table as Markdown, for docs/verification.md: the section between its markers is
 * this text, so the page cannot drift from compiler/catalogue/overrides.ts
 * (test/catalogue/overrides-doc.test.ts checks it; UPDATE_DOCS=1 rewrites it).
 */
import { CATALOGUE_OVERRIDES } from './overrides.js';

export const OVERRIDES_BEGIN = '<!-- catalogue overrides: generated from compiler/catalogue/overrides.ts -->';
export const OVERRIDES_END = '<!-- end of catalogue overrides -->';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function renderOverridesTable(): string {
  const lines = ['| action or resource type | the catalogue says | AWS enforces | source | checked |', '|---|---|---|---|---|'];
  for (const o of CATALOGUE_OVERRIDES) {
    const subject = o.kind === 'resource-types' ? `\`${o.action}\`` : `\`${o.resourceType}\` ARNs (suffix \`${o.suffix}\`)`;
    lines.push(`| ${subject} | ${cell(o.catalogue)} | ${cell(o.enforced)} | <${o.source}> | ${o.checked} |`);
  }
  return [OVERRIDES_BEGIN, ...lines, OVERRIDES_END].join('\n');
}
