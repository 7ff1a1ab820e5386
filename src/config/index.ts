export { DEFAULT_CONFIG, DEFAULT_ROUTING } from './defaults.js';
export type {
  Alert,
  ArmAssignment,
  ArmKeys,
  Deployment,
  DeploymentErrorCode,
  DeploymentInput,
  DeploymentIssue,
  DeploymentParseResult,
  DeploymentWatcher,
  EnvOverride,
  EnvOverrideIssue,
  Experiment,
  ExternalService,
  LoadDeploymentOptions,
  LoadedDeployment,
  ParseDeploymentOptions,
  RateLimitRule,
  WatchDeploymentOptions,
} from './deployment/index.js';
export {
  applyEnvOverrides,
  assignArm,
  CONTROL_ARM,
  configForArm,
  DeploymentError,
  DeploymentErrorCodes,
  DeploymentSchema,
  ENV_PREFIX,
  formatDeploymentIssue,
  isFeatureEnabled,
  loadDeployment,
  parseDeployment,
  toBridgeConfig,
  watchDeployment,
} from './deployment/index.js';
export { formatPath } from './format-path.js';
export type { ResilienceConfig } from './resilience-schema.js';
export { ResilienceSchema } from './resilience-schema.js';
export { resolveConfig } from './resolve-config.js';
export type { BridgeConfig, BridgeConfigInput } from './schema.js';
export { BridgeConfigSchema } from './schema.js';
export type { FileIssue } from './yaml/index.js';
export { formatFileIssue } from './yaml/index.js';
