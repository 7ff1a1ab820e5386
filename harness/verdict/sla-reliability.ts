import { type Mode, PATH_NAMES, type PathName } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { goodput, groupByModeAndPath, groupKey, passHatK } from '../stats/index.js';
import type { PathSlaTargets } from './sla.js';

/** pass^k is reported for k = 1 … min(trials per scenario, this). */
export const MAX_PASS_K = 8;

export interface PassKPoint {
  k: number;
  /** All k trials succeeded (completed, every assertion passed). */
  value: number;
  /** All k trials succeeded and each met the path's latency and cost ceilings. */
  underSla: number;
  /** Scenarios with at least k trials, the ones counted. */
  scenarios: number;
}

/** How consistently one mode handles the scenarios of one path when it sees them repeatedly. */
export interface PassKSummary {
  mode: Mode;
  path: PathName;
  /** Fewest and most trials any scenario of the path had. */
  trials: { min: number; max: number };
  points: PassKPoint[];
}

export interface GoodputSummary {
  mode: Mode;
  requests: number;
  /** Succeeded and stayed under their path's latency and cost ceilings. */
  metSla: number;
  requestsPerSecond: number;
  goodRequestsPerSecond: number;
  durationSeconds: number;
}

/**
 * Whether one request met its path's SLA on its own: it succeeded, and its latency and cost are
 * under the path's ceilings. The ceilings are the SLA's limits (written for p95/mean), applied to
 * the single request: a request over the p95 ceiling is one the SLA allows only rarely.
 */
export function metSla(record: RequestRecord, targets: Record<PathName, PathSlaTargets>): boolean {
  const t = targets[record.expectedPath];
  return record.success && record.latencyMs < t.latency.maxMs && record.costUsd < t.cost.maxUsd;
}

/**
 * τ-bench pass^k per mode and path, plain and under SLA, over the scenarios' repetitions (a
 * scenario is a task; its trials are its repetitions). With one repetition only k = 1 exists,
 * which is the success rate.
 */
export function summarizePassK(
  records: readonly RequestRecord[],
  targets: Record<PathName, PathSlaTargets>,
): PassKSummary[] {
  const summaries: PassKSummary[] = [];
  const groups = groupByModeAndPath(records);
  for (const mode of ['agno-only', 'hybrid'] as const) {
    for (const path of PATH_NAMES) {
      const tasks = new Map<string, { n: number; c: number; cSla: number }>();
      for (const r of groups.get(groupKey(mode, path)) ?? []) {
        const task = tasks.get(r.scenarioId) ?? { n: 0, c: 0, cSla: 0 };
        task.n++;
        if (r.success) task.c++;
        if (metSla(r, targets)) task.cSla++;
        tasks.set(r.scenarioId, task);
      }
      if (tasks.size === 0) continue;
      const counts = [...tasks.values()].map((t) => t.n);
      const trials = {
        min: counts.reduce((m, n) => Math.min(m, n), Infinity),
        max: counts.reduce((m, n) => Math.max(m, n), 0),
      };
      const plain = [...tasks].map(([id, t]) => ({ id, n: t.n, c: t.c }));
      const underSla = [...tasks].map(([id, t]) => ({ id, n: t.n, c: t.cSla }));
      const points: PassKPoint[] = [];
      for (let k = 1; k <= Math.min(trials.max, MAX_PASS_K); k++) {
        const p = passHatK(plain, k);
        points.push({
          k,
          value: p.value,
          underSla: passHatK(underSla, k).value,
          scenarios: p.tasks,
        });
      }
      summaries.push({ mode, path, trials, points });
    }
  }
  return summaries;
}

/**
 * Goodput per mode: requests per second that met their SLA, over the span from the mode's first
 * start to its last end. In `--mode both` the two modes share the machine, so compare their
 * goodput with each other, not with a single-mode run.
 */
export function summarizeGoodput(
  records: readonly RequestRecord[],
  targets: Record<PathName, PathSlaTargets>,
): GoodputSummary[] {
  const summaries: GoodputSummary[] = [];
  for (const mode of ['agno-only', 'hybrid'] as const) {
    const timed = records
      .filter((r) => r.mode === mode)
      .map((r) => {
        const startedAtMs = Date.parse(r.startedAt);
        return { startedAtMs, endedAtMs: startedAtMs + r.latencyMs, metSla: metSla(r, targets) };
      });
    if (timed.length === 0) continue;
    const first = timed.reduce((m, t) => Math.min(m, t.startedAtMs), Infinity);
    const last = timed.reduce((m, t) => Math.max(m, t.endedAtMs), -Infinity);
    if (last <= first) continue; // a zero-length span has no rate
    const g = goodput(timed);
    summaries.push({
      mode,
      requests: timed.length,
      metSla: timed.filter((t) => t.metSla).length,
      ...g,
    });
  }
  return summaries;
}
