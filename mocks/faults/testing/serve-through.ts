import type { Clock } from '../../../src/clock.js';
import { createOpenAICompatibleProvider } from '../../../src/providers/openai-compatible.js';
import type { Provider } from '../../../src/providers/provider.js';
import { createOpenAIChatMock } from '../../openai/create-openai-chat-mock.js';
import { startHttpMockServer } from '../../transports/http-server.js';
import { installMswMock } from '../../transports/msw.js';
import type { FaultRule } from '../fault-profile.js';
import { withFaults } from '../with-faults.js';

/** The two ways a mock reaches a client. */
export const TRANSPORTS = ['msw', 'loopback'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** The project's own client, talking to a faulty OpenAI mock through one transport. */
export interface ServedThrough {
  provider: Provider;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Runs the faults (stalls, drips, flapping); the mock itself answers at once. */
  faultClock?: Clock;
  /** The provider's clock, for its latency and ttft figures. */
  providerClock?: Clock;
  seed?: number;
}

/**
 * Test support: the OpenAI mock at zero latency, wrapped by one fault rule (or several),
 * served through `transport`, with `createOpenAICompatibleProvider` pointed at it.
 */
export async function serveThrough(
  transport: Transport,
  rules: readonly FaultRule[],
  options: ServeOptions = {},
): Promise<ServedThrough> {
  const seed = options.seed ?? 7;
  const handler = withFaults(createOpenAIChatMock({ seed, latency: 'zero' }), {
    profile: { name: 'test', description: '', rules },
    seed,
    ...(options.faultClock ? { clock: options.faultClock } : {}),
  });
  const served =
    transport === 'msw'
      ? (() => {
          const installed = installMswMock({ baseUrl: 'http://mock.test/v1', handler });
          return { baseURL: 'http://mock.test/v1', close: async () => installed.close() };
        })()
      : await startHttpMockServer({ handler }).then((server) => ({
          baseURL: `${server.url}/v1`,
          close: () => server.close(),
        }));
  const provider = createOpenAICompatibleProvider({
    baseURL: served.baseURL,
    apiKey: 'sk-test',
    ...(options.providerClock ? { clock: options.providerClock } : {}),
  });
  return { provider, close: served.close };
}
