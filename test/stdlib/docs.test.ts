import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderStdlibReference } from '../../scripts/gen-stdlib-docs.js';
import { PATTERNS } from '../../stdlib/index.js';

const DOC = fileURLToPath(new URL('../../docs/stdlib.md', import.meta.url));

describe('docs/stdlib.md', () => {
  const rendered = renderStdlibReference();
  if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, rendered);

  it('is current (UPDATE_DOCS=1 npx vitest run test/stdlib/docs.test.ts rewrites it)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });
  it('shows every pattern with its actions', () => {
    for (const p of PATTERNS) {
      expect(rendered).toContain(`### \`${p.verb} ${p.service} ${p.resourceType}\``);
      for (const a of p.parts.flatMap((x) => x.actions)) expect(rendered).toContain(`\`${a}\``);
    }
  });
  it('is deterministic', () => {
    expect(renderStdlibReference()).toBe(rendered);
  });
});
