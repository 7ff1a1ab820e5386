import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { PATH_NAMES } from '../routing/path.js';
import type { Telemetry } from './telemetry.js';

/** 50 ms … 90 s, with edges at the per-path SLAs (3 s simple, 15 s complex, 45 s full). */
export const REQUEST_BUCKETS_S = [
  0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 45, 60, 90,
] as const;
/** One model call: 50 ms … 90 s. */
export const MODEL_CALL_BUCKETS_S = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 90] as const;

/** One streamed chunk's way through the server: 10 µs … 10 ms, with an edge at 0.1 ms. */
export const CHUNK_RELAY_BUCKETS_S = [
  0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
] as const;

/** The `kind` label of `hybrid_cost_usd_total`. */
const COST_KINDS = ['success', 'reliability'] as const;

/** Gauge values of `hybrid_breaker_state`. */
export const BREAKER_STATE_VALUE = { closed: 0, half_open: 1, open: 2 } as const;

export interface MetricsOptions {
  /** The registry to register in. Default: a new one, never prom-client's global registry. */
  registry?: Registry;
  /** Also collect prom-client's process metrics (CPU, memory, event-loop lag) here. */
  processMetrics?: boolean;
}

/** The Prometheus side of telemetry: the event hooks, and the exposition text for `/metrics`. */
export interface PrometheusMetrics extends Omit<Telemetry, 'span'> {
  /** The HTTP server relayed a chunk of a streamed answer (`hybrid_stream_chunk_relay_seconds`). */
  chunkRelayed(latencyMs: number): void;
  readonly registry: Registry;
  /** The `Content-Type` of {@link PrometheusMetrics.text}. */
  readonly contentType: string;
  /** The Prometheus text exposition of every metric in the registry. */
  text(): Promise<string>;
}

function breakerValue(state: string): number | undefined {
  const normalised = state.toLowerCase().replace(/[-\s]/g, '_');
  if (!Object.hasOwn(BREAKER_STATE_VALUE, normalised)) return undefined;
  return BREAKER_STATE_VALUE[normalised as keyof typeof BREAKER_STATE_VALUE];
}

