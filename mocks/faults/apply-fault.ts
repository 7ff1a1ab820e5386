import type { Clock } from '../../src/clock.js';
import type { Random } from '../random/seeded-random.js';
import { FAULT_DEFAULTS } from './defaults.js';
import { type ErrorContext, faultErrorResponse } from './error-responses.js';
import type { FaultRule } from './fault-profile.js';
import type { FaultCall } from './read-call.js';
import { reshapeEventStream, type StreamShape } from './reshape-event-stream.js';
import { wrongContentTypeResponse } from './wrong-content-type-response.js';

/** Everything one faulty answer may need. */
export interface FaultSituation {
  call: FaultCall;
  random: Random;
  clock: Clock;
  signal: AbortSignal;
  /** Asks the wrapped handler for the real answer. */
  forward: () => Promise<Response>;
}

function isEventStream(response: Response): boolean {
  return response.headers.get('content-type')?.startsWith('text/event-stream') === true;
}

/** The same answer with a new body; the length no longer holds, so it goes. */
function withNewBody(
  response: Response,
  body: ConstructorParameters<typeof Response>[0],
): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

async function reshaped(situation: FaultSituation, shape: StreamShape): Promise<Response> {
  const response = await situation.forward();
  if (!isEventStream(response) || response.body === null) return response;
  const body = reshapeEventStream(response.body, shape, situation.clock, situation.signal);
  return withNewBody(response, body);
}

async function truncated(situation: FaultSituation, afterEvents: number): Promise<Response> {
  const response = await situation.forward();
  if (!response.ok) return response;
  if (isEventStream(response)) return reshaped(situation, { kind: 'corrupt', afterEvents });
  const text = await response.text();
  // Somewhere in the middle: past the opening brace, short of the closing one.
  const cut = text.length < 2 ? 0 : situation.random.int(1, Math.max(1, text.length - 2));
  return withNewBody(response, text.slice(0, cut));
}

async function stalled(situation: FaultSituation, stallMs: number): Promise<Response> {
  try {
    await situation.clock.sleep(stallMs, situation.signal);
  } catch {
    // The client left while nothing had been sent: there is no one to answer.
    return Response.error();
  }
  return situation.forward();
}

/** The answer a call gets under `rule`. */
export function applyFault(rule: FaultRule, situation: FaultSituation): Promise<Response> {
  const { call, random } = situation;
  const errorContext = (retryAfterMs: number = FAULT_DEFAULTS.retryAfterMs): ErrorContext => ({
    model: call.model,
    random,
    retryAfterMs,
    maxContextTokens: FAULT_DEFAULTS.maxContextTokens[call.dialect],
  });
  const afterEvents = (params?: { afterEvents?: number }) =>
    params?.afterEvents ?? FAULT_DEFAULTS.afterEvents;
  switch (rule.fault) {
    case 'rate_limit':
      return Promise.resolve(
        faultErrorResponse('rate_limit', call.dialect, errorContext(rule.params?.retryAfterMs)),
      );
    case 'server_error':
    case 'unavailable':
    case 'overloaded':
      return Promise.resolve(faultErrorResponse(rule.fault, call.dialect, errorContext()));
    case 'flapping':
      return Promise.resolve(faultErrorResponse('unavailable', call.dialect, errorContext()));
    case 'context_length': {
      const ctx = errorContext();
      const max = rule.params?.maxContextTokens ?? ctx.maxContextTokens;
      return Promise.resolve(
        faultErrorResponse('context_length', call.dialect, { ...ctx, maxContextTokens: max }),
      );
    }
    case 'reset':
      return Promise.resolve(Response.error());
    case 'wrong_content_type':
      return Promise.resolve(
        wrongContentTypeResponse(rule.params?.status ?? FAULT_DEFAULTS.wrongContentTypeStatus),
      );
    case 'malformed_json':
      return truncated(situation, afterEvents(rule.params));
    case 'stall_before_first_byte':
      return stalled(situation, rule.params?.stallMs ?? FAULT_DEFAULTS.stallMs);
    case 'stall_mid_stream':
      return reshaped(situation, {
        kind: 'stall',
        afterEvents: afterEvents(rule.params),
        stallMs: rule.params?.stallMs ?? FAULT_DEFAULTS.stallMs,
      });
    case 'stream_cut':
      return reshaped(situation, { kind: 'cut', afterEvents: afterEvents(rule.params) });
    case 'slow_drip':
      return reshaped(situation, {
        kind: 'drip',
        chunkDelayMs: rule.params?.chunkDelayMs ?? FAULT_DEFAULTS.chunkDelayMs,
      });
  }
}
