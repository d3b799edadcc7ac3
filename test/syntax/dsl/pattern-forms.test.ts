import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../../grammar/keywords.js';
import { OPTION_WORDS } from '../../../grammar/pattern-forms.js';
import { patternFormsSource } from '../../../scripts/gen-pattern-forms.js';
import { PATTERNS } from '../../../stdlib/index.js';

const path = new URL('../../../grammar/pattern-forms.ts', import.meta.url);

describe('grammar/pattern-forms.ts', () => {
  it('is what the stdlib generates (UPDATE_PATTERN_FORMS=1 rewrites it), so a new targetless pattern never swallows the next grant', () => {
    const generated = patternFormsSource();
    if (process.env['UPDATE_PATTERN_FORMS'] === '1') writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });

  it('has no option word that is a keyword or a verb, which would make a grant read two ways', () => {
    const verbs = new Set(PATTERNS.map((p) => p.verb));
    const clashes = Object.keys(OPTION_WORDS).filter((w) => (KEYWORDS as readonly string[]).includes(w) || verbs.has(w));
    expect(clashes).toEqual([]);
  });
});
