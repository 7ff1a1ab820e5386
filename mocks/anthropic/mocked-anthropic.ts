import Anthropic from '@anthropic-ai/sdk';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import {
  type AnthropicMessagesHandler,
  type AnthropicMessagesMockOptions,
  createAnthropicMessagesMock,
} from './create-anthropic-messages-mock.js';

/** The API origin every test client talks to; msw answers it in-process. */
export const MOCK_ANTHROPIC_URL = 'http://mock.test';

/** A real `@anthropic-ai/sdk` client wired to the mock through msw. */
export interface MockedAnthropic {
  client: Anthropic;
  handler: AnthropicMessagesHandler;
  close(): void;
}

/**
 * Test support: serves the mock at `POST {MOCK_ANTHROPIC_URL}/v1/messages` through msw (any other
 * request fails) and builds the SDK client afterwards, as the SDK keeps the `fetch` it sees when
 * constructed. Close it in `afterEach`.
 */
export function startMockedAnthropic(options: AnthropicMessagesMockOptions): MockedAnthropic {
  const handler = createAnthropicMessagesMock(options);
  const server = setupServer(
    http.post(`${MOCK_ANTHROPIC_URL}/v1/messages`, ({ request }) => handler(request)),
  );
  // msw keeps a tee'd copy of each mocked body that nobody reads, so a client that stops reading
  // a stream would wait for ever on its cancel (mswjs/interceptors#712); cancel the copy at once.
  server.events.on('response:mocked', (event) => {
    event.response.body?.cancel().catch(() => undefined);
  });
  server.listen({ onUnhandledRequest: 'error' });
  const client = new Anthropic({
    apiKey: 'test',
    baseURL: MOCK_ANTHROPIC_URL,
    maxRetries: 0,
    logLevel: 'off',
    openTelemetry: false,
  });
  return { client, handler, close: () => server.close() };
}
