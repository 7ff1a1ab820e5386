import { completionJson } from './completion-json.js';
import {
  createOpenAIEndpoint,
  type OpenAIHandler,
  type OpenAIMockOptions,
} from './openai-endpoint.js';
import { readRequest } from './read-request.js';
import { streamEvents } from './stream-events.js';

/** Options of {@link createOpenAIChatMock}. */
export type OpenAIChatMockOptions = OpenAIMockOptions;

/** A fetch-style handler: web `Request` in, web `Response` out. */
export type OpenAIChatHandler = OpenAIHandler;

/**
 * An OpenAI chat-completions endpoint that behaves like a real model: faithful wire format (JSON
 * and SSE), deterministic by seed, realistic latency and token usage, and a scripted policy that
 * decides when to call tools.
 *
 * @example
 * const handler = createOpenAIChatMock({ seed: 7, latency: 'zero' });
 * const response = await handler(new Request('http://mock.test/v1/chat/completions', {
 *   method: 'POST',
 *   body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }),
 * }));
 */
export function createOpenAIChatMock(options: OpenAIChatMockOptions): OpenAIChatHandler {
  const endpoint = createOpenAIEndpoint(options);
  const { clock, tokens, latencyTable } = endpoint;

  return endpoint.handler(async (request) => {
    const bodyText = await request.text();
    const read = readRequest(request.method, new URL(request.url).pathname, bodyText, latencyTable);
    if (read.state === 'error') return endpoint.error(read.status, read.error, bodyText);
    const { chat, profile } = read;
    const createdSeconds = Math.floor(clock.wallNow() / 1000);
    const planned = endpoint.plan(
      chat,
      profile,
      request.headers.get('x-client-request-id'),
      bodyText,
    );
    return endpoint.reply(request, {
      planned,
      streaming: chat.stream === true,
      json: () => completionJson(planned, createdSeconds),
      events: () =>
        streamEvents(
          planned,
          createdSeconds,
          (text) => tokens.split(text).pieces,
          chat.stream_options?.include_usage === true,
        ),
    });
  });
}
