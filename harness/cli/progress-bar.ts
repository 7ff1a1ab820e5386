import { type Mode, PATH_NAMES, type PathName } from '../../src/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { formatMs } from '../report/index.js';
import { quantile } from '../stats/statistics.js';
import type { PathSlaTargets } from '../verdict/index.js';

export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
  records: readonly RequestRecord[];
  gatingMode: Mode;
  sla: Readonly<Record<PathName, PathSlaTargets>>;
}

const WIDTH = 24;

/** ✓ or ✗ per path for the gating mode, on what has finished so far (a running view, not the verdict). */
export function runningSla(state: ProgressState): string {
  const parts: string[] = [];
  for (const path of PATH_NAMES) {
    const records = state.records.filter(
      (r) => r.mode === state.gatingMode && r.expectedPath === path,
    );
    if (records.length === 0) continue;
    const targets = state.sla[path];
    const p95 = quantile(
      records.map((r) => r.latencyMs),
      0.95,
    );
    const meanCost = records.reduce((s, r) => s + r.costUsd, 0) / records.length;
    const success = records.filter((r) => r.success).length / records.length;
    const ok =
      p95 < targets.latency.maxMs &&
      meanCost < targets.cost.maxUsd &&
      success >= targets.success.minRate;
    parts.push(`${path} ${ok ? '✓' : '✗'}`);
  }
  return parts.join(' ');
}

/**
 * One progress line: bar, count, rate, ETA and the running SLA status of the gating mode.
 * Pure, so it can be tested; the caller redraws it on a TTY.
 */
export function renderProgress(state: ProgressState): string {
  const ratio = state.total === 0 ? 1 : state.done / state.total;
  const filled = Math.round(ratio * WIDTH);
  const bar = `${'='.repeat(Math.max(0, filled - 1))}${filled > 0 && filled < WIDTH ? '>' : filled === WIDTH ? '=' : ''}${' '.repeat(WIDTH - filled)}`;
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? state.done / seconds : 0;
  const etaMs = rate > 0 ? ((state.total - state.done) / rate) * 1000 : Number.NaN;
  const eta = Number.isFinite(etaMs) ? formatMs(etaMs) : '–';
  const sla = runningSla(state);
  return `[${bar}] ${state.done}/${state.total}  ${rate.toFixed(1)} req/s  ETA ${eta}${sla ? `  ${state.gatingMode}: ${sla}` : ''}`;
}
