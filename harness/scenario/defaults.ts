/** Values used when a suite leaves a field out; applied once, in `resolveSuite`. */
export const SUITE_DEFAULTS = {
  repetitions: 1,
  weight: 1,
} as const;
