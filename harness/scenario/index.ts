export type { AnswerCheck } from './answer-schema.js';
export { checkAnswerSchema } from './answer-schema.js';
export { SUITE_DEFAULTS } from './defaults.js';
export { ScenarioErrorCodes, SuiteFileError, SuiteValidationError } from './errors.js';
export { formatIssue } from './format-issue.js';
export { SUITE_JSON_SCHEMA_PATH, suiteJsonSchema } from './json-schema.js';
export { parseK6Duration } from './k6-duration.js';
export { OPEN_EXECUTORS, TIME_UNITS } from './load-schema.js';
export { loadSuite, validateSuiteFile } from './load-suite.js';
export { isJsonlFile, parseSuite } from './parse-suite.js';
export type { SuiteInput } from './schema.js';
export { COST_STATS, LATENCY_STATS, OUTCOMES, suiteSchema } from './schema.js';
export type {
  CostStat,
  Expectation,
  LatencyStat,
  LoadProfile,
  LoadStage,
  MessageRole,
  OpenExecutor,
  Outcome,
  PathSla,
  PathSource,
  ScenarioMessage,
  ScenarioRequest,
  SlaOverrides,
  Suite,
  SuiteIssue,
  SuiteLoadResult,
} from './types.js';
