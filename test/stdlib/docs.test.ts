import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderStdlibReference } from '../../scripts/gen-stdlib-docs.js';
import { PATTERNS } from '../../stdlib/index.js';
import { cdkData, samData } from './coverage/compare.js';

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
  it('gives the meaning of every verb a pattern uses, and points to the changelog', () => {
    const verbs = rendered.slice(rendered.indexOf('## Verbs'), rendered.indexOf('## Grant patterns'));
    for (const verb of new Set(PATTERNS.map((p) => p.verb))) expect(verbs).toMatch(new RegExp(`^\\| \`${verb}\` \\| [^(]`, 'm'));
    expect(verbs).toContain('(changelog.md)');
  });
  it('has a coverage row for every SAM template and CDK grant method, with the figures', () => {
    const coverage = rendered.slice(rendered.indexOf('## Coverage against AWS SAM and AWS CDK'));
    for (const s of [...samData().subjects, ...cdkData().subjects]) expect(coverage).toContain(`| \`${s.id}\` |`);
    expect(coverage).toMatch(/^\d+ templates: \d+ expressed by iamc grants, \d+ refused with a reason, \d+ missing\. Expressed: [\d.]+ %; covered \(expressed or refused\): [\d.]+ %\.$/m);
    expect(coverage).toMatch(/^\d+ methods: \d+ expressed by iamc grants, \d+ refused with a reason, \d+ missing\. Expressed: [\d.]+ %; covered \(expressed or refused\): [\d.]+ %\.$/m);
  });
  it('is deterministic', () => {
    expect(renderStdlibReference()).toBe(rendered);
  });
});
