import { type Clock, type PathName, realClock } from '../../src/index.js';
import type { PathSlaTargets } from '../verdict/index.js';
import { driveAutocannon } from './drive-autocannon.js';
import type { LoadRecord } from './load-record.js';
import type { LoadStep } from './load-result.js';
import type { LoadTarget } from './load-target.js';
import { type LoadRequest, weightedCycle } from './request-cycle.js';
import { closedSchedule, openSchedule, slotsIn } from './send-schedule.js';
import { summarizeStep } from './summarize-step.js';

/** Open loop: never more connections than this, however slow the answers. */
export const MAX_CONNECTIONS = 1_000;

/**
 * Connections an open loop needs to keep its schedule: twice the requests in flight at the
 * expected latency (rate × latency, Little's law), at least 4, at most `MAX_CONNECTIONS`.
 * @example connectionsFor(200, 50) // 20
 */
export function connectionsFor(rate: number, expectedLatencyMs: number): number {
  const inFlight = rate * (expectedLatencyMs / 1000);
  return Math.min(MAX_CONNECTIONS, Math.max(4, Math.ceil(2 * inFlight)));
}

export interface StepOptions {
  target: LoadTarget;
  requests: readonly LoadRequest[];
  /** Open loop at this rate, or (absent) a closed loop over `connections`. */
  rate?: number;
  connections: number;
  durationMs: number;
  warmupMs: number;
  stream: boolean;
  sla: Readonly<Record<PathName, PathSlaTargets>>;
  /** A request without an answer after this long fails; also how long the end waits. */
  timeoutS: number;
  clock?: Clock;
  signal?: AbortSignal;
  /** Called when the first request is about to leave, with the step's start on `clock`. */
  onStart?: (startMs: number) => void;
}

export interface StepRun {
  step: LoadStep;
  records: LoadRecord[];
}

/**
 * One load step: `warmupMs` of load that is not measured, then `durationMs` that is, with the
 * suite's requests cycled in order by weight. Requests still in flight at the end are waited
 * for (up to the timeout), so every request sent is accounted for.
 */
export async function runStep(options: StepOptions): Promise<StepRun> {
  const clock = options.clock ?? realClock;
  const next = weightedCycle(
    options.requests,
    options.requests.map((r) => r.weight),
  );
  const startMs = clock.now();
  const measureFromMs = startMs + options.warmupMs;
  const endAtMs = measureFromMs + options.durationMs;
  const schedule =
    options.rate === undefined
      ? closedSchedule({ endMs: endAtMs })
      : openSchedule({ startMs, endMs: endAtMs, rate: options.rate });
  // An interrupted step is measured up to the interruption.
  let stoppedAtMs = options.signal?.aborted ? startMs : Number.POSITIVE_INFINITY;
  const onAbort = () => {
    stoppedAtMs = clock.now();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  options.onStart?.(startMs);
  const { records } = await driveAutocannon({
    url: options.target.chatUrl,
    apiKey: options.target.apiKey,
    nextRequest: next,
    connections: options.connections,
    schedule,
    endAtMs,
    drainMs: options.timeoutS * 1000,
    timeoutS: options.timeoutS,
    stream: options.stream,
    clock,
    ...(options.signal ? { signal: options.signal } : {}),
  }).finally(() => options.signal?.removeEventListener('abort', onAbort));
  const windowEndMs = Math.max(measureFromMs + 1, Math.min(endAtMs, stoppedAtMs));
  const step = summarizeStep({
    records,
    loop: options.rate === undefined ? 'closed' : 'open',
    ...(options.rate === undefined ? {} : { targetRps: options.rate }),
    connections: options.connections,
    window: { startMs: measureFromMs, endMs: windowEndMs },
    warmupMs: options.warmupMs,
    ...(options.rate === undefined
      ? {}
      : { offered: slotsIn(startMs, options.rate, measureFromMs, windowEndMs) }),
    sla: options.sla,
    stream: options.stream,
  });
  return { step, records };
}
