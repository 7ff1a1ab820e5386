import { join } from 'node:path';
import { createSupportDemo, resolveConfig } from '../../src/index.js';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import type { LoadStep } from '../load/load-result.js';
import { type LoadTarget, loadTargetOf } from '../load/load-target.js';
import type { LoadRequest } from '../load/request-cycle.js';
import { connectionsFor, runStep } from '../load/run-step.js';
import { readMetrics } from '../load/sample-server.js';
import { startServerProcess } from '../load/server-process.js';
import { describe } from '../stats/index.js';
import { resolveSla } from '../verdict/index.js';
import { startChildService } from './child-service.js';
import { type ChunkRelayFigures, chunkRelayBetween, relayBuckets } from './chunk-relay.js';
import { type CpuPlan, onCpus, pinThisProcess } from './cpu-pinning.js';
import { cpuSince } from './process-cpu.js';

// Its TypeScript source, run through tsx whether this harness runs from source or compiled.
const PROXY_PROCESS = join(PACKAGE_ROOT, 'harness/perf/proxy-process.ts');
const QUESTION = 'How long does standard shipping take?';

/** The bridge's simple path, forced, asked the question. */
const viaBridge = (stream: boolean) =>
  JSON.stringify({
    model: 'hybrid-bench-simple',
    messages: [{ role: 'user', content: QUESTION }],
    stream,
  });
const one = (body: string): LoadRequest[] => [{ id: 'faq', body, weight: 1 }];

export interface ServerOverheadOptions {
  /** The fixed rate at which added latency is measured. */
  rate: number;
  /** Seconds per measurement (each round measures each server once closed and once paced). */
  durationS: number;
  /** Connections of the closed-loop throughput runs. */
  connections: number;
  rounds: number;
  /** Processes of the bridge server (`bench serve --workers`). */
  workers?: number;
  /**
   * Streams per second of the paced-stream step (a mock with modelled latency, one chunk per
   * token or so), where the bridge's own histogram times each chunk's way through it. 0: skip.
   */
  pacedRate?: number;
  /**
   * The server under test (bridge or proxy) on `cpus.server`, the mock and the load (this
   * process) on `cpus.others`: the server's own tail, not a scheduler sharing a core.
   */
  cpus?: CpuPlan;
  /** Called with a line of progress (stderr in the CLI). */
  progress?: (line: string) => void;
}

export interface ServerFigures {
  /** Closed loop: answers per second at `connections`, median over rounds. */
  maxRps: number;
  /** Open loop at `rate`: send to last byte, the median of the rounds' percentiles. */
  latencyMs: { p50: number; p99: number };
  /** Streamed at `rate`: send to the first content, the median of the rounds' percentiles. */
  ttftMs: { p50: number; p99: number };
  /**
   * CPU (user + system) the server's processes spent per request at `rate`, median over rounds;
   * absent where /proc cannot be read.
   */
  cpuMsPerRequest?: number;
  failed: number;
}

export interface ServerOverheadResult {
  throughputRatio: number;
  /** The bridge's CPU per request over the proxy's, at `rate` (where both could be read). */
  cpuRatio?: number;
  addedLatencyMs: { p50: number; p99: number };
  addedTtftMs: { p50: number; p99: number };
  rate: number;
  workers: number;
  /** Where the processes ran, when they were pinned. */
  cpus?: CpuPlan;
  proxy: ServerFigures;
  bridge: ServerFigures;
  /** The mock alone, closed loop: the ceiling both servers sit under. */
  mockMaxRps: number;
  /**
   * Paced streams (modelled latency) through the bridge: each chunk's wait in the server, from
   * its text reaching the answer stream to the write, as the server's own histogram has it.
   */
  chunkRelay?: ChunkRelayFigures & { rate: number };
}

/** The target a streamed chunk's wait in the server is held to. */
export const CHUNK_RELAY_LIMIT_MS = 0.1;

interface Side {
  name: 'proxy' | 'bridge';
  target: LoadTarget;
  /** The server's process (the primary, with --workers). */
  pid: number;
  plain: LoadRequest[];
  streamed: LoadRequest[];
  rps: number[];
  paced: LoadStep[];
  cpuMs: number[];
  streams: LoadStep[];
}

