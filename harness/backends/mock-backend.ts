import {
  createProviderMock,
  type FaultProfile,
  installMswMock,
  startHttpMockServer,
} from '../../mocks/index.js';
import { type Clock, createOpenAICompatibleProvider, createUndiciFetch } from '../../src/index.js';
import type { Backend } from './backend.js';

/** A host that can never resolve: if interception failed, the request fails instead of leaving the machine. */
const MSW_ORIGIN = 'http://mock.hybrid-bench.invalid';

export interface MockBackendOptions {
  seed: number;
  /** `realistic` (default) samples published latency figures; `zero` answers at once. */
  latency?: 'realistic' | 'zero';
  /** Multiplies every modelled delay (0.1 = ten times faster). */
  timeScale?: number;
  /** Faults injected in front of the mock, deterministic by seed. */
  faults?: FaultProfile;
  /** `msw` (in-process, default) or `http` (the loopback server: real sockets). */
  transport?: 'msw' | 'http';
  clock?: Clock;
}

/**
 * The embedded mock backend: every provider mock behind one handler, served in-process through
 * msw or over a loopback HTTP server, with the bridge's real OpenAI-compatible provider (the
 * official SDK) pointed at it.
 */
export async function startMockBackend(options: MockBackendOptions): Promise<Backend> {
  const handler = createProviderMock({
    seed: options.seed,
    latency: options.latency ?? 'realistic',
    ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const clock = options.clock ? { clock: options.clock } : {};
  if (options.transport === 'http') {
    const server = await startHttpMockServer({ handler });
    const baseUrl = `${server.url}/v1`;
    // Real sockets: the provider calls over undici's keep-alive pool, as a live backend's do.
    const http = createUndiciFetch();
    return {
      name: 'mock-server',
      baseUrl,
      provider: createOpenAICompatibleProvider({
        baseURL: baseUrl,
        apiKey: 'mock-key',
        fetch: http.fetch,
        ...clock,
      }),
      close: async () => {
        await http.close();
        await server.close();
      },
    };
  }
  const mock = installMswMock({ baseUrl: MSW_ORIGIN, paths: ['/*'], handler });
  const baseUrl = `${MSW_ORIGIN}/v1`;
  return {
    name: 'mock',
    baseUrl,
    provider: createOpenAICompatibleProvider({ baseURL: baseUrl, apiKey: 'mock-key', ...clock }),
    close: async () => mock.close(),
  };
}
