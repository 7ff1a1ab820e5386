import { type Clock, realClock } from '../../src/clock.js';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import type { LatencyOption, LatencyProfile } from '../latency/latency-profile.js';
import { resolveLatencyTable } from '../latency/resolve-latency-table.js';
import type { AnsweringPolicy } from '../policy/answering-policy.js';
import { customerSupportPolicy } from '../policy/customer-support-policy.js';
import { AttemptCounter } from '../random/attempt-counter.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { clientGone, waitForClient } from '../streaming/wait-for-client.js';
import { createTokenCounter, type TokenCounter } from '../tokens/token-counter.js';
import { completionStream } from './completion-stream.js';
import { requestId } from './ids.js';
import { type OpenAIErrorBody, openAIErrorResponse } from './openai-error.js';
import { type PlannedCompletion, planCompletion } from './plan-completion.js';
import type { ChatCompletionRequest } from './request-schema.js';
import type { StreamEvent } from './stream-events.js';

/*
 * What both OpenAI endpoints of the mock share (chat completions and the Responses API): one
 * planner, policy, token count and latency model, so a conversation asked through either API
 * gets the same answer after the same time, and one way of waiting, answering and failing.
 */

/** Options of the OpenAI mocks. */
export interface OpenAIMockOptions {
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
export type OpenAIHandler = (request: Request) => Promise<Response>;

// As recorded from OpenAI (provider_error_payloads_from_issues.json, openai-500-server-error).
const SERVER_ERROR: OpenAIErrorBody = {
  message: 'The server had an error while processing your request. Sorry about that!',
  type: 'server_error',
  param: null,
  code: null,
};

/** How a planned answer leaves: as one JSON body, or as events paced at the model's speed. */
export interface PlannedReply {
  planned: PlannedCompletion;
  streaming: boolean;
  json: () => string;
  events: () => readonly StreamEvent[];
}

export interface OpenAIEndpoint {
  clock: Clock;
  tokens: TokenCounter;
  latencyTable: ReadonlyMap<string, LatencyProfile>;
  /** Decides the answer to `chat`; repeats of one call (retries, hedges) draw their timing anew. */
  plan(
    chat: ChatCompletionRequest,
    profile: LatencyProfile,
    clientRequestId: string | null,
    bodyText: string,
  ): PlannedCompletion;
  /** Waits as the model would (a stream's headers leave with its first token), then answers. */
  reply(request: Request, reply: PlannedReply): Promise<Response>;
  /** An OpenAI error response, with headers seeded from the request body. */
  error(status: number, error: OpenAIErrorBody, bodyText: string): Response;
  /** `answer` as a handler: a bug in a policy or the mock looks like OpenAI's own 500. */
  handler(answer: OpenAIHandler): OpenAIHandler;
}

export function createOpenAIEndpoint(options: OpenAIMockOptions): OpenAIEndpoint {
  const timeScale = options.timeScale ?? 1;
  if (!Number.isFinite(options.seed) || !Number.isFinite(timeScale) || timeScale < 0) {
    throw new MockSetupError(
      MockSetupErrorCodes.invalidOptions,
      'seed must be a finite number and timeScale a finite number >= 0',
    );
  }
  const clock = options.clock ?? realClock;
  const policy = options.policy ?? customerSupportPolicy;
  const tokens = createTokenCounter();
  // Repeats of the same call (retries, hedges) draw their timing anew; bounded like the fault layer.
  const attempts = new AttemptCounter(10_000);
  const error = (status: number, body: OpenAIErrorBody, bodyText: string) =>
    openAIErrorResponse(status, body, {
      'x-request-id': requestId(createSeededRandom([options.seed, 'error', bodyText])),
      'openai-processing-ms': '0',
    });

  return {
    clock,
    tokens,
    latencyTable: resolveLatencyTable(options.latency),
    plan: (chat, profile, clientRequestId, bodyText) =>
      planCompletion(chat, clientRequestId, {
        seed: options.seed,
        policy,
        tokens,
        profile,
        timeScale,
        attempt: attempts.next(
          `${clientRequestId ?? bodyText}\u0000${chat.model}\u0000${chat.messages.length}`,
        ),
      }),
    async reply(request, { planned, streaming, json, events }) {
      // A stream's headers leave with its first token (thefastest.ai: ttr equals ttft), so both
      // modes wait before responding; a stream then paces its tokens.
      const waitMs = streaming ? planned.latency.ttftMs : planned.latency.totalMs;
      if (!(await waitForClient(clock, waitMs, request.signal))) return clientGone();
      const headers = {
        'x-request-id': planned.requestId,
        'openai-processing-ms': String(waitMs),
        'openai-version': '2020-10-01',
      };
      if (!streaming) {
        return new Response(json(), {
          headers: { ...headers, 'content-type': 'application/json' },
        });
      }
      const stream = completionStream(events(), {
        clock,
        generationMs: planned.latency.generationMs,
        signal: request.signal,
      });
      return new Response(stream, {
        headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8' },
      });
    },
    error,
    handler: (answer) => async (request) => {
      try {
        return await answer(request);
      } catch {
        return error(500, SERVER_ERROR, '');
      }
    },
  };
}
