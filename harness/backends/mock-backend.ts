import { createOpenAIChatMock, installMswMock } from '../../mocks/index.js';
import { type Clock, createOpenAICompatibleProvider } from '../../src/index.js';
import type { Backend } from './backend.js';

/** A host that can never resolve: if interception failed, the request fails instead of leaving the machine. */
const MOCK_BASE_URL = 'http://mock.hybrid-bench.invalid/v1';

export interface MockBackendOptions {
  seed: number;
  /** `realistic` (default) samples published latency figures; `zero` answers at once. */
  latency?: 'realistic' | 'zero';
  clock?: Clock;
}

/**
 * The embedded mock: an OpenAI chat-completions mock served in-process through msw, and the
 * bridge's real OpenAI-compatible provider (the official SDK) pointed at it.
 */
export function startMockBackend(options: MockBackendOptions): Backend {
  const handler = createOpenAIChatMock({
    seed: options.seed,
    latency: options.latency ?? 'realistic',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const mock = installMswMock({ baseUrl: MOCK_BASE_URL, handler });
  const provider = createOpenAICompatibleProvider({
    baseURL: MOCK_BASE_URL,
    apiKey: 'mock-key',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    name: 'mock',
    baseUrl: MOCK_BASE_URL,
    provider,
    close: async () => mock.close(),
  };
}
