/**
 * The bridge's Prometheus series that the alert rules and the dashboard query, as
 * `src/telemetry/prometheus-metrics.ts` registers them. The monitoring tests scrape a real
 * `bench serve` and fail when a name here is not exported any more.
 */
export const METRIC = {
  /** Counter; labels `mode`, `served_by` (path, tier or `canned`), `outcome`. */
  requests: 'hybrid_requests_total',
  /** Histogram in seconds; labels `mode`, `served_by`, `outcome`. */
  requestDuration: 'hybrid_request_duration_seconds',
  /** Histogram in seconds; labels `provider`, `model`, `outcome`. */
  modelCallDuration: 'hybrid_model_call_duration_seconds',
  /** Counter; labels `model`, `direction` (`input` or `output`). */
  tokens: 'hybrid_tokens_total',
  /**
   * Counter in USD; labels `mode` and `served_by` as on `requests`, and `kind` (`success` or
   * `reliability`): a path's cost over its requests is its cost per request.
   */
  cost: 'hybrid_cost_usd_total',
  /** Counter in USD; labels `provider`, `model`. */
  modelCost: 'hybrid_model_cost_usd_total',
  /** Counter; labels `model`, `reason`. */
  retries: 'hybrid_retries_total',
  /** Counter; labels `kind` (`model` or `path`), `from`, `to`. */
  fallbacks: 'hybrid_fallbacks_total',
  /** Gauge per breaker `key`: 0 closed, 1 half-open, 2 open. */
  breakerState: 'hybrid_breaker_state',
  /** Counter; label `result` (`hit` or `miss`). */
  cacheLookups: 'hybrid_cache_lookups_total',
  /** Counter; labels `reason` (`rate_limited`, `budget_exceeded`), `scope`. */
  rejections: 'hybrid_rejections_total',
  /** Counter; label `arm`. */
  experimentRequests: 'hybrid_experiment_requests_total',
  /** Histogram in seconds; labels `agent`, `outcome` (`answered`, `handed_off`, `failed`). */
  agentTurnDuration: 'hybrid_agent_turn_duration_seconds',
  /** Counter in USD; label `agent`. */
  agentCost: 'hybrid_agent_cost_usd_total',
  /** Counter; labels `from`, `to`, `kind` (`agent`, `loop`, `limit`, `failure`, `budget`). */
  handoffs: 'hybrid_handoffs_total',
} as const;

/** The label of the request series that names the path (or tier) that served a request. */
export const PATH_LABEL = 'served_by';

/** The `mode` of requests served through the bridge's paths (the other is `agno-only`). */
export const HYBRID_MODE = 'hybrid';

/**
 * Outcomes of an answered request: `degraded` is an answer from a cheaper tier or the canned
 * reply; every other outcome is an error code.
 */
export const ANSWERED_OUTCOMES = 'ok|degraded';

/** `hybrid_breaker_state` of an open breaker. */
export const BREAKER_OPEN = 2;

/** The window of every `rate()` in the alert rules. */
export const RULE_RATE_WINDOW = '5m';
