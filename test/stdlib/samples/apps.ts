/** Sample targets for the apps group's patterns: names a user would write, plain and globbed. */
export const APPS_SAMPLES: Record<string, readonly string[]> = {};
