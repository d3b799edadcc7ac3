/** Generated reference pages must match the code they describe. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../compiler/diagnostics/codes.js';
import { renderRulesDoc } from '../../compiler/diagnostics/rules-doc.js';

describe('docs/rules.md', () => {
  it('is generated from the catalogue and current', () => {
    const rendered = renderRulesDoc();
    if (process.env['UPDATE_DOCS']) writeFileSync('docs/rules.md', rendered);
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(rendered);
  });

  it('documents every code', () => {
    const text = renderRulesDoc();
    for (const code of Object.keys(CODES)) expect(text).toContain(`\`${code}\``);
  });
});
