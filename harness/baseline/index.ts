export { BaselineErrorCodes, baselinePath, readBaseline, writeBaseline } from './baseline-file.js';
export type { BaselineMeta } from './baseline-from-report.js';
export {
  baselineFromRecords,
  baselineFromReport,
  MAX_SAMPLES_PER_PATH,
  machineFingerprint,
  samplesByPath,
} from './baseline-from-report.js';
export type { Baseline, BaselineSample } from './baseline-schema.js';
export { BASELINE_FORMAT, BASELINE_SCHEMA_VERSION, BaselineSchema } from './baseline-schema.js';
