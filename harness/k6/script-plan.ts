import { PATH_NAMES, type PathName } from '../../src/index.js';
import type { LoadProfile, ScenarioMessage, Suite } from '../scenario/index.js';
import { type PathSlaTargets, resolveSla } from '../verdict/index.js';
import { type K6ScenarioPlan, k6Scenario, type LatencyBudget } from './k6-scenario.js';
import { slaThresholds } from './sla-thresholds.js';

export interface K6ScriptOptions {
  /** The bridge's OpenAI-compatible base URL, e.g. `http://127.0.0.1:8080/v1`; HB_BASE_URL wins at run time. */
  baseUrl: string;
  stream: boolean;
  /** Requests per second; with `durationMs`, replaces the suite's `load`. */
  rate?: number;
  durationMs?: number;
}

/** Load when neither the flags nor the suite give one. */
export const K6_DEFAULT_LOAD = { rate: 10, durationMs: 120_000 } as const;

export interface K6ScriptRequest {
  id: string;
  /** The suite's label, sent as `x-bench-path` and used as the `path` tag. */
  path: PathName;
  weight: number;
  messages: ScenarioMessage[];
}

/** Everything a generated script states, worked out from a suite and the flags. */
export interface K6ScriptPlan {
  source: { file: string; name: string; version: string };
  baseUrl: string;
  stream: boolean;
  requests: K6ScriptRequest[];
  /** Per path, the SLA ceilings one request is held to for goodput. */
  ceilings: Record<PathName, { latencyMs: number; costUsd: number }>;
  thresholds: Record<string, string[]>;
  load: K6ScenarioPlan;
  budget: LatencyBudget;
}

function loadOf(suite: Suite, options: K6ScriptOptions): LoadProfile {
  if (options.rate === undefined && options.durationMs === undefined && suite.load)
    return suite.load;
  return {
    model: 'open',
    executor: 'constant-arrival-rate',
    rate: options.rate ?? K6_DEFAULT_LOAD.rate,
    timeUnitMs: 1000,
    durationMs: options.durationMs ?? K6_DEFAULT_LOAD.durationMs,
  };
}

function budgetOf(
  requests: K6ScriptRequest[],
  sla: Record<PathName, PathSlaTargets>,
): LatencyBudget {
  const weight = requests.reduce((sum, r) => sum + r.weight, 0);
  const typicalMs =
    requests.reduce((sum, r) => sum + r.weight * sla[r.path].latency.maxMs, 0) / weight;
  const slowestMs = Math.max(...requests.map((r) => sla[r.path].latency.maxMs));
  return { typicalMs, slowestMs, timeoutMs: Math.max(60_000, 2 * slowestMs) };
}

/** Works out the script for a suite: its request mix, SLA thresholds and load scenario. */
export function planK6Script(suite: Suite, options: K6ScriptOptions): K6ScriptPlan {
  const requests = suite.requests.map((r) => ({
    id: r.id,
    path: r.expect.path,
    weight: r.weight,
    messages: r.messages,
  }));
  const sla = resolveSla(suite.sla);
  const paths = PATH_NAMES.filter((p) => requests.some((r) => r.path === p));
  const budget = budgetOf(requests, sla);
  const ceilings = Object.fromEntries(
    PATH_NAMES.map((p) => [p, { latencyMs: sla[p].latency.maxMs, costUsd: sla[p].cost.maxUsd }]),
  ) as K6ScriptPlan['ceilings'];
  return {
    source: { file: suite.file, name: suite.name, version: suite.version },
    baseUrl: options.baseUrl,
    stream: options.stream,
    requests,
    ceilings,
    thresholds: slaThresholds(paths, sla),
    load: k6Scenario(loadOf(suite, options), budget),
    budget,
  };
}
