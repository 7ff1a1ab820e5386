/**
 * Provider mocks for the benchmark harness. Start with {@link createOpenAIChatMock} and serve it
 * in-process with {@link installMswMock}.
 */
export type {
  AgnoAgentOSHandler,
  AgnoAgentOSMockOptions,
  AgnoMockAgent,
  AgnoMockAgents,
  AgnoMockTool,
  AgnoMockToolContext,
} from './agno/index.js';
export {
  createAgnoAgentOSMock,
  createDefaultAgnoAgents,
  createSupportAgent,
} from './agno/index.js';
export type { AnthropicMessagesHandler, AnthropicMessagesMockOptions } from './anthropic/index.js';
export {
  anthropicLatencyProfiles,
  createAnthropicMessagesMock,
  resolveAnthropicLatencyTable,
} from './anthropic/index.js';
export type {
  Cassette,
  Interaction,
  Recorder,
  RecordingFormat,
  ReplayOptions,
} from './cassettes/index.js';
export {
  CassetteSchema,
  createRecorder,
  createReplayHandler,
  importRecording,
  loadCassette,
  RECORDING_FORMATS,
  saveCassette,
} from './cassettes/index.js';
export type { MockSetupErrorCode } from './errors.js';
export { MockSetupError, MockSetupErrorCodes } from './errors.js';
export type {
  FaultDialect,
  FaultKind,
  FaultMatch,
  FaultParamsByKind,
  FaultProfile,
  FaultProfileInput,
  FaultProfileIssue,
  FaultProfileName,
  FaultRule,
  WithFaultsOptions,
} from './faults/index.js';
export {
  FAULT_DEFAULTS,
  FAULT_DIALECTS,
  FAULT_KINDS,
  FAULT_PROFILES,
  FaultProfileError,
  faultProfileSchema,
  getFaultProfile,
  loadFaultProfile,
  looksLikeProfileFile,
  mixProfiles,
  parseFaultProfile,
  resolveFaultProfile,
  STREAM_ONLY_FAULTS,
  withFaults,
} from './faults/index.js';
export type { FetchHandler } from './handler.js';
export type { LatencyDemand, LatencyOption, LatencyPlan, LatencyProfile } from './latency/index.js';
export {
  defaultLatencyProfiles,
  resolveLatencyTable,
  sampleLatency,
  zeroLatencyProfile,
} from './latency/index.js';
export type { OpenAIChatHandler, OpenAIChatMockOptions } from './openai/index.js';
export { createOpenAIChatMock, modelSnapshots, responseModelName } from './openai/index.js';
export type {
  AnsweringPolicy,
  ConversationMessage,
  OfferedTool,
  PlannedToolCall,
  PolicyDecision,
  PolicyInput,
  PolicyIntent,
} from './policy/index.js';
export { customerSupportPolicy, decideNextTurn } from './policy/index.js';
export type { ProviderMockOptions } from './provider-mock.js';
export { createProviderMock, MOCKED_ROUTES } from './provider-mock.js';
export type { Random } from './random/seeded-random.js';
export { createSeededRandom } from './random/seeded-random.js';
export type { TokenCounter } from './tokens/index.js';
export { countPromptTokens, createTokenCounter } from './tokens/index.js';
export type { HttpMockServer, HttpMockServerOptions } from './transports/http-server.js';
export { startHttpMockServer } from './transports/http-server.js';
export type { InstalledMock, MswMockOptions } from './transports/msw.js';
export { installMswMock } from './transports/msw.js';
