import { describe, expect, it } from 'vitest';
import type { ProviderFailure } from '../providers/provider.js';
import { decideRetry } from './retry-policy.js';

const policy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 };
const failure = (over: Partial<ProviderFailure> = {}): ProviderFailure => ({
  code: 'server_error',
  message: 'x',
  isNetwork: false,
  isAbort: false,
  ...over,
});
const decide = (over: Partial<Parameters<typeof decideRetry>[0]> = {}) =>
  decideRetry({
    failure: failure(),
    attempt: 1,
    policy,
    nowMs: 0,
    deadlineAtMs: 60_000,
    random: 0.5,
    ...over,
  });

describe('decideRetry', () => {
  it('waits a full-jitter share of an exponentially growing, capped ceiling', () => {
    expect(decide({ attempt: 1, random: 0.5 })).toEqual({ retry: true, delayMs: 100 });
    expect(decide({ attempt: 2, random: 0.5 })).toEqual({ retry: true, delayMs: 200 });
    expect(decide({ attempt: 3, random: 0.5 })).toEqual({ retry: true, delayMs: 400 });
    const capped = { ...policy, maxDelayMs: 300 };
    expect(decide({ attempt: 3, random: 0.5, policy: capped })).toEqual({
      retry: true,
      delayMs: 150,
    });
    expect(decide({ attempt: 3, random: 0 })).toEqual({ retry: true, delayMs: 0 });
  });

  it('never waits less than the backend’s Retry-After', () => {
    expect(decide({ failure: failure({ code: 'rate_limited', retryAfterMs: 2_500 }) })).toEqual({
      retry: true,
      delayMs: 2_500,
    });
  });

  it('retries only retryable failures', () => {
    expect(decide({ failure: failure({ code: 'bad_request' }) })).toEqual({
      retry: false,
      reason: 'not_retryable',
    });
    expect(decide({ failure: failure({ code: 'circuit_open' }) })).toEqual({
      retry: false,
      reason: 'not_retryable',
    });
    expect(decide({ failure: failure({ code: 'aborted', isAbort: true }) })).toEqual({
      retry: false,
      reason: 'not_retryable',
    });
    for (const code of [
      'rate_limited',
      'overloaded',
      'server_error',
      'timeout',
      'network',
      'invalid_response',
    ] as const) {
      expect(decide({ failure: failure({ code }) }).retry).toBe(true);
    }
  });

  it('stops after the last attempt', () => {
    expect(decide({ attempt: 4 })).toEqual({ retry: false, reason: 'attempts_exhausted' });
  });

  it('gives up when Retry-After is longer than the remaining deadline', () => {
    expect(
      decide({ failure: failure({ code: 'rate_limited', retryAfterMs: 5_000 }), nowMs: 56_000 }),
    ).toEqual({ retry: false, reason: 'deadline' });
  });

  it('gives up when Retry-After is longer than worth waiting', () => {
    expect(decide({ failure: failure({ code: 'rate_limited', retryAfterMs: 30_000 }) })).toEqual({
      retry: false,
      reason: 'retry_after_too_long',
    });
  });
});
