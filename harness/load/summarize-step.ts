import { PATH_NAMES, type PathName } from '../../src/index.js';
import type { PathSlaTargets } from '../verdict/index.js';
import {
  correctedLatencyOf,
  type LoadRecord,
  latencyOf,
  sendLagOf,
  ttftOf,
} from './load-record.js';
import type { LoadStep, LoadThreshold } from './load-result.js';
import { percentilesOf } from './percentiles.js';

export interface StepInput {
  records: readonly LoadRecord[];
  loop: 'open' | 'closed';
  /** Open loop: the offered rate. */
  targetRps?: number;
  connections: number;
  /** The measured window (monotonic ms); what came before it was warm-up. */
  window: { startMs: number; endMs: number };
  warmupMs: number;
  /** Open loop: the schedule's slots inside the window, to count those that never left. */
  offered?: number;
  sla: Readonly<Record<PathName, PathSlaTargets>>;
  stream: boolean;
}

const numbers = (records: readonly LoadRecord[], pick: (r: LoadRecord) => number | undefined) =>
  records.map(pick).filter((v): v is number => v !== undefined);

/** How many records fall under each key; undefined when none has one. */
function tally(
  records: readonly LoadRecord[],
  key: (r: LoadRecord) => string | undefined,
): Record<string, number> | undefined {
  const counts: Record<string, number> = {};
  for (const record of records) {
    const k = key(record);
    if (k !== undefined) counts[k] = (counts[k] ?? 0) + 1;
  }
  return Object.keys(counts).length > 0 ? counts : undefined;
}

/** The path whose SLA applies to an answer: the one that served it, else its label. */
function pathOf(record: LoadRecord): PathName | undefined {
  return record.servedPath ?? record.labelledPath;
}

/** k6's spelling of an SLA statistic in a threshold. */
const K6_STAT = { mean: 'avg', p50: 'p(50)', p90: 'p(90)', p95: 'p(95)', p99: 'p(99)' } as const;

/**
 * One load step from its records. Counts, percentiles and `byPath` cover the requests of the
 * measured window (by slot for the open loop, by send time for the closed one), drained to their
 * answers; latency percentiles are over 2xx answers. Throughput and goodput count the 2xx answers
 * that arrived inside the window, per second of it, so a server that falls behind shows it even
 * though every request is eventually answered. An answer meets its SLA when its latency (the
 * corrected one in an open loop: what the user waited) is under its path's latency limit.
 */
export function summarizeStep(input: StepInput): LoadStep {
  const { startMs, endMs } = input.window;
  const inWindow = (ms: number) => ms >= startMs && ms < endMs;
  const open = input.loop === 'open';
  const measured = input.records.filter((r) => inWindow(open ? r.intendedAtMs : r.sentAtMs));
  const answered = measured.filter((r) => r.outcome === 'ok');
  const userLatency = (r: LoadRecord) => (open ? correctedLatencyOf(r) : latencyOf(r));
  const strictestMs = Math.min(...PATH_NAMES.map((p) => input.sla[p].latency.maxMs));
  const metSla = (r: LoadRecord) => {
    const path = pathOf(r);
    const limit = path ? input.sla[path].latency.maxMs : strictestMs;
    return (userLatency(r) ?? Number.POSITIVE_INFINITY) < limit;
  };
  // Whole milliseconds: the window's ends are sums of floats.
  const durationS = Math.round(endMs - startMs) / 1000;
  const arrived = input.records.filter(
    (r) => r.outcome === 'ok' && r.answeredAtMs !== undefined && inWindow(r.answeredAtMs),
  );
  const byPath: NonNullable<LoadStep['byPath']> = {};
  const thresholds: LoadThreshold[] = [];
  for (const path of PATH_NAMES) {
    const records = answered.filter((r) => pathOf(r) === path);
    if (records.length === 0) continue;
    const corrected = open ? percentilesOf(numbers(records, correctedLatencyOf)) : undefined;
    const latencyMs = percentilesOf(numbers(records, latencyOf));
    byPath[path] = {
      ok: records.length,
      latencyMs,
      costUsd: records.reduce((sum, r) => sum + (r.costUsd ?? 0), 0),
      ...(corrected ? { correctedLatencyMs: corrected } : {}),
    };
    const { stat, maxMs } = input.sla[path].latency;
    const value = (corrected ?? latencyMs)[stat];
    thresholds.push({
      metric: `${open ? 'corrected_latency_ms' : 'latency_ms'}{path:${path}}`,
      expression: `${K6_STAT[stat]}<${maxMs}`,
      ok: value < maxMs,
    });
  }
  const ttfts = input.stream ? numbers(answered, ttftOf) : [];
  const non2xxByStatus = tally(measured, (r) =>
    r.outcome === 'non2xx' ? String(r.status ?? 'unknown') : undefined,
  );
  const errorsByReason = tally(measured, (r) =>
    r.outcome === 'error' ? (r.error ?? 'unknown') : undefined,
  );
  return {
    engine: 'autocannon',
    loop: input.loop,
    ...(input.targetRps === undefined ? {} : { targetRps: input.targetRps }),
    connections: input.connections,
    durationS,
    ...(input.warmupMs > 0 ? { warmupS: input.warmupMs / 1000 } : {}),
    sent: measured.length,
    ok: answered.length,
    non2xx: measured.filter((r) => r.outcome === 'non2xx').length,
    errors: measured.filter((r) => r.outcome === 'error').length,
    ...(non2xxByStatus ? { non2xxByStatus } : {}),
    ...(errorsByReason ? { errorsByReason } : {}),
    ...(input.offered === undefined
      ? {}
      : { dropped: Math.max(0, input.offered - measured.length) }),
    throughputRps: arrived.length / durationS,
    goodputRps: arrived.filter(metSla).length / durationS,
    latencyMs: percentilesOf(numbers(answered, latencyOf)),
    ...(open
      ? {
          correctedLatencyMs: percentilesOf(numbers(answered, correctedLatencyOf)),
          sendLagMs: percentilesOf(measured.map(sendLagOf)),
        }
      : {}),
    ...(ttfts.length > 0 ? { ttftMs: percentilesOf(ttfts) } : {}),
    byPath,
    thresholds,
  };
}
