/**
 * Faults as data: a profile is a named list of rules, each saying which fault to inject, how
 * often, for which calls, and with which parameters. `withFaults` turns a profile into a
 * handler wrapper; built-in profiles live in `fault-profiles.ts`, files are read by
 * `load-fault-profile.ts`.
 */

/** Every fault the catalogue can inject. */
export const FAULT_KINDS = [
  'rate_limit',
  'server_error',
  'unavailable',
  'overloaded',
  'reset',
  'stall_before_first_byte',
  'stall_mid_stream',
  'stream_cut',
  'malformed_json',
  'wrong_content_type',
  'context_length',
  'flapping',
  'slow_drip',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults that only make sense on a streamed answer; a non-streamed call never draws them. */
export const STREAM_ONLY_FAULTS: ReadonlySet<FaultKind> = new Set([
  'stall_mid_stream',
  'stream_cut',
  'slow_drip',
]);

/** The wire dialects a fault can speak, read from the request's URL path. */
export const FAULT_DIALECTS = ['openai', 'anthropic', 'agno'] as const;
export type FaultDialect = (typeof FAULT_DIALECTS)[number];

/**
 * Which calls a rule applies to; every list given must match (an absent list matches all). A call
 * without the header a list reads never matches that list.
 */
export interface FaultMatch {
  /** The request body's `model`, exactly. */
  models?: readonly string[];
  /** The `x-bench-path` request header (`simple`, `complex`, `full`). */
  paths?: readonly string[];
  providers?: readonly FaultDialect[];
  /**
   * The `x-bench-agent` request header: the agent the call is made for (`customer-service`,
   * `technical-support`, `escalation`, or the prototype `support-agent`).
   */
  agents?: readonly string[];
  /** The `x-bench-scenario` request header: the id of the suite request the call serves. */
  scenarios?: readonly string[];
}

/** Stream events passed through before a stream fault strikes (never past the closing events). */
interface AfterEvents {
  afterEvents?: number;
}

/** Parameters each fault accepts; see `defaults.ts` for the values used when absent. */
export interface FaultParamsByKind {
  rate_limit: { retryAfterMs?: number };
  server_error: Record<string, never>;
  unavailable: Record<string, never>;
  overloaded: Record<string, never>;
  reset: Record<string, never>;
  stall_before_first_byte: { stallMs?: number };
  stall_mid_stream: AfterEvents & { stallMs?: number };
  stream_cut: AfterEvents;
  /** A non-streamed body is cut at a seeded point; a stream gets one event cut short. */
  malformed_json: AfterEvents;
  /** 200 like a captive portal, or 502 like a proxy's error page. */
  wrong_content_type: { status?: 200 | 502 };
  /** The model's window; the reported prompt size is drawn above it. */
  context_length: { maxContextTokens?: number };
  /** Up first for `upMs`, then down (503) for `downMs`, repeating, on the injected clock. */
  flapping: { upMs?: number; downMs?: number };
  slow_drip: { chunkDelayMs?: number };
}

/** One rule: with `probability` per matching call, inject `fault`. */
export type FaultRule = {
  [K in FaultKind]: {
    fault: K;
    /** 0..1 per call. Rules share one draw, in order, so their probabilities add up. */
    probability: number;
    match?: FaultMatch;
    params?: FaultParamsByKind[K];
  };
}[FaultKind];

/** A named, documented set of rules. */
export interface FaultProfile {
  name: string;
  description: string;
  rules: readonly FaultRule[];
}
