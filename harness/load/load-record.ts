import type { PathName } from '../../src/index.js';

/** How one load request ended: a 2xx answer, another answer, or no answer at all. */
export type LoadOutcome = 'ok' | 'non2xx' | 'error';

/** One request of a load step. Times are milliseconds on the run's monotonic clock. */
export interface LoadRecord {
  /** Order in which requests left (0-based). */
  seq: number;
  /** The suite request it was built from. */
  requestId: string;
  /** The path the suite labels it with (sent as `x-bench-path`). */
  labelledPath?: PathName;
  /** Open loop: its slot in the schedule. Closed loop: when it left (there is no schedule). */
  intendedAtMs: number;
  sentAtMs: number;
  /** When the whole answer had arrived; absent without an answer. */
  answeredAtMs?: number;
  /** Streaming: when the first chunk carrying content arrived. */
  firstContentAtMs?: number;
  status?: number;
  /** The path that served it (`x-bench-path` of the answer). */
  servedPath?: PathName;
  /** `x-bench-cost-usd` of the answer. */
  costUsd?: number;
  outcome: LoadOutcome;
  /** Why there was no answer. */
  error?: string;
}

/** From leaving to the whole answer; undefined without an answer. */
export function latencyOf(record: LoadRecord): number | undefined {
  return record.answeredAtMs === undefined ? undefined : record.answeredAtMs - record.sentAtMs;
}

/**
 * Coordinated-omission-corrected latency: from the request's slot in the schedule to its answer,
 * so time spent waiting for a free connection behind a slow request counts. A request that left
 * before its slot is measured from when it left, so the correction never shortens a latency.
 * @example correctedLatencyOf({ intendedAtMs: 100, sentAtMs: 600, answeredAtMs: 610, … }) // 510
 */
export function correctedLatencyOf(record: LoadRecord): number | undefined {
  if (record.answeredAtMs === undefined) return undefined;
  return record.answeredAtMs - Math.min(record.intendedAtMs, record.sentAtMs);
}

/** How late the request left after its slot (0 when on time). */
export function sendLagOf(record: LoadRecord): number {
  return Math.max(0, record.sentAtMs - record.intendedAtMs);
}

/** Time to the first content chunk; undefined when none was seen. */
export function ttftOf(record: LoadRecord): number | undefined {
  return record.firstContentAtMs === undefined
    ? undefined
    : record.firstContentAtMs - record.sentAtMs;
}
