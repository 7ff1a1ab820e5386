import { type Clock, realClock } from '../../src/clock.js';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import type { LatencyOption } from '../latency/latency-profile.js';
import { resolveLatencyTable } from '../latency/resolve-latency-table.js';
import { completionStream } from '../openai/completion-stream.js';
import { requestId } from '../openai/ids.js';
import { type OpenAIErrorBody, openAIErrorResponse } from '../openai/openai-error.js';
import { planCompletion } from '../openai/plan-completion.js';
import type { AnsweringPolicy } from '../policy/answering-policy.js';
import { customerSupportPolicy } from '../policy/customer-support-policy.js';
import { AttemptCounter } from '../random/attempt-counter.js';
import { createSeededRandom, hashText } from '../random/seeded-random.js';
import { createTokenCounter } from '../tokens/token-counter.js';
import { functionCallItemId, messageItemId, responseId } from './ids.js';
import { readResponsesRequest } from './read-request.js';
import { responseEvents } from './response-events.js';
import { type PlannedResponse, responseJson } from './response-json.js';

/** Options of {@link createOpenAIResponsesMock}; the same as the chat-completions mock's. */
export interface OpenAIResponsesMockOptions {
  /** All randomness derives from this. */
  seed: number;
  /** Default `'realistic'`. The table's keys are the models that exist. */
  latency?: LatencyOption;
  /** Multiplies every delay; default 1 (0.1 is ten times faster). */
  timeScale?: number;
  /** Default `realClock`; every wait goes through `clock.sleep`. */
  clock?: Clock;
  /** Default {@link customerSupportPolicy}. */
  policy?: AnsweringPolicy;
}

/** A fetch-style handler: web `Request` in, web `Response` out. */
export type OpenAIResponsesHandler = (request: Request) => Promise<Response>;

const SERVER_ERROR: OpenAIErrorBody = {
  message: 'The server had an error while processing your request. Sorry about that!',
  type: 'server_error',
  param: null,
  code: null,
};

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
  const timeScale = options.timeScale ?? 1;
  if (!Number.isFinite(options.seed) || !Number.isFinite(timeScale) || timeScale < 0) {
    throw new MockSetupError(
      MockSetupErrorCodes.invalidOptions,
      'seed must be a finite number and timeScale a finite number >= 0',
    );
  }
  const latencyTable = resolveLatencyTable(options.latency);
  const clock = options.clock ?? realClock;
  const policy = options.policy ?? customerSupportPolicy;
  const tokens = createTokenCounter();
  const attempts = new AttemptCounter(10_000);

  const errorHeaders = (bodyText: string) => ({
    'x-request-id': requestId(createSeededRandom([options.seed, 'error', bodyText])),
    'openai-processing-ms': '0',
  });

  const answer = async (request: Request): Promise<Response> => {
    const bodyText = await request.text();
    const path = new URL(request.url).pathname;
    const read = readResponsesRequest(request.method, path, bodyText, latencyTable);
    if (read.state === 'error') {
      return openAIErrorResponse(read.status, read.error, errorHeaders(bodyText));
    }
    const { chat, profile } = read;
    const createdSeconds = Math.floor(clock.wallNow() / 1000);
    const clientRequestId = request.headers.get('x-client-request-id');
    const planned = planCompletion(chat, clientRequestId, {
      seed: options.seed,
      policy,
      tokens,
      profile,
      timeScale,
      attempt: attempts.next(
        `${clientRequestId ?? bodyText}\u0000${chat.model}\u0000${chat.messages.length}`,
      ),
    });
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
    const streaming = read.request.stream === true;
    // As in the chat mock: a stream's headers leave with its first token.
    const waitMs = streaming ? planned.latency.ttftMs : planned.latency.totalMs;
    try {
      if (waitMs > 0) await clock.sleep(waitMs, request.signal);
    } catch {
      // Only an abort rejects: the client left, so this response goes nowhere.
      return new Response(null, { status: 499 });
    }
    const headers = {
      'x-request-id': planned.requestId,
      'openai-processing-ms': String(waitMs),
      'openai-version': '2020-10-01',
    };
    if (!streaming) {
      return new Response(responseJson(plan), {
        headers: { ...headers, 'content-type': 'application/json' },
      });
    }
    const events = responseEvents(plan, (text) => tokens.split(text).pieces);
    const stream = completionStream(events, {
      clock,
      generationMs: planned.latency.generationMs,
      signal: request.signal,
    });
    return new Response(stream, {
      headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8' },
    });
  };

  return async (request) => {
    try {
      return await answer(request);
    } catch {
      // A bug in a policy or in the mock must look like what a client sees from OpenAI then.
      return openAIErrorResponse(500, SERVER_ERROR, errorHeaders(''));
    }
  };
}
