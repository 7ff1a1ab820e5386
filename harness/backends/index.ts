export type { AgentOSAgentQuery } from './agentos-agent.js';
export { agentOSAgentModel } from './agentos-agent.js';
export type { Backend, BackendName } from './backend.js';
export { BACKEND_NAMES } from './backend.js';
export { chaosProfileOf } from './chaos-profile.js';
export type { CallLabels } from './label-calls.js';
export {
  labelCalls,
  PATH_LABEL_HEADER,
  SCENARIO_LABEL_HEADER,
  suiteCallLabels,
} from './label-calls.js';
export { startLiveBackend } from './live-backend.js';
export type { LiveBackendOptions, ResolvedLiveOptions } from './live-options.js';
export {
  checkApiKeyEnvName,
  checkBaseUrl,
  DEFAULT_AGENT_ID,
  DEFAULT_API_KEY_ENV,
  LiveBackendErrorCodes,
  resolveLiveOptions,
} from './live-options.js';
export type { MockBackendOptions } from './mock-backend.js';
export { startMockBackend } from './mock-backend.js';
export type { LiveProvider, ProviderModels } from './provider-models.js';
export {
  agentOSModels,
  bridgeConfigFor,
  LIVE_PROVIDERS,
  PROVIDER_MODELS,
} from './provider-models.js';
export { Secret } from './secret.js';
export type { ServedMocks, ServeMocksOptions } from './serve-mocks.js';
export { serveMocks } from './serve-mocks.js';
export type { StartBackendOptions } from './start-backend.js';
export { startBackend } from './start-backend.js';
