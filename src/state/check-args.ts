import type { OutcomeWindow, TokenBucketSpec } from './state-store.js';
import { StateStoreError, StateStoreErrorCodes } from './state-store-error.js';

// One set of checks for every implementation, so a bad argument fails the same way everywhere
// instead of turning into NaN in memory or a Lua error in Redis.

function fail(message: string): never {
  throw new StateStoreError(StateStoreErrorCodes.badArgument, message);
}

const isNonNegative = (n: number) => Number.isFinite(n) && n >= 0;

export function checkTake(spec: TokenBucketSpec, cost: number, nowMs: number): void {
  if (!(Number.isFinite(spec.capacity) && spec.capacity > 0))
    fail(`token bucket capacity must be a positive number, got ${spec.capacity}`);
  if (!isNonNegative(spec.refillPerSecond))
    fail(`token bucket refillPerSecond must be >= 0, got ${spec.refillPerSecond}`);
  if (!(Number.isFinite(cost) && cost > 0))
    fail(`token cost must be a positive number, got ${cost}`);
  checkNow(nowMs);
}

export function checkWindow(window: OutcomeWindow, nowMs: number): void {
  if (!Number.isSafeInteger(window.bucketMs) || window.bucketMs <= 0)
    fail(`outcome window bucketMs must be a positive integer, got ${window.bucketMs}`);
  if (!Number.isSafeInteger(window.windowMs) || window.windowMs < window.bucketMs)
    fail(`outcome window windowMs must be an integer >= bucketMs, got ${window.windowMs}`);
  checkNow(nowMs);
}

export function checkCounter(amount: number, ttlMs: number): void {
  if (!Number.isSafeInteger(amount)) fail(`counter amount must be an integer, got ${amount}`);
  checkTtl(ttlMs);
}

export function checkVersion(expectedVersion: number): void {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0)
    fail(`breaker expectedVersion must be an integer >= 0, got ${expectedVersion}`);
}

export function checkTtl(ttlMs: number): void {
  if (!(Number.isFinite(ttlMs) && ttlMs > 0)) fail(`ttlMs must be a positive number, got ${ttlMs}`);
}

function checkNow(nowMs: number): void {
  if (!Number.isFinite(nowMs)) fail(`nowMs must be a finite number, got ${nowMs}`);
}

/** Buckets in a window; a window that is not a whole number of buckets rounds up. */
export function bucketsInWindow(window: OutcomeWindow): number {
  return Math.ceil(window.windowMs / window.bucketMs);
}
