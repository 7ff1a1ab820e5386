import { describe, expect, it } from 'vitest';
import { failureFromHttp, parseRetryAfterMs } from './failure.js';
import { isRetryable } from './provider.js';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('parseRetryAfterMs', () => {
  it('prefers retry-after-ms over retry-after', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
  });
  it('reads retry-after in seconds', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after': '19' }))).toBe(19_000);
  });
  it('reads retry-after as an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(
      parseRetryAfterMs(headers({ 'retry-after': 'Wed, 25 Nov 2026 10:00:05 GMT' }), now),
    ).toBe(5_000);
  });
  it('ignores absent or unparseable values', () => {
    expect(parseRetryAfterMs(headers({}))).toBeUndefined();
    expect(parseRetryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
  });
});

describe('failureFromHttp', () => {
  it('normalises an OpenAI 429 with its retry hint', () => {
    const failure = failureFromHttp(
      429,
      {
        error: {
          message: 'Rate limit reached for gpt-4o',
          type: 'tokens',
          code: 'rate_limit_exceeded',
        },
      },
      headers({ 'retry-after-ms': '1200' }),
    );
    expect(failure).toMatchObject({
      code: 'rate_limited',
      status: 429,
      providerCode: 'rate_limit_exceeded',
      retryAfterMs: 1200,
      isNetwork: false,
      isAbort: false,
    });
    expect(isRetryable(failure)).toBe(true);
  });

  it('recognises Anthropic overload (529) by status and by error type', () => {
    const body = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    expect(failureFromHttp(529, body, undefined).code).toBe('overloaded');
    expect(failureFromHttp(503, { error: body.error }, undefined).code).toBe('overloaded');
  });

  it('separates context-length errors from other bad requests, and neither is retryable', () => {
    const context = failureFromHttp(
      400,
      { error: { code: 'context_length_exceeded', message: 'too long' } },
      undefined,
    );
    const bad = failureFromHttp(400, { error: { code: null, message: 'bad' } }, undefined);
    expect(context.code).toBe('context_length_exceeded');
    expect(bad.code).toBe('bad_request');
    expect(isRetryable(context) || isRetryable(bad)).toBe(false);
  });

  it('recognises context overflow by message where the code differs (OpenAI-compatible servers, Anthropic)', () => {
    const deepseekStyle = {
      error: {
        message:
          "This model's maximum context length is 131072 tokens. However, you requested 140000 tokens.",
        type: 'invalid_request_error',
        code: 'invalid_request_error',
      },
    };
    const anthropicStyle = {
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'prompt is too long: 210000 tokens > 200000 maximum',
      },
    };
    expect(failureFromHttp(400, deepseekStyle, undefined).code).toBe('context_length_exceeded');
    expect(failureFromHttp(400, anthropicStyle, undefined).code).toBe('context_length_exceeded');
  });

  it('reads FastAPI `detail` messages (AgentOS)', () => {
    const failure = failureFromHttp(
      400,
      { detail: "This model's maximum context length is 128000 tokens." },
      undefined,
    );
    expect(failure).toMatchObject({
      code: 'context_length_exceeded',
      message: "This model's maximum context length is 128000 tokens.",
    });
  });

  it('maps auth, not-found and server errors', () => {
    expect(failureFromHttp(401, {}, undefined).code).toBe('auth');
    expect(failureFromHttp(404, {}, undefined).code).toBe('not_found');
    expect(failureFromHttp(502, 'gateway', undefined)).toMatchObject({
      code: 'server_error',
      message: 'HTTP 502',
    });
  });
});
