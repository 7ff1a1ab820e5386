import { z } from 'zod';
import { PATH_NAMES } from '../routing/path.js';

const ms = z.number().int().nonnegative();
const positiveMs = z.number().int().positive();
const usd = z.number().positive();
const Bucket = z.strictObject({
  /** Most requests let through at once (the burst). */
  capacity: z.number().positive(),
  /** Sustained requests per second. */
  refillPerSecond: z.number().positive(),
});

interface TimeoutDefaults {
  deadlineMs: number;
  attemptTimeoutMs: number;
  firstByteTimeoutMs: number;
  streamIdleTimeoutMs: number;
  hedgeAfterMs: number;
}

/**
 * Deadline of a whole request on a path, and the limits of one model-call attempt within it: a
 * non-streamed attempt's total time; a streamed attempt's wait for its first byte and for each
 * next chunk (a stream that keeps flowing may use the whole deadline); when a hedge is sent.
 */
const PathTimeouts = (d: TimeoutDefaults) =>
  z
    .strictObject({
      deadlineMs: positiveMs.default(d.deadlineMs),
      attemptTimeoutMs: positiveMs.default(d.attemptTimeoutMs),
      firstByteTimeoutMs: positiveMs.default(d.firstByteTimeoutMs),
      streamIdleTimeoutMs: positiveMs.default(d.streamIdleTimeoutMs),
      /** A streamed attempt with no first byte this long into it gets a hedged twin; `false` turns hedging off. */
      hedgeAfterMs: z.union([positiveMs, z.literal(false)]).default(d.hedgeAfterMs),
    })
    .prefault({});

/**
 * The production layer's settings; every field has a default. Deadlines default to twice the
 * path's p95 latency SLA (3 s, 15 s, 45 s); the per-request cost cap to three times its mean-cost
 * SLA ($0.007, $0.025, $0.065), so only runaway requests are stopped.
 */
export const ResilienceSchema = z.strictObject({
  retry: z
    .strictObject({
      /** Attempts per model call, the first included. */
      maxAttempts: z.number().int().min(1).max(10).default(3),
      baseDelayMs: ms.default(250),
      maxDelayMs: ms.default(4_000),
      /** Longest `Retry-After` worth waiting for; a longer one is not retried here. */
      maxRetryAfterMs: ms.default(20_000),
    })
    .prefault({}),
  breaker: z
    .strictObject({
      enabled: z.boolean().default(true),
      windowMs: positiveMs.default(30_000),
      bucketMs: positiveMs.default(1_000),
      /** Calls in the window before the failure rate can open the breaker. */
      minRequests: z.number().int().min(1).default(10),
      failureRate: z.number().gt(0).max(1).default(0.5),
      /** How long an open breaker refuses calls before letting probes through. */
      openMs: positiveMs.default(15_000),
      /** Probes allowed at once while half-open. */
      halfOpenProbes: z.number().int().min(1).default(2),
      /** Successful probes that close the breaker. */
      successesToClose: z.number().int().min(1).default(2),
    })
    .prefault({}),
  timeouts: z
    .strictObject({
      // Hedges start near the slow tail of time to first token (gpt-4o-mini p90 ≈ 0.95 s, p99 ≈ 1.5 s).
      simple: PathTimeouts({
        deadlineMs: 6_000,
        attemptTimeoutMs: 4_000,
        firstByteTimeoutMs: 2_000,
        streamIdleTimeoutMs: 2_000,
        hedgeAfterMs: 1_000,
      }),
      complex: PathTimeouts({
        deadlineMs: 30_000,
        attemptTimeoutMs: 12_000,
        firstByteTimeoutMs: 5_000,
        streamIdleTimeoutMs: 5_000,
        hedgeAfterMs: 3_000,
      }),
      full: PathTimeouts({
        deadlineMs: 90_000,
        attemptTimeoutMs: 12_000,
        firstByteTimeoutMs: 5_000,
        streamIdleTimeoutMs: 5_000,
        hedgeAfterMs: 3_000,
      }),
    })
    .prefault({}),
  fallbacks: z
    .strictObject({
      /** Model → models to try, in order, when it keeps failing or its breaker is open. */
      models: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({
        'gpt-4o': ['gpt-4.1'],
        'gpt-4o-mini': ['gpt-4.1-mini'],
      }),
    })
    .prefault({}),
  degradation: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** A path that fails hands the request to the next one in this order; `canned` always answers. */
      order: z
        .array(z.enum([...PATH_NAMES, 'canned']))
        .min(1)
        .default(['full', 'complex', 'simple', 'canned']),
      cannedReply: z
        .string()
        .min(1)
        .default(
          'Sorry, we cannot answer this right now. Your message is saved and a member of our team will follow up shortly.',
        ),
    })
    .prefault({}),
  cache: z
    .strictObject({
      enabled: z.boolean().default(true),
      ttlMs: positiveMs.default(300_000),
      maxEntries: z.number().int().positive().default(1_000),
    })
    .prefault({}),
  budgets: z
    .strictObject({
      perRequestUsd: z
        .strictObject({
          simple: usd.default(0.021),
          complex: usd.default(0.075),
          full: usd.default(0.195),
        })
        .prefault({}),
      /** Spend per user per UTC day; absent: no daily budget. */
      perUserDailyUsd: usd.optional(),
    })
    .prefault({}),
  rateLimits: z
    .strictObject({
      /** Requests admitted across all users. Absent: unlimited. */
      global: Bucket.optional(),
      /** Requests admitted per user id (anonymous requests share one bucket). Absent: unlimited. */
      perUser: Bucket.optional(),
      /** Model calls per provider id, smoothing bursts before the provider's own 429s. */
      perProvider: z.record(z.string(), Bucket).default({}),
    })
    .prefault({}),
});

export type ResilienceConfig = z.output<typeof ResilienceSchema>;
