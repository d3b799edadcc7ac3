/** docs/verification.md lists the catalogue overrides as the table has them. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OVERRIDES_BEGIN, OVERRIDES_END, renderOverridesTable } from '../../compiler/catalogue/overrides-table.js';

const PAGE = 'docs/verification.md';

describe('docs/verification.md', () => {
  it('lists every catalogue override from the table', () => {
    let text = readFileSync(PAGE, 'utf8');
    const rendered = renderOverridesTable();
    if (process.env['UPDATE_DOCS']) {
      const start = text.indexOf(OVERRIDES_BEGIN);
      const end = text.indexOf(OVERRIDES_END);
      text = start >= 0 && end > start ? text.slice(0, start) + rendered + text.slice(end + OVERRIDES_END.length) : text.replace('__TABLE__', rendered);
      writeFileSync(PAGE, text);
    }
    expect(text).toContain(rendered);
  });
});
