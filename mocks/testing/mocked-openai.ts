import OpenAI from 'openai';
import {
  createOpenAIChatMock,
  type OpenAIChatHandler,
  type OpenAIChatMockOptions,
} from '../openai/create-openai-chat-mock.js';
import { installMswMock } from '../transports/msw.js';

/** The base URL every test client talks to; msw answers it in-process. */
export const MOCK_BASE_URL = 'http://mock.test/v1';

/** A real `openai` client wired to a mock through msw. */
export interface MockedOpenAI {
  client: OpenAI;
  handler: OpenAIChatHandler;
  close(): void;
}

/**
 * Test support: installs the mock behind msw and builds the SDK client afterwards (the SDK keeps
 * the `fetch` it sees when constructed). Close it in `afterEach`.
 */
export function startMockedOpenAI(options: OpenAIChatMockOptions): MockedOpenAI {
  const handler = createOpenAIChatMock(options);
  const installed = installMswMock({ baseUrl: MOCK_BASE_URL, handler });
  const client = new OpenAI({ apiKey: 'test', baseURL: MOCK_BASE_URL, maxRetries: 0 });
  return { client, handler, close: () => installed.close() };
}
