/**
 * hybrid-bench — the bridge runtime. Define a prototype agent, then run it directly
 * (`agno-only`) or through the bridge (`hybrid`): routing, paths and the production layer.
 */

// Groundwork of the multi-agent path across processes: the agent message bus and the shared,
// versioned conversation context (memory or Redis each).
export * from './agents/bus/index.js';
export * from './agents/context/index.js';
export type {
  Agent,
  AgentDefinition,
  AgentRunResult,
  AgentTeam,
  AgentTurnOutcome,
  AgentTurnRecord,
  AnyTool,
  HandoffKind,
  HandoffRecord,
  ModelCaller,
  ModelCallRecord,
  RunFailure,
  SupportDemo,
  SupportDemoModels,
  Tool,
  ToolContext,
  ToolRunRecord,
} from './agents/index.js';
export {
  createSupportDemo,
  defineAgent,
  defineTeam,
  defineTool,
  HANDOFF_KINDS,
  handoffToolName,
  runAgent,
  SHOP_FACTS,
} from './agents/index.js';
export * from './agents/ledger/index.js';
export type {
  AgentTurn,
  Bridge,
  BridgeOptions,
  BridgeRequest,
  BridgeResult,
  BridgeRunOptions,
  Mode,
  PricedCall,
  ReliabilityAccount,
  ServedBy,
} from './bridge/index.js';
export { createBridge, MODES } from './bridge/index.js';
export type { Clock } from './clock.js';
export { ManualClock, realClock } from './clock.js';
export type {
  ArmAssignment,
  BridgeConfig,
  BridgeConfigInput,
  Deployment,
  DeploymentInput,
  DeploymentIssue,
  DeploymentWatcher,
  Experiment,
  ExternalService,
  LoadedDeployment,
  ResilienceConfig,
  WatchDeploymentOptions,
} from './config/index.js';
export {
  assignArm,
  BridgeConfigSchema,
  CONTROL_ARM,
  configForArm,
  DEFAULT_CONFIG,
  DEFAULT_ROUTING,
  DeploymentError,
  DeploymentErrorCodes,
  DeploymentSchema,
  formatDeploymentIssue,
  formatPath,
  isFeatureEnabled,
  loadDeployment,
  parseDeployment,
  ResilienceSchema,
  resolveConfig,
  watchDeployment,
} from './config/index.js';
export type { CallCost, LiteLLMPrices, ModelPrice } from './cost/index.js';
export { BUILTIN_PRICES, loadLiteLLMPrices, PriceTable, parseLiteLLMPrices } from './cost/index.js';
export { ConfigError, ErrorCodes, HybridBenchError } from './errors.js';
// The full path run by agent workers across processes, over the bus and the context store.
export * from './paths/full/workers/index.js';
export type {
  Admission,
  AttemptKind,
  AttemptRecord,
  BreakerPolicy,
  Deadline,
  Dispatch,
  DispatchOptions,
  Middleware,
  RequestScope,
  RetryDecision,
  RetryPolicy,
} from './pipeline/index.js';
export {
  admit,
  admitRequest,
  afterOutcome,
  cacheKey,
  compose,
  createDeadline,
  createDirectDispatch,
  createHybridDispatch,
  decideRetry,
  withAttemptTimeout,
  withBreaker,
  withBudget,
  withCache,
  withFallback,
  withMeter,
  withProviderRateLimit,
  withRetry,
} from './pipeline/index.js';
// Plugins: providers, tool sets and a router loaded from outside the project (spec.plugins).
export * from './plugins/index.js';
export type {
  AgnoAgentOSOptions,
  AnthropicProviderOptions,
  CallOptions,
  ChatMessage,
  FailureCode,
  FinishReason,
  ModelOutcome,
  ModelRequest,
  ModelResponse,
  OpenAICompatibleOptions,
  OpenAIResponsesOptions,
  Provider,
  ProviderFailure,
  Script,
  ScriptedProvider,
  ScriptedStep,
  ServerToolCall,
  ToolCall,
  ToolSpec,
  Usage,
} from './providers/index.js';
export {
  createAgnoAgentOSProvider,
  createAnthropicProvider,
  createOpenAICompatibleProvider,
  createOpenAIResponsesProvider,
  createScriptedProvider,
  createUndiciFetch,
  FAILURE_CODES,
  isRetryable,
  parseRetryAfterMs,
} from './providers/index.js';
export type {
  LabelledRequest,
  PathName,
  RouteDecision,
  RoutedLabel,
  RouteInput,
  Router,
  RoutingAccuracy,
  RoutingConfig,
  RoutingRule,
} from './routing/index.js';
export {
  createRouter,
  isPathName,
  measureRoutingAccuracy,
  PATH_NAMES,
  scoreRouting,
} from './routing/index.js';
export type { ApiKey, BridgeServer, BridgeServerOptions } from './server/index.js';
export { ApiKeys, createBridgeServer, parseApiKeys, SERVED_MODELS } from './server/index.js';
export type {
  BreakerRecord,
  CreateStateStoreOptions,
  MemoryStoreOptions,
  OutcomeCounts,
  OutcomeWindow,
  RedisStoreOptions,
  StateStore,
  TokenBucketSpec,
  TokenTake,
} from './state/index.js';
export {
  createMemoryStore,
  createRedisStore,
  createStateStore,
  StateStoreError,
  StateStoreErrorCodes,
} from './state/index.js';
export type {
  Health,
  Logger,
  ModelCallEndedEvent,
  PrometheusMetrics,
  Readiness,
  RequestEndedEvent,
  SpanName,
  Telemetry,
  TelemetryOptions,
  Tracing,
  TracingOptions,
} from './telemetry/index.js';
export {
  createHealth,
  createLogger,
  createMetrics,
  createTelemetry,
  createTracing,
  noTelemetry,
  parseExposition,
  sampleValue,
  scrubSecrets,
} from './telemetry/index.js';
