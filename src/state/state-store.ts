/**
 * Shared state behind the production layer: rate-limit buckets, breaker state, the response
 * cache and budget counters. In memory by default (one process); Redis when `REDIS_URL` is set,
 * so many bridge replicas behave as one. Every operation that reads and writes is atomic.
 *
 * Times are the caller's clock readings in milliseconds (`Clock.wallNow()` scale), passed in so
 * decisions stay pure and tests can drive time; implementations never read a clock themselves.
 * The one exception is expiry by `ttlMs` (counters, cache), whose operations take no time: it
 * follows the store's own clock (the memory store's injected `now`, the Redis server's clock).
 */
export interface TokenBucketSpec {
  /** Most tokens the bucket holds (the burst). */
  capacity: number;
  /** Tokens added per second, continuously. */
  refillPerSecond: number;
}

export interface TokenTake {
  allowed: boolean;
  /** Tokens left after this take (whole tokens, rounded down). */
  remaining: number;
  /**
   * When `allowed` is false: how long until `cost` tokens are available, rounded up to a whole
   * millisecond; `Infinity` when they never will be (cost > capacity, or no refill). 0 if allowed.
   */
  retryAfterMs: number;
}

export interface OutcomeWindow {
  /** Length of the sliding window. */
  windowMs: number;
  /** Width of one bucket of the window (the window is `windowMs / bucketMs` buckets). */
  bucketMs: number;
}

export interface OutcomeCounts {
  successes: number;
  failures: number;
}

/** A circuit breaker's state as stored; `version` increases with every write. */
export interface BreakerRecord {
  state: 'closed' | 'open' | 'half-open';
  /** When the breaker last opened (`open` and `half-open`). */
  openedAtMs?: number;
  /** Probes let through since half-open began. */
  probesInFlight?: number;
  /** Successful probes since half-open began. */
  probeSuccesses?: number;
  version: number;
}

export interface StateStore {
  /** Takes `cost` tokens if the bucket has them, refilling by elapsed time first. */
  takeTokens(key: string, spec: TokenBucketSpec, cost: number, nowMs: number): Promise<TokenTake>;
  /** Adds one outcome to the sliding window and returns the window's counts after it. */
  recordOutcome(
    key: string,
    ok: boolean,
    nowMs: number,
    window: OutcomeWindow,
  ): Promise<OutcomeCounts>;
  /** The window's counts without adding to them. */
  readOutcomes(key: string, nowMs: number, window: OutcomeWindow): Promise<OutcomeCounts>;
  /** Forgets a window's outcomes (a breaker that closes starts afresh). */
  resetOutcomes(key: string): Promise<void>;
  getBreaker(key: string): Promise<BreakerRecord | undefined>;
  /**
   * Writes `next` only if the stored version is still `expectedVersion` (0 when absent), and
   * stores it with version `expectedVersion + 1`. Returns false when another writer got there first.
   */
  compareAndSetBreaker(
    key: string,
    expectedVersion: number,
    next: Omit<BreakerRecord, 'version'>,
  ): Promise<boolean>;
  /** Adds `amount` (an integer, e.g. micro-dollars) to a counter that expires `ttlMs` after creation; returns the new total. */
  addToCounter(key: string, amount: number, ttlMs: number): Promise<number>;
  readCounter(key: string): Promise<number>;
  cacheGet(key: string): Promise<string | undefined>;
  cacheSet(key: string, value: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}
