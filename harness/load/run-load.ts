import { type Clock, realClock } from '../../src/index.js';
import type { LoadReport, LoadResults } from '../report/index.js';
import { loadSuite } from '../scenario/index.js';
import { resolveSla } from '../verdict/index.js';
import type { LoadStep } from './load-result.js';
import { loadTargetOf, probeTarget } from './load-target.js';
import { loadRequestsOf } from './request-cycle.js';
import { connectionsFor, runStep } from './run-step.js';
import { runSweep, type SweepResult, sweepRates } from './run-sweep.js';
import { sampleServer } from './sample-server.js';
import { type LoadServer, reachServer } from './server-process.js';
import { type SoakSample, summarizeSoak } from './soak-summary.js';
import { describeTarget, latencySlaOf, writeLoadRun } from './write-load-run.js';

export type { LoadServer } from './server-process.js';

export interface LoadRunOptions {
  suitePath: string;
  kind: 'step' | 'sweep' | 'soak';
  /** Open loop at this rate (step, soak)… */
  rate?: number;
  /** …or a closed loop over this many connections. */
  connections?: number;
  /** Per step; the soak's whole length. */
  durationMs: number;
  /** Per step, before measuring; absent: a default raised to twice the slowest probe answer. */
  warmupMs?: number;
  sweep?: { from: number; step: number; to: number };
  stream: boolean;
  server: LoadServer;
  /** A request without an answer after this long fails. */
  timeoutS: number;
  /** Report root: the run's folder is `<outDir>/<runId>/`. */
  outDir: string;
  clock?: Clock;
  signal?: AbortSignal;
  onProgress?: (event: LoadProgress) => void;
}

export type LoadProgress =
  | { type: 'server'; url: string; pid?: number }
  | { type: 'probe'; slowestMs: number; warmupMs: number }
  | { type: 'step-start'; rate?: number; connections: number; durationMs: number; warmupMs: number }
  | { type: 'step'; step: LoadStep; verdict?: SweepResult['steps'][number] }
  | { type: 'sample'; sample: SoakSample };

/** Warm-up before each measured window when not given, by kind (raised for slow answers). */
const DEFAULT_WARMUP_MS = { step: 5_000, sweep: 2_000, soak: 30_000 } as const;
/** Never raise the default warm-up past this. */
const MAX_AUTO_WARMUP_MS = 60_000;

/** Soak samples every 5 s, or often enough for 20 samples in a short soak (at least 1 s). */
export function soakIntervalMs(durationMs: number): number {
  return Math.min(5_000, Math.max(1_000, Math.floor(durationMs / 20 / 1000) * 1000));
}

/**
 * A whole `bench load` run: load the suite, start the server (or check the running one), run
 * one step, a sweep or a soak, stop the server, and write `load.json` and `index.html` into the
 * run's folder. Progress goes to `onProgress`; nothing is printed.
 * @throws ConfigError for a bad suite or an unreachable or refusing target, before any load.
 */
