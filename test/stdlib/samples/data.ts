/** Sample targets for the data group's patterns: names a user would write, plain and globbed. */
export const DATA_SAMPLES: Record<string, readonly string[]> = {};
