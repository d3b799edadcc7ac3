import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../../grammar/keywords.js';
import { textMateJson } from '../../../grammar/textmate.js';

const path = new URL('../../../editors/iam.tmLanguage.json', import.meta.url);

describe('editors/iam.tmLanguage.json', () => {
  it('is what grammar/textmate.ts generates (UPDATE_TMLANGUAGE=1 rewrites it)', () => {
    if (process.env['UPDATE_TMLANGUAGE'] === '1') writeFileSync(path, textMateJson());
    expect(readFileSync(path, 'utf8')).toBe(textMateJson());
  });

  it('is valid JSON whose keyword patterns match every keyword and no longer word', () => {
    const grammar = JSON.parse(readFileSync(path, 'utf8')) as { repository: Record<string, { match?: string }> };
    const patterns = ['declaration', 'keyword'].map((k) => new RegExp(grammar.repository[k]!.match!));
    for (const keyword of KEYWORDS) {
      expect(patterns.some((p) => p.exec(`x ${keyword} y`)?.[0] === keyword), keyword).toBe(true);
      expect(patterns.some((p) => p.test(`${keyword}zz`) || p.test(`my-${keyword}`)), `${keyword}zz`).toBe(false);
    }
  });
});
