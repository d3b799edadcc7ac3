/**
 * Writes `grammar/pattern-forms.ts`: what the parser must know of the stdlib to read a grant
 * without looking patterns up (the grammar sits below the stdlib and never imports it): which
 * grants take no target, so the next line's grant is never read as one, and which words start a
 * pattern's option clause. test/syntax/dsl/pattern-forms.test.ts fails when the file is stale and
 * rewrites it with `UPDATE_PATTERN_FORMS=1`.
 */
import { PATTERNS } from '../stdlib/index.js';

/** A TypeScript string literal in the project's quotes. */
const q = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function patternFormsSource(): string {
  const targetless = PATTERNS.filter((p) => p.target.form === 'none').map((p) => `${p.verb} ${p.service} ${p.resourceType}`).sort(byString);
  const options = new Map<string, string>();
  for (const p of PATTERNS) for (const [word, option] of Object.entries(p.options ?? {})) if (!options.has(word)) options.set(word, option.hint);
  const optionLines = [...options.keys()].sort(byString).map((w) => `  ${q(w)}: ${q(options.get(w)!)},`);
  return [
    '// Generated from the stdlib by scripts/gen-pattern-forms.ts. Do not edit; regenerate with',
    '// `UPDATE_PATTERN_FORMS=1 npx vitest run test/syntax/dsl/pattern-forms.test.ts`.',
    '',
    '/** `VERB SERVICE TYPE` of every pattern that takes no target (`write xray traces`). */',
    `export const TARGETLESS: readonly string[] = [${targetless.map(q).join(', ')}];`,
    '',
    '/** Every word that starts a pattern option clause (`family "web"`), with what its value is (the first pattern\'s hint). */',
    `export const OPTION_WORDS: Readonly<Record<string, string>> = {${optionLines.length > 0 ? `\n${optionLines.join('\n')}\n` : ''}};`,
    '',
  ].join('\n');
}
