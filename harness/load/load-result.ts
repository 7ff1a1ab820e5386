import type { PathName } from '../../src/index.js';

/** Latency percentiles of one load step, in milliseconds. */
export interface LatencyPercentiles {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** A pass/fail threshold as a load tool states it (k6 `thresholds`, or an SLA turned into one). */
export interface LoadThreshold {
  /** The metric it reads, e.g. `http_req_duration{path:simple}`. */
  metric: string;
  /** The condition as written, e.g. `p(95)<3000`. */
  expression: string;
  ok: boolean;
}

/**
 * One load step: a fixed offered rate (open loop) or a fixed number of connections (closed
 * loop), held for a while. Produced by `bench load` (autocannon) and by `bench k6 ingest`.
 */
export interface LoadStep {
  engine: 'autocannon' | 'k6';
  loop: 'open' | 'closed';
  /** Offered rate, open loop only. */
  targetRps?: number;
  /** Connections (autocannon) or virtual users (k6). */
  connections: number;
  durationS: number;
  /** Seconds of load before the measured window, left out of every figure. */
  warmupS?: number;
  /** Requests sent, answered with 2xx, answered otherwise, and failed without an answer. */
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Non-2xx answers by status code, e.g. `{ "429": 12 }`. */
  non2xxByStatus?: Record<string, number>;
  /** Requests without an answer, by reason (timeout, connection error…). */
  errorsByReason?: Record<string, number>;
  /**
   * Open loop: slots of the measured window whose request never left, because every connection
   * was still busy when the step ended (not counted in `sent`).
   */
  dropped?: number;
  /** Answers per second, and answers per second that met their path's SLA. */
  throughputRps: number;
  goodputRps: number;
  /** As measured from send to answer. */
  latencyMs: LatencyPercentiles;
  /**
   * Open loop: from each request's intended send time (its slot in the schedule) to its answer,
   * so waiting behind a slow request counts (coordinated omission corrected).
   */
  correctedLatencyMs?: LatencyPercentiles;
  /**
   * Open loop: how late requests left after their slot. Large values mean the load tool, not
   * the server, fell behind (every connection busy); the corrected latency includes it.
   */
  sendLagMs?: LatencyPercentiles;
  /** Streaming runs: time to the first content chunk. */
  ttftMs?: LatencyPercentiles;
  /** Answers by the path that served them (`x-bench-path`). */
  byPath?: Partial<
    Record<
      PathName,
      {
        ok: number;
        latencyMs: LatencyPercentiles;
        costUsd: number;
        /** Open loop: the path's coordinated-omission-corrected latency. */
        correctedLatencyMs?: LatencyPercentiles;
      }
    >
  >;
  thresholds?: LoadThreshold[];
}
