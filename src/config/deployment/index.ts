export {
  CONTROL_ARM,
  DEPLOYMENT_API_VERSION,
  DEPLOYMENT_DEFAULTS,
  DEPLOYMENT_KIND,
} from './defaults.js';
export type { DeploymentIssue } from './deployment-issue.js';
export { formatDeploymentIssue } from './deployment-issue.js';
export type { EnvOverride, EnvOverrideIssue } from './env-overrides.js';
export { applyEnvOverrides, ENV_PREFIX } from './env-overrides.js';
export type { DeploymentErrorCode } from './errors.js';
export { DeploymentError, DeploymentErrorCodes } from './errors.js';
export type { ArmAssignment, ArmKeys } from './experiments.js';
export { assignArm, configForArm, isFeatureEnabled } from './experiments.js';
export { RATE_LIMIT_SCOPES, SERVICE_KINDS } from './integrations-schema.js';
export type { LoadDeploymentOptions } from './load-deployment.js';
export { loadDeployment } from './load-deployment.js';
export { mergeOverrides } from './merge-overrides.js';
export { ALERT_METRICS, ALERT_SEVERITIES, LOG_LEVELS } from './monitoring-schema.js';
export type {
  DeploymentParseResult,
  LoadedDeployment,
  ParseDeploymentOptions,
} from './parse-deployment.js';
export { parseDeployment } from './parse-deployment.js';
export { parseQuantity } from './parse-quantity.js';
export type {
  Alert,
  Deployment,
  DeploymentInput,
  Experiment,
  ExternalService,
  RateLimitRule,
} from './schema.js';
export { DeploymentSchema, ENVIRONMENTS } from './schema.js';
export { STICKY_KEYS } from './testing-schema.js';
export { toBridgeConfig } from './to-bridge-config.js';
export type { DeploymentWatcher, WatchDeploymentOptions } from './watch-deployment.js';
export { watchDeployment } from './watch-deployment.js';
