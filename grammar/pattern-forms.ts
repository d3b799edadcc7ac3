// Generated from the stdlib by scripts/gen-pattern-forms.ts. Do not edit; regenerate with
// `UPDATE_PATTERN_FORMS=1 npx vitest run test/syntax/dsl/pattern-forms.test.ts`.

/** `VERB SERVICE TYPE` of every pattern that takes no target (`write xray traces`). */
export const TARGETLESS: readonly string[] = ['read cloudwatch metrics', 'write xray traces'];

/** Every word that starts a pattern option clause (`family "web"`), with what its value is (the first pattern's hint). */
export const OPTION_WORDS: Readonly<Record<string, string>> = {};
