import type { Bridge, BridgeResult, Clock, Mode } from '../../src/index.js';
import {
  type RequestRecord,
  toAttemptSummaries,
  toCallRecords,
} from '../metrics/request-record.js';
import type { Suite } from '../scenario/index.js';
import { arrivalSchedule } from './arrival-schedule.js';
import { checkExpectations } from './check-expectations.js';
import { type Job, planJobs } from './plan.js';
import { runPool } from './pool.js';

export interface RunSuiteOptions {
  suite: Suite;
  /** One bridge per mode, so side effects (refunds, tickets) of one mode never leak into the other. */
  bridges: Partial<Record<Mode, Bridge>>;
  modes: readonly Mode[];
  seed: number;
  concurrency: number;
  requests?: number;
  repetitions?: number;
  /** Safety net per request; the bridge's own deadlines normally end a request first. */
  requestTimeoutMs: number;
  /** Recorded traffic: replay arrival times this many times faster (default 1). */
  speed?: number;
  /**
   * Open-model load: the n-th request (drawn from the suite by weight) starts at `arrivalsMs[n]`
   * ms, whatever is still in flight; `requests` and `concurrency` are then not used.
   */
  arrivalsMs?: readonly number[];
  clock: Clock;
  signal?: AbortSignal;
  /** Called as each request finishes (for progress). */
  onRecord?: (record: RequestRecord, done: number, total: number) => void;
}

export interface SuiteRun {
  records: RequestRecord[];
  jobs: number;
  /** Requests handed to the bridge. */
  started: number;
  /** Requests cut short by an interruption, left out of `records`. */
  droppedByInterruption: number;
  wallTimeMs: number;
  interrupted: boolean;
}

/**
 * Replays a suite against the bridge in every requested mode and returns one record per
 * request. Expected failures (errors, timeouts) are records, not exceptions.
 */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteRun> {
  const arrivals = options.arrivalsMs;
  const requests = arrivals ? arrivals.length : options.requests;
  const jobs = planJobs(options.suite, {
    modes: options.modes,
    seed: options.seed,
    ...(requests === undefined ? {} : { requests }),
    ...(options.repetitions === undefined ? {} : { repetitions: options.repetitions }),
  });
  const startedMs = options.clock.now();
  let done = 0;
  let started = 0;
  const work = async (job: Job) => {
    started++;
    const record = await runJob(job, options);
    options.onRecord?.(record, ++done, jobs.length);
    return record;
  };
  // Open loop: an arrival-rate load, or recorded traffic's own arrival times; otherwise the
  // requests run at the concurrency (closed loop).
  const dueMs = arrivals
    ? openLoadDue(arrivals, options.modes.length)
    : options.requests === undefined
      ? recordedDue(options.suite.requests, options.speed ?? 1)
      : undefined;
  const results = dueMs
    ? await runOnSchedule(jobs, dueMs, work, options)
    : await runPool(jobs, options.concurrency, work, options.signal);
  const interrupted = options.signal?.aborted ?? false;
  const finished = results.filter((r): r is RequestRecord => r !== undefined);
  // Requests cut short by the interruption say nothing about the system: keep completed ones only.
  const records = finished.filter((r) => !(interrupted && r.error?.code === 'aborted'));
  return {
    records,
    jobs: jobs.length,
    started,
    droppedByInterruption: finished.length - records.length,
    wallTimeMs: options.clock.now() - startedMs,
    interrupted,
  };
}

type DueMs = (job: Job, index: number) => number;

/** Both modes of the n-th pair start at the n-th arrival. */
function openLoadDue(arrivalsMs: readonly number[], modes: number): DueMs {
  return (_, index) => arrivalsMs[Math.floor(index / modes)] ?? 0;
}

/** Each request at its recorded offset, plus one recording's span per repetition. */
function recordedDue(requests: Suite['requests'], speed: number): DueMs | undefined {
  const offsets = arrivalSchedule(requests, { speed });
  if (!offsets) return undefined;
  const offsetOf = new Map(requests.map((r, i) => [r.id, offsets[i] ?? 0]));
  const spanMs = offsets.reduce((max, ms) => Math.max(max, ms), 0) + 1;
  return (job) => (offsetOf.get(job.request.id) ?? 0) + job.repetition * spanMs;
}

/**
 * Starts each job when it is due, without a concurrency cap: the arrival process decides the
 * load, as in production (a slow system gets more requests in flight, not fewer arrivals).
 */
async function runOnSchedule(
  jobs: readonly Job[],
  dueMs: DueMs,
  work: (job: Job) => Promise<RequestRecord>,
  options: RunSuiteOptions,
): Promise<Array<RequestRecord | undefined>> {
  const startMs = options.clock.now();
  return Promise.all(
    jobs.map(async (job, index) => {
      try {
        await options.clock.sleep(
          startMs + dueMs(job, index) - options.clock.now(),
          options.signal,
        );
      } catch {
        return undefined;
      }
      return work(job);
    }),
  );
}

async function runJob(job: Job, options: RunSuiteOptions): Promise<RequestRecord> {
  const bridge = options.bridges[job.mode];
  if (!bridge) throw new Error(`No bridge for mode ${job.mode}`);
  const timeout = AbortSignal.timeout(options.requestTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const startedAt = new Date(options.clock.wallNow()).toISOString();
  const { request } = job;
  const result = await bridge.run(
    {
      messages: request.messages,
      // Every production request has a user: a scenario without one gets its own, so per-user
      // limits and budgets apply per simulated customer rather than to one shared "anonymous".
      userId: request.userId ?? `bench:${job.pairId}`,
      ...(request.metadata.path === undefined ? {} : { metadata: { path: request.metadata.path } }),
    },
    { mode: job.mode, requestId: job.pairId, signal },
  );
  return toRecord(job, result, startedAt);
}

function toRecord(job: Job, result: BridgeResult, startedAt: string): RequestRecord {
  const assertions = checkExpectations(result, job.request.expect);
  return {
    id: job.pairId,
    scenarioId: job.request.id,
    repetition: job.repetition,
    mode: job.mode,
    expectedPath: job.request.expect.path,
    pathSource: job.request.expect.pathSource,
    ...(result.route ? { routedPath: result.route.path, routeReason: result.route.reason } : {}),
    ...(result.route?.rule ? { routeRule: result.route.rule } : {}),
    servedBy: result.servedBy,
    degradedFrom: result.degradedFrom,
    ...(result.experimentArm === undefined ? {} : { experimentArm: result.experimentArm }),
    ...(result.rejected
      ? { rejected: { reason: result.rejected.reason, scope: result.rejected.scope } }
      : {}),
    state: result.state,
    success: result.state === 'ok' && assertions.every((a) => a.pass),
    outcome: result.state === 'error' ? 'failed' : result.escalated ? 'escalated' : 'resolved',
    assertions,
    startedAt,
    latencyMs: result.latencyMs,
    ...(result.ttftMs === undefined ? {} : { ttftMs: result.ttftMs }),
    costUsd: result.costUsd,
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    calls: toCallRecords(result),
    attempts: toAttemptSummaries(result),
    reliability: result.reliability,
    toolsCalled: result.toolRuns.map((t) => t.name),
    agents: result.agents,
    handoffs: result.handoffs.map(({ from, to, reason, kind }) => ({
      from,
      to,
      reason,
      ...(kind === undefined || kind === 'agent' ? {} : { kind }),
    })),
    agentTurns: result.turns,
    ...(result.error ? { error: { code: result.error.code, message: result.error.message } } : {}),
    text: result.text,
  };
}
