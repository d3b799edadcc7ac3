/** Sample targets for the compute group's patterns: names a user would write, plain and globbed. */
export const COMPUTE_SAMPLES: Record<string, readonly string[]> = {};