/** Counters reject negative increments by throwing; a hook must not throw, so clamp here. */
function amount(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Adds `value` when there is something to add: each `inc` costs a label hash, zero need not. */
function add<T extends string>(
  counter: Counter<T>,
  labels: Partial<Record<T, string>>,
  value: number,
) {
  const positive = amount(value);
  if (positive > 0) counter.inc(labels, positive);
}

/**
 * Creates the bridge's Prometheus metrics in a registry of their own, so two bridges in one
 * process (or one per test) never collide.
 *
 * @example
 * const metrics = createMetrics();
 * const telemetry = createTelemetry({ metrics });
 * // in the server: res.setHeader('content-type', metrics.contentType); res.end(await metrics.text());
 */
export function createMetrics(options: MetricsOptions = {}): PrometheusMetrics {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'hybrid_requests_total',
    help: 'Requests served, by mode, the path (or tier) that served them, and outcome.',
    labelNames: ['mode', 'served_by', 'outcome'] as const,
    registers,
  });
  const requestDuration = new Histogram({
    name: 'hybrid_request_duration_seconds',
    help: 'End-to-end request latency in seconds.',
    labelNames: ['mode', 'served_by', 'outcome'] as const,
    buckets: [...REQUEST_BUCKETS_S],
    registers,
  });
  const modelCallDuration = new Histogram({
    name: 'hybrid_model_call_duration_seconds',
    help: 'Latency of model calls that reached a backend (cache hits are not observed).',
    labelNames: ['provider', 'model', 'outcome'] as const,
    buckets: [...MODEL_CALL_BUCKETS_S],
    registers,
  });
  const tokens = new Counter({
    name: 'hybrid_tokens_total',
    help: 'Tokens of model calls that reached a backend.',
    labelNames: ['model', 'direction'] as const,
    registers,
  });
  const cost = new Counter({
    name: 'hybrid_cost_usd_total',
    help: 'Spend in USD, by mode and the path (or tier) that served the request, as hybrid_requests_total: `success` is what served requests cost, `reliability` what retries, fallbacks and failed attempts added.',
    labelNames: ['mode', 'served_by', 'kind'] as const,
    registers,
  });
  const modelCost = new Counter({
    name: 'hybrid_model_cost_usd_total',
    help: 'Spend in USD on model calls that reached a backend, per model.',
    labelNames: ['provider', 'model'] as const,
    registers,
  });
  const retries = new Counter({
    name: 'hybrid_retries_total',
    help: 'Model calls retried, by the failure that caused the retry.',
    labelNames: ['model', 'reason'] as const,
    registers,
  });
  const fallbacks = new Counter({
    name: 'hybrid_fallbacks_total',
    help: 'Fallbacks taken: to another model, or down to a cheaper path.',
    labelNames: ['kind', 'from', 'to'] as const,
    registers,
  });
  const breakerState = new Gauge({
    name: 'hybrid_breaker_state',
    help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open.',
    labelNames: ['key'] as const,
    registers,
  });
  const breakerTransitions = new Counter({
    name: 'hybrid_breaker_transitions_total',
    help: 'Circuit breaker transitions, by the state entered.',
    labelNames: ['key', 'to'] as const,
    registers,
  });
  const cacheLookups = new Counter({
    name: 'hybrid_cache_lookups_total',
    help: 'Response cache lookups, by result (hit or miss).',
    labelNames: ['result'] as const,
    registers,
  });
  const rejections = new Counter({
    name: 'hybrid_rejections_total',
    help: 'Requests or calls refused by the bridge before reaching a backend.',
    labelNames: ['reason', 'scope'] as const,
    registers,
  });
  const experimentRequests = new Counter({
    name: 'hybrid_experiment_requests_total',
    help: 'Requests served per experiment arm.',
    labelNames: ['arm'] as const,
    registers,
  });

  const agentTurns = new Histogram({
    name: 'hybrid_agent_turn_duration_seconds',
    help: 'How long each agent held a conversation, by agent and how its turn ended (answered, handed_off, failed).',
    labelNames: ['agent', 'outcome'] as const,
    buckets: [...REQUEST_BUCKETS_S],
    registers,
  });
  const agentCost = new Counter({
    name: 'hybrid_agent_cost_usd_total',
    help: "Spend in USD of model calls made during each agent's turns.",
    labelNames: ['agent'] as const,
    registers,
  });
  const chunkRelay = new Histogram({
    name: 'hybrid_stream_chunk_relay_seconds',
    help: 'Streamed answers: from the text of a backend chunk reaching the HTTP server to its write to the client.',
    buckets: [...CHUNK_RELAY_BUCKETS_S],
    registers,
  });
  const handoffs = new Counter({
    name: 'hybrid_handoffs_total',
    help: 'Handoffs between agents on the full path; kind says who decided (agent, loop, limit, failure, budget).',
    labelNames: ['from', 'to', 'kind'] as const,
    registers,
  });

  // Series that dashboards divide by exist from the start, at zero: cost of each hybrid path
  // (the other modes and tiers appear once they serve a request).
  for (const path of PATH_NAMES) {
    for (const kind of COST_KINDS) cost.inc({ mode: 'hybrid', served_by: path, kind }, 0);
  }
  for (const result of ['hit', 'miss']) cacheLookups.inc({ result }, 0);

  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    requestEnded(event) {
      const served = { mode: event.mode, served_by: event.servedBy };
      const labels = { ...served, outcome: event.outcome };
      requests.inc(labels);
      requestDuration.observe(labels, amount(event.latencyMs) / 1000);
      add(cost, { ...served, kind: 'success' }, event.costUsd);
      add(cost, { ...served, kind: 'reliability' }, event.reliabilityCostUsd);
      if (event.experimentArm !== undefined) experimentRequests.inc({ arm: event.experimentArm });
    },
    modelCallEnded(event) {
      // A cache hit says nothing about the model's latency and spent nothing: the hit itself is
      // counted by `cacheLookup`, so counting it here too would count it twice.
      if (event.cached) return;
      const { provider, model } = event;
      modelCallDuration.observe(
        { provider, model, outcome: event.outcome },
        amount(event.latencyMs) / 1000,
      );
      add(tokens, { model, direction: 'input' }, event.inputTokens);
      add(tokens, { model, direction: 'output' }, event.outputTokens);
      add(modelCost, { provider, model }, event.costUsd);
    },
    retried: (event) => retries.inc({ model: event.model, reason: event.reason }),
    fellBack: (event) => fallbacks.inc({ kind: event.kind, from: event.from, to: event.to }),
    breakerChanged(event) {
      breakerTransitions.inc({ key: event.key, to: event.to });
      const value = breakerValue(event.to);
      if (value !== undefined) breakerState.set({ key: event.key }, value);
    },
    cacheLookup: (event) => cacheLookups.inc({ result: event.hit ? 'hit' : 'miss' }),
    rejected: (event) => rejections.inc({ reason: event.reason, scope: event.scope }),
    agentTurnEnded(event) {
      agentTurns.observe(
        { agent: event.agent, outcome: event.outcome },
        amount(event.latencyMs) / 1000,
      );
      add(agentCost, { agent: event.agent }, event.costUsd);
    },
    handedOff: (event) => handoffs.inc({ from: event.from, to: event.to, kind: event.kind }),
    chunkRelayed: (latencyMs) => chunkRelay.observe(amount(latencyMs) / 1000),
  };
}