/** The default SLAs: only goodput reads them, and nothing here reports goodput. */
const SLA = resolveSla();

/** One measured step of the load runs' own driver (autocannon on a harness-kept schedule). */
async function step(
  target: LoadTarget,
  requests: LoadRequest[],
  load: { rate: number } | { connections: number },
  durationS: number,
  stream: boolean,
): Promise<LoadStep> {
  const run = await runStep({
    target,
    requests,
    ...('rate' in load
      ? { rate: load.rate, connections: connectionsFor(load.rate, 50) }
      : { connections: load.connections }),
    durationMs: durationS * 1000,
    warmupMs: 0,
    stream,
    sla: SLA,
    timeoutS: 30,
  });
  return run.step;
}

const median = (values: number[]) => describe(values)?.p50 ?? Number.NaN;

function figures(side: Side): ServerFigures {
  const cpuMs = side.cpuMs.length > 0 ? median(side.cpuMs) : undefined;
  const percentiles = (
    steps: LoadStep[],
    pick: (s: LoadStep) => LoadStep['latencyMs'] | undefined,
  ) => ({
    p50: median(steps.map((s) => pick(s)?.p50 ?? Number.NaN)),
    p99: median(steps.map((s) => pick(s)?.p99 ?? Number.NaN)),
  });
  return {
    maxRps: median(side.rps),
    latencyMs: percentiles(side.paced, (s) => s.latencyMs),
    ttftMs: percentiles(side.streams, (s) => s.ttftMs),
    ...(cpuMs === undefined ? {} : { cpuMsPerRequest: cpuMs }),
    failed: [...side.paced, ...side.streams].reduce((n, s) => n + s.non2xx + s.errors, 0),
  };
}

/**
 * `bench overhead`: the same load through a bare pass-through proxy and through the bridge
 * server, both in front of one zero-latency mock server, each in a process of its own. Rounds
 * alternate the two, so drift on a noisy machine falls on both; figures are ratios and
 * differences within this one run.
 */
