import { isRetryable, type ProviderFailure } from '../providers/provider.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | {
      retry: false;
      reason: 'not_retryable' | 'attempts_exhausted' | 'retry_after_too_long' | 'deadline';
    };

/**
 * Whether to retry after attempt number `attempt` (1-based) failed, and how long to wait:
 * exponential backoff with full jitter (a uniform wait up to `base × 2^(attempt−1)`, capped),
 * never shorter than the backend's `Retry-After`, never ending past the deadline. Pure.
 */
export function decideRetry(input: {
  failure: ProviderFailure;
  attempt: number;
  policy: RetryPolicy;
  nowMs: number;
  deadlineAtMs: number;
  random: number;
}): RetryDecision {
  const { failure, attempt, policy } = input;
  if (!isRetryable(failure)) return { retry: false, reason: 'not_retryable' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts_exhausted' };
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs > policy.maxRetryAfterMs) {
    return { retry: false, reason: 'retry_after_too_long' };
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delayMs = Math.max(input.random * ceiling, failure.retryAfterMs ?? 0);
  if (input.nowMs + delayMs >= input.deadlineAtMs) return { retry: false, reason: 'deadline' };
  return { retry: true, delayMs };
}
