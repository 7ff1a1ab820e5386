import { realClock } from '../../src/clock.js';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import { completionStream } from '../openai/completion-stream.js';
import type { OpenAIChatMockOptions } from '../openai/create-openai-chat-mock.js';
import { customerSupportPolicy } from '../policy/customer-support-policy.js';
import { AttemptCounter } from '../random/attempt-counter.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { clientGone, waitForClient } from '../streaming/wait-for-client.js';
import { createTokenCounter } from '../tokens/token-counter.js';
import { anthropicErrorResponse } from './anthropic-error.js';
import { anthropicRequestId } from './ids.js';
import { resolveAnthropicLatencyTable } from './latency-defaults.js';
import { messageEvents } from './message-events.js';
import { messageJson } from './message-json.js';
import { planMessage } from './plan-message.js';
import { readRequest } from './read-request.js';

/**
 * Options of {@link createAnthropicMessagesMock}: the same as the OpenAI mock's (seed, latency,
 * timeScale, clock, policy). `latency: 'realistic' | 'zero'` covers claude-haiku-4-5 and
 * claude-sonnet-4-5; a custom table names its own models.
 */
export type AnthropicMessagesMockOptions = OpenAIChatMockOptions;

/** A fetch-style handler: web `Request` in, web `Response` out. */
export type AnthropicMessagesHandler = (request: Request) => Promise<Response>;

/**
 * An Anthropic Messages endpoint (`POST …/v1/messages`, any base path) that behaves like a real
 * model: faithful wire format (JSON and SSE, errors included), deterministic by seed, realistic
 * latency and token usage, and the shared answering policy deciding when to use tools.
 *
 * @example
 * const handler = createAnthropicMessagesMock({ seed: 7, latency: 'zero' });
 * const response = await handler(new Request('http://mock.test/v1/messages', {
 *   method: 'POST',
 *   body: JSON.stringify({
 *     model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }],
 *   }),
 * }));
 */
export function createAnthropicMessagesMock(
  options: AnthropicMessagesMockOptions,
): AnthropicMessagesHandler {
  const timeScale = options.timeScale ?? 1;
  if (!Number.isFinite(options.seed) || !Number.isFinite(timeScale) || timeScale < 0) {
    throw new MockSetupError(
      MockSetupErrorCodes.invalidOptions,
      'seed must be a finite number and timeScale a finite number >= 0',
    );
  }
  const latencyTable = resolveAnthropicLatencyTable(options.latency);
  const clock = options.clock ?? realClock;
  const policy = options.policy ?? customerSupportPolicy;
  const tokens = createTokenCounter();
  // Repeats of the same call (retries, hedges) draw their timing anew; bounded like the fault layer.
  const attempts = new AttemptCounter(10_000);
  const errorId = (bodyText: string) =>
    anthropicRequestId(createSeededRandom([options.seed, 'error', bodyText]));

  const answer = async (request: Request): Promise<Response> => {
    const bodyText = await request.text();
    const read = readRequest(request.method, new URL(request.url).pathname, bodyText, latencyTable);
    if (read.state === 'error') {
      return anthropicErrorResponse(read.status, read.error, errorId(bodyText));
    }
    const requestId = request.headers.get('x-client-request-id');
    const planned = planMessage(read.request, requestId, {
      seed: options.seed,
      policy,
      tokens,
      profile: read.profile,
      timeScale,
      attempt: attempts.next(
        `${requestId ?? bodyText}\u0000${read.request.model}\u0000${read.request.messages.length}`,
      ),
    });
    const streaming = read.request.stream === true;
    // As for the OpenAI mock: a stream's headers leave with its first token, so both modes wait
    // before responding, and a stream then paces its tokens.
    const waitMs = streaming ? planned.latency.ttftMs : planned.latency.totalMs;
    if (!(await waitForClient(clock, waitMs, request.signal))) return clientGone();
    const headers = {
      'request-id': planned.requestId,
      // The recorded server-side time header; here, the wait before the headers left.
      'x-envoy-upstream-service-time': String(waitMs),
    };
    if (!streaming) {
      return new Response(messageJson(planned), {
        headers: { ...headers, 'content-type': 'application/json' },
      });
    }
    const events = messageEvents(planned, (text) => tokens.split(text).pieces);
    const body = completionStream(events, {
      clock,
      generationMs: planned.latency.generationMs,
      signal: request.signal,
    });
    return new Response(body, {
      headers: {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
      },
    });
  };

  return async (request) => {
    try {
      return await answer(request);
    } catch {
      // A bug in a policy or in the mock must look like what a client sees from the API then.
      const error = { type: 'api_error', message: 'Internal server error' };
      return anthropicErrorResponse(500, error, errorId(''));
    }
  };
}
