/** Values used when a suite leaves a field out; applied once, in `resolveSuite`. */
export const SUITE_DEFAULTS = {
  repetitions: 1,
  weight: 1,
  /** For a suite without `suite.version`, and for every recorded (JSONL) file. */
  version: '1',
} as const;
