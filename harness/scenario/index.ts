export { SUITE_DEFAULTS } from './defaults.js';
export { ScenarioErrorCodes, SuiteFileError, SuiteValidationError } from './errors.js';
export { formatIssue } from './format-issue.js';
export { SUITE_JSON_SCHEMA_PATH, suiteJsonSchema } from './json-schema.js';
export { loadSuite, validateSuiteFile } from './load-suite.js';
export { parseSuite } from './parse-suite.js';
export type { SuiteInput } from './schema.js';
export { COST_STATS, LATENCY_STATS, OUTCOMES, suiteSchema } from './schema.js';
export type {
  CostStat,
  Expectation,
  LatencyStat,
  MessageRole,
  Outcome,
  PathSla,
  ScenarioMessage,
  ScenarioRequest,
  SlaOverrides,
  Suite,
  SuiteIssue,
  SuiteLoadResult,
} from './types.js';
