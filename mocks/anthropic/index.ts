export type {
  AnthropicMessagesHandler,
  AnthropicMessagesMockOptions,
} from './create-anthropic-messages-mock.js';
export { createAnthropicMessagesMock } from './create-anthropic-messages-mock.js';
export { anthropicLatencyProfiles, resolveAnthropicLatencyTable } from './latency-defaults.js';
