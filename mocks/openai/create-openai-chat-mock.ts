import { type Clock, realClock } from '../../src/clock.js';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import type { LatencyOption } from '../latency/latency-profile.js';
import { resolveLatencyTable } from '../latency/resolve-latency-table.js';
import type { AnsweringPolicy } from '../policy/answering-policy.js';
import { customerSupportPolicy } from '../policy/customer-support-policy.js';
import { AttemptCounter } from '../random/attempt-counter.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { createTokenCounter } from '../tokens/token-counter.js';
import { completionJson } from './completion-json.js';
import { completionStream } from './completion-stream.js';
import { requestId } from './ids.js';
import { type OpenAIErrorBody, openAIErrorResponse } from './openai-error.js';
import { planCompletion } from './plan-completion.js';
import { readRequest } from './read-request.js';
import { streamEvents } from './stream-events.js';

/** Options of {@link createOpenAIChatMock}. */
export interface OpenAIChatMockOptions {
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
export type OpenAIChatHandler = (request: Request) => Promise<Response>;

// As recorded from OpenAI (provider_error_payloads_from_issues.json, openai-500-server-error).
const SERVER_ERROR: OpenAIErrorBody = {
  message: 'The server had an error while processing your request. Sorry about that!',
  type: 'server_error',
  param: null,
  code: null,
};

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
  // Repeats of the same call (retries, hedges) draw their timing anew; bounded like the fault layer.
  const attempts = new AttemptCounter(10_000);

  const errorHeaders = (bodyText: string) => ({
    'x-request-id': requestId(createSeededRandom([options.seed, 'error', bodyText])),
    'openai-processing-ms': '0',
  });

  const answer = async (request: Request): Promise<Response> => {
    const bodyText = await request.text();
    const read = readRequest(request.method, new URL(request.url).pathname, bodyText, latencyTable);
    if (read.state === 'error') {
      return openAIErrorResponse(read.status, read.error, errorHeaders(bodyText));
    }
    const { chat, profile } = read;
    const createdSeconds = Math.floor(clock.wallNow() / 1000);
    const requestId = request.headers.get('x-client-request-id');
    const planned = planCompletion(chat, requestId, {
      seed: options.seed,
      policy,
      tokens,
      profile,
      timeScale,
      attempt: attempts.next(
        `${requestId ?? bodyText}\u0000${chat.model}\u0000${chat.messages.length}`,
      ),
    });
    const streaming = chat.stream === true;
    // A stream's headers leave with its first token (thefastest.ai: ttr equals ttft), so both
    // modes wait before responding; a stream then paces its tokens.
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
      return new Response(completionJson(planned, createdSeconds), {
        headers: { ...headers, 'content-type': 'application/json' },
      });
    }
    const events = streamEvents(
      planned,
      createdSeconds,
      (text) => tokens.split(text).pieces,
      chat.stream_options?.include_usage === true,
    );
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
