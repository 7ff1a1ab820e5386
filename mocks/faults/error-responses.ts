import { requestId } from '../openai/ids.js';
import type { Random } from '../random/seeded-random.js';
import type { FaultDialect } from './fault-profile.js';

/** The faults that answer with an error status and a body. */
export type ErrorFault =
  | 'rate_limit'
  | 'server_error'
  | 'unavailable'
  | 'overloaded'
  | 'context_length';

/** What an error answer may mention. */
export interface ErrorContext {
  model: string;
  random: Random;
  retryAfterMs: number;
  maxContextTokens: number;
}

/** Status, error type and message of one fault in one dialect. */
interface ErrorShape {
  status: number;
  type: string;
  code: string | null;
  message: string;
  param?: string;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

// Anthropic request ids as recorded: req_011CYK5mje9H... (`req_011C` + 20 base-58 characters).
function anthropicRequestId(random: Random): string {
  let id = 'req_011C';
  for (let i = 0; i < 20; i += 1) id += BASE58.charAt(random.int(0, BASE58.length - 1));
  return id;
}

/**
 * OpenAI's words (provider_error_payloads_from_issues.json: openai-429-tpm-o4-mini-2025,
 * openai-500-server-error-2026, openai-400-context-length-2023); 503s as OpenAI's error guide
 * words them. OpenAI has no 529: an overloaded engine is a 503.
 */
function openAIShape(fault: ErrorFault, ctx: ErrorContext): ErrorShape {
  switch (fault) {
    case 'rate_limit': {
      const seconds = (ctx.retryAfterMs / 1000).toFixed(3).replace(/\.?0+$/, '');
      const message = `Rate limit reached for ${ctx.model} in organization org-mock on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${seconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`;
      return { status: 429, type: 'requests', code: 'rate_limit_exceeded', message };
    }
    case 'server_error':
      return {
        status: 500,
        type: 'server_error',
        code: null,
        message: 'The server had an error while processing your request. Sorry about that!',
      };
    case 'unavailable':
      return {
        status: 503,
        type: 'server_error',
        code: null,
        message: 'The server is overloaded or not ready yet.',
      };
    case 'overloaded':
      return {
        status: 503,
        type: 'server_error',
        code: null,
        message: 'The engine is currently overloaded, please try again later.',
      };
    case 'context_length': {
      const used = ctx.maxContextTokens + ctx.random.int(1, Math.ceil(ctx.maxContextTokens / 10));
      const message = `This model's maximum context length is ${ctx.maxContextTokens} tokens. However, your messages resulted in ${used} tokens. Please reduce the length of the messages.`;
      return {
        status: 400,
        type: 'invalid_request_error',
        code: 'context_length_exceeded',
        message,
        param: 'messages',
      };
    }
  }
}

/** Anthropic's types and words (recorded 429 and 529 bodies; the documented error types). */
function anthropicShape(fault: ErrorFault, ctx: ErrorContext): ErrorShape {
  switch (fault) {
    case 'rate_limit':
      return {
        status: 429,
        type: 'rate_limit_error',
        code: null,
        message: `This request would exceed your organization's rate limit of 50 requests per minute (org: mock, model: ${ctx.model}). For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.`,
      };
    case 'server_error':
      return { status: 500, type: 'api_error', code: null, message: 'Internal server error' };
    case 'unavailable':
      return { status: 503, type: 'api_error', code: null, message: 'Service unavailable' };
    case 'overloaded':
      return { status: 529, type: 'overloaded_error', code: null, message: 'Overloaded' };
    case 'context_length': {
      const used = ctx.maxContextTokens + ctx.random.int(1, Math.ceil(ctx.maxContextTokens / 10));
      const message = `prompt is too long: ${used} tokens > ${ctx.maxContextTokens} maximum`;
      return { status: 400, type: 'invalid_request_error', code: null, message };
    }
  }
}

function rateLimitHeaders(dialect: FaultDialect, retryAfterMs: number): Record<string, string> {
  const seconds = String(Math.ceil(retryAfterMs / 1000));
  // Anthropic sends retry-after in whole seconds only (anthropic-sdk-typescript#357, #358).
  if (dialect === 'anthropic') return { 'retry-after': seconds };
  return {
    'retry-after': seconds,
    'retry-after-ms': String(retryAfterMs),
    ...(dialect === 'openai'
      ? {
          'x-ratelimit-limit-requests': '500',
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': `${retryAfterMs}ms`,
        }
      : {}),
  };
}

/**
 * The error answer of `fault` in the call's dialect: OpenAI `{"error":{message,type,param,code}}`
 * with `x-request-id`; Anthropic `{"type":"error","error":{type,message},"request_id"}` with
 * `request-id` and `x-should-retry`; Agno AgentOS `{"detail": "<message>"}` (FastAPI's
 * HTTPException shape; AgentOS relays the model provider's message and status).
 */
export function faultErrorResponse(
  fault: ErrorFault,
  dialect: FaultDialect,
  ctx: ErrorContext,
): Response {
  const retryHeaders = fault === 'rate_limit' ? rateLimitHeaders(dialect, ctx.retryAfterMs) : {};
  const json = { 'content-type': 'application/json' };
  if (dialect === 'anthropic') {
    const shape = anthropicShape(fault, ctx);
    const id = anthropicRequestId(ctx.random);
    const body = {
      type: 'error',
      error: { type: shape.type, message: shape.message },
      request_id: id,
    };
    const retryable = shape.status === 429 || shape.status >= 500;
    return new Response(JSON.stringify(body), {
      status: shape.status,
      headers: { ...json, 'request-id': id, 'x-should-retry': String(retryable), ...retryHeaders },
    });
  }
  const shape = openAIShape(fault, ctx);
  if (dialect === 'agno') {
    return new Response(JSON.stringify({ detail: shape.message }), {
      status: shape.status,
      headers: { ...json, ...retryHeaders },
    });
  }
  const error = {
    message: shape.message,
    type: shape.type,
    param: shape.param ?? null,
    code: shape.code,
  };
  return new Response(JSON.stringify({ error }), {
    status: shape.status,
    headers: { ...json, 'x-request-id': requestId(ctx.random), ...retryHeaders },
  });
}