export async function runLoad(
  options: LoadRunOptions,
): Promise<{ report: LoadReport; dir: string }> {
  const clock = options.clock ?? realClock;
  const suite = await loadSuite(options.suitePath);
  const requests = loadRequestsOf(suite, { stream: options.stream });
  const slaTargets = resolveSla(suite.sla);
  const sla = latencySlaOf(suite);
  const createdAt = new Date(clock.wallNow());
  const startedMs = clock.now();
  const notes: string[] = [];
  const server = await reachServer(options.server);
  const target = loadTargetOf(server.baseUrl, server.apiKey);
  options.onProgress?.({
    type: 'server',
    url: server.baseUrl,
    ...(server.pid === undefined ? {} : { pid: server.pid }),
  });
  let steps: LoadStep[] = [];
  let sweep: SweepResult | undefined;
  let soak: LoadResults['soak'];
  try {
    const probe = await probeTarget(target, requests, options.timeoutS * 1000);
    const warmupMs =
      options.warmupMs ??
      Math.min(
        MAX_AUTO_WARMUP_MS,
        Math.max(DEFAULT_WARMUP_MS[options.kind], Math.ceil((2 * probe.slowestMs) / 1000) * 1000),
      );
    if (options.warmupMs === undefined && warmupMs > DEFAULT_WARMUP_MS[options.kind])
      notes.push(
        `warm-up raised to ${warmupMs / 1000} s: twice the slowest probe answer (${Math.round(probe.slowestMs)} ms), so the measured window starts in steady state`,
      );
    options.onProgress?.({ type: 'probe', slowestMs: probe.slowestMs, warmupMs });
    const step = async (
      rate: number | undefined,
      previous: LoadStep | undefined,
      durationMs: number,
    ) => {
      const connections =
        rate === undefined
          ? (options.connections as number)
          : connectionsFor(rate, Math.max(probe.slowestMs, previous?.latencyMs.p99 ?? 0));
      options.onProgress?.({
        type: 'step-start',
        ...(rate === undefined ? {} : { rate }),
        connections,
        durationMs,
        warmupMs,
      });
      let sampler: ReturnType<typeof sampleServer> | undefined;
      const run = runStep({
        target,
        requests,
        ...(rate === undefined ? {} : { rate }),
        connections,
        durationMs,
        warmupMs,
        stream: options.stream,
        sla: slaTargets,
        timeoutS: options.timeoutS,
        clock,
        ...(options.signal ? { signal: options.signal } : {}),
        onStart: (startMs) => {
          if (options.kind !== 'soak') return;
          sampler = sampleServer({
            metricsUrl: target.metricsUrl,
            apiKey: target.apiKey,
            intervalMs: soakIntervalMs(warmupMs + durationMs),
            startMs,
            clock,
            onSample: (sample) => options.onProgress?.({ type: 'sample', sample }),
          });
        },
      });
      // The sampler stops with the step, however the step ends.
      await run.catch(() => undefined);
      if (sampler) {
        const sampled = await sampler.stop();
        const intervalS = soakIntervalMs(warmupMs + durationMs) / 1000;
        soak = summarizeSoak(sampled.samples, {
          warmupS: warmupMs / 1000,
          intervalS,
          failedScrapes: sampled.failed,
        });
        if (sampled.lastError) soak.notes.push(`last failed scrape: ${sampled.lastError}`);
      }
      return (await run).step;
    };
    if (options.kind === 'sweep') {
      const range = options.sweep ?? { from: 50, step: 50, to: 2000 };
      ({ steps, sweep } = await runSweep({
        rates: sweepRates(range.from, range.step, range.to),
        sla: slaTargets,
        runStep: (rate, previous) => step(rate, previous, options.durationMs),
        onStep: (s, verdict) => options.onProgress?.({ type: 'step', step: s, verdict }),
        ...(options.signal ? { signal: options.signal } : {}),
      }));
    } else if (!options.signal?.aborted) {
      const one = await step(options.rate, undefined, options.durationMs);
      options.onProgress?.({ type: 'step', step: one });
      steps = [one];
    }
  } finally {
    const code = await server.stop();
    if (code !== undefined && code !== 0 && code !== null)
      notes.push(`bench serve exited with code ${code}`);
  }
  if (soak && options.server.kind === 'child' && (options.server.workers ?? 1) > 1)
    soak.notes.push(
      `the server ran ${options.server.workers} workers; /metrics aggregates the pool, so RSS and heap are the workers' sum and event-loop delay their average`,
    );
  if (options.kind === 'step' && options.stream && !steps.some((s) => s.ttftMs))
    notes.push('no streamed answer carried content: no time to first content');
  const load: LoadResults = {
    kind: options.kind,
    target: describeTarget(options.server, target.chatUrl.replace(/\/chat\/completions$/, '')),
    stream: options.stream,
    sla,
    steps,
    ...(sweep ? { sweep } : {}),
    ...(soak ? { soak } : {}),
    interrupted: options.signal?.aborted ?? false,
    notes,
  };
  return writeLoadRun({
    suite,
    load,
    createdAt,
    wallTimeMs: clock.now() - startedMs,
    outDir: options.outDir,
  });
}
