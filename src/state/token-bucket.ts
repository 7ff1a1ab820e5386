import type { TokenBucketSpec, TokenTake } from './state-store.js';

/** A bucket as stored: fractional tokens and the time they were counted. */
export interface BucketState {
  tokens: number;
  updatedAtMs: number;
}

/**
 * Slack for float noise: 3 - 1.4 is 1.6000000000000001, and a retry of 800.0000000001 ms must
 * not become 801. The Lua script in `redis-scripts.ts` uses the same value and the same order of
 * operations, so both stores give identical answers.
 */
export const TOKEN_EPSILON = 1e-9;

/**
 * Refills a bucket by the time elapsed since it was last counted, then takes `cost` tokens when
 * they are there. An absent bucket is full. Time never runs backwards: a reading older than the
 * stored one (another replica's clock) refills nothing. Pure.
 */
export function takeFromBucket(
  state: BucketState | undefined,
  spec: TokenBucketSpec,
  cost: number,
  nowMs: number,
): { state: BucketState; take: TokenTake } {
  let tokens = spec.capacity;
  let updatedAtMs = nowMs;
  if (state) {
    const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
    tokens = Math.min(spec.capacity, state.tokens + (elapsedMs * spec.refillPerSecond) / 1000);
    updatedAtMs = Math.max(state.updatedAtMs, nowMs);
  }
  let allowed = false;
  let retryAfterMs = 0;
  if (cost > spec.capacity) {
    retryAfterMs = Number.POSITIVE_INFINITY;
  } else if (tokens + TOKEN_EPSILON >= cost) {
    allowed = true;
    tokens = Math.max(0, tokens - cost);
  } else if (spec.refillPerSecond > 0) {
    const deficit = cost - tokens;
    retryAfterMs = Math.max(1, Math.ceil((deficit * 1000) / spec.refillPerSecond - TOKEN_EPSILON));
  } else {
    retryAfterMs = Number.POSITIVE_INFINITY;
  }
  const remaining = Math.floor(tokens + TOKEN_EPSILON);
  return { state: { tokens, updatedAtMs }, take: { allowed, remaining, retryAfterMs } };
}