export async function measureServerOverhead(
  options: ServerOverheadOptions,
): Promise<ServerOverheadResult> {
  const say = options.progress ?? (() => {});
  const children: Array<{ stop(): Promise<unknown> }> = [];
  const { cpus } = options;
  const unpin = cpus ? pinThisProcess(cpus.others) : () => undefined;
  try {
    const bridge = await startServerProcess({
      latency: 'zero',
      seed: 42,
      cache: false,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(cpus ? { cpus } : {}),
    });
    children.push(bridge);
    const urls = bridge.mock;
    const proxy = await startChildService(
      ...onCpus(cpus?.server, process.execPath, ['--import', 'tsx', PROXY_PROCESS, urls.origin]),
      { name: 'the pass-through proxy' },
    );
    children.push(proxy);
    const key = bridge.apiKey;

    // What the bridge's simple path sends the mock, sent by the client itself through the proxy.
    const config = resolveConfig({});
    const { prototype } = createSupportDemo();
    const direct = (stream: boolean) =>
      JSON.stringify({
        model: config.paths.simple.model,
        messages: [
          { role: 'system', content: prototype.instructions },
          { role: 'user', content: QUESTION },
        ],
        max_completion_tokens: config.paths.simple.maxOutputTokens,
        stream,
        ...(stream ? { stream_options: { include_usage: true } } : {}),
      });
    const closed = { connections: options.connections };
    const paced = { rate: options.rate };
    const sides: Side[] = [
      {
        name: 'proxy',
        target: loadTargetOf(`${proxy.firstLine}/v1`, key),
        pid: proxy.pid,
        // The bridge streams from its backend; the proxy's client does the same, for equal mock work.
        plain: one(direct(true)),
        streamed: one(direct(true)),
        rps: [],
        paced: [],
        cpuMs: [],
        streams: [],
      },
      {
        name: 'bridge',
        target: loadTargetOf(bridge.baseUrl, key),
        pid: bridge.pid,
        plain: one(viaBridge(false)),
        streamed: one(viaBridge(true)),
        rps: [],
        paced: [],
        cpuMs: [],
        streams: [],
      },
    ];
    for (const side of sides) {
      // Flat out for a while: the JIT settles before anything is measured (a first closed-loop
      // round otherwise reads half of the second).
      say(`warming up ${side.name}`);
      await step(side.target, side.plain, closed, Math.max(3, options.durationS), false);
      await step(side.target, side.streamed, closed, 2, true);
    }
    const mock = await step(
      loadTargetOf(urls.openai, key),
      one(direct(true)),
      closed,
      options.durationS,
      false,
    );
    const mockRps = mock.throughputRps;
    say(`mock alone: ${mockRps.toFixed(0)} requests/s`);
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const flatOut = await step(side.target, side.plain, closed, options.durationS, false);
        side.rps.push(flatOut.throughputRps);
        const cpu = cpuSince(side.pid);
        const atRate = await step(side.target, side.plain, paced, options.durationS, false);
        const cpuMs = cpu(atRate.sent);
        side.paced.push(atRate);
        if (cpuMs !== undefined) side.cpuMs.push(cpuMs);
        side.streams.push(await step(side.target, side.streamed, paced, options.durationS, true));
        say(
          `round ${round + 1}/${options.rounds} ${side.name}: ${side.rps.at(-1)?.toFixed(0)} requests/s closed loop`,
        );
      }
    }
    await bridge.stop();
    children.splice(children.indexOf(bridge), 1);
    const pacedRate = options.pacedRate ?? 20;
    const chunkRelay =
      pacedRate > 0
        ? { ...(await measureChunkRelay(pacedRate, options.durationS, say, cpus)), rate: pacedRate }
        : undefined;
    const [p, b] = sides.map(figures) as [ServerFigures, ServerFigures];
    return {
      throughputRatio: b.maxRps / p.maxRps,
      ...(p.cpuMsPerRequest && b.cpuMsPerRequest
        ? { cpuRatio: b.cpuMsPerRequest / p.cpuMsPerRequest }
        : {}),
      addedLatencyMs: {
        p50: b.latencyMs.p50 - p.latencyMs.p50,
        p99: b.latencyMs.p99 - p.latencyMs.p99,
      },
      addedTtftMs: { p50: b.ttftMs.p50 - p.ttftMs.p50, p99: b.ttftMs.p99 - p.ttftMs.p99 },
      rate: options.rate,
      workers: options.workers ?? 1,
      ...(cpus ? { cpus } : {}),
      proxy: p,
      bridge: b,
      mockMaxRps: mockRps,
      ...(chunkRelay ? { chunkRelay } : {}),
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    unpin();
  }
}

/**
 * Streams answers at `rate` through a bridge in front of a mock with modelled latency (so tokens
 * come one or a few per chunk, as from a real model) and reads, from the bridge's own
 * `/metrics` before and after, how long each chunk waited in the server.
 */
async function measureChunkRelay(
  rate: number,
  durationS: number,
  say: (line: string) => void,
  cpus: CpuPlan | undefined,
): Promise<ChunkRelayFigures> {
  const server = await startServerProcess({
    latency: 'realistic',
    seed: 42,
    cache: false,
    ...(cpus ? { cpus } : {}),
  });
  try {
    const target = loadTargetOf(server.baseUrl, server.apiKey);
    const scrape = async () =>
      relayBuckets(await readMetrics(target.metricsUrl, target.apiKey, 10_000));
    const streamed = one(viaBridge(true));
    say(`paced streams: ${rate} per second through a bridge on a modelled-latency mock`);
    await step(target, streamed, { rate }, 3, true);
    const before = await scrape();
    const measured = await step(target, streamed, { rate }, durationS, true);
    const figures = chunkRelayBetween(before, await scrape(), CHUNK_RELAY_LIMIT_MS);
    const failed = measured.non2xx + measured.errors;
    if (failed > 0) say(`paced streams: ${failed} of ${measured.sent} failed`);
    return figures;
  } finally {
    await server.stop();
  }
}
