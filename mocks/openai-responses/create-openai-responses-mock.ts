import {
  createOpenAIEndpoint,
  type OpenAIHandler,
  type OpenAIMockOptions,
} from '../openai/openai-endpoint.js';
import { createSeededRandom, hashText } from '../random/seeded-random.js';
import { functionCallItemId, messageItemId, responseId } from './ids.js';
import { readResponsesRequest } from './read-request.js';
import { responseEvents } from './response-events.js';
import { type PlannedResponse, responseJson } from './response-json.js';

/** Options of {@link createOpenAIResponsesMock}; the same as the chat-completions mock's. */
export type OpenAIResponsesMockOptions = OpenAIMockOptions;

/** A fetch-style handler: web `Request` in, web `Response` out. */
export type OpenAIResponsesHandler = OpenAIHandler;

/**
 * An OpenAI Responses API endpoint (`POST /v1/responses`) driven by the same planner, policy,
 * token counts and latency model as the chat-completions mock: a conversation asked through
 * either API gets the same answer after the same time. JSON, or the SSE event sequence with
 * `stream: true`; function tools only; nothing is stored.
 *
 * @example
 * const handler = createOpenAIResponsesMock({ seed: 7, latency: 'zero' });
 * const response = await handler(new Request('http://mock.test/v1/responses', {
 *   method: 'POST',
 *   body: JSON.stringify({ model: 'gpt-4o-mini', input: 'Hi' }),
 * }));
 */
export function createOpenAIResponsesMock(
  options: OpenAIResponsesMockOptions,
): OpenAIResponsesHandler {
  const endpoint = createOpenAIEndpoint(options);
  const { clock, tokens, latencyTable } = endpoint;

  return endpoint.handler(async (request) => {
    const bodyText = await request.text();
    const path = new URL(request.url).pathname;
    const read = readResponsesRequest(request.method, path, bodyText, latencyTable);
    if (read.state === 'error') return endpoint.error(read.status, read.error, bodyText);
    const { chat, profile } = read;
    const createdSeconds = Math.floor(clock.wallNow() / 1000);
    const clientRequestId = request.headers.get('x-client-request-id');
    const planned = endpoint.plan(chat, profile, clientRequestId, bodyText);
    const requestKey = clientRequestId ?? hashText(JSON.stringify(chat.messages));
    const ids = createSeededRandom([
      options.seed,
      requestKey,
      chat.model,
      chat.messages.length,
      'responses-ids',
    ]);
    const plan: PlannedResponse = {
      planned,
      request: read.request,
      id: responseId(ids),
      messageId: messageItemId(ids),
      callItemIds: planned.toolCalls.map(() => functionCallItemId(ids)),
      createdSeconds,
      completedSeconds: createdSeconds + Math.floor(planned.latency.totalMs / 1000),
    };
    return endpoint.reply(request, {
      planned,
      streaming: read.request.stream === true,
      json: () => responseJson(plan),
      events: () => responseEvents(plan, (text) => tokens.split(text).pieces),
    });
  });
}
