import autocannon from 'autocannon';
import { createSupportDemo, resolveConfig } from '../../src/index.js';
import { startServerProcess } from '../load/server-process.js';
import { describe } from '../stats/index.js';
import { startChildService } from './child-service.js';
import { type HttpTarget, type PacedResult, sendPaced } from './paced-requests.js';

const PROXY_PROCESS = new URL('./proxy-process.ts', import.meta.url).pathname;
const QUESTION = 'How long does standard shipping take?';

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
  /** Called with a line of progress (stderr in the CLI). */
  progress?: (line: string) => void;
}

export interface ServerFigures {
  /** Closed loop: answers per second at `connections`, median over rounds. */
  maxRps: number;
  /** Open loop at `rate`: send to last byte, all rounds pooled. */
  latencyMs: { p50: number; p99: number };
  /** Streamed at `rate`: send to first event. */
  ttftMs: { p50: number; p99: number };
  failed: number;
}

export interface ServerOverheadResult {
  throughputRatio: number;
  addedLatencyMs: { p50: number; p99: number };
  addedTtftMs: { p50: number; p99: number };
  rate: number;
  workers: number;
  proxy: ServerFigures;
  bridge: ServerFigures;
  /** The mock alone, closed loop: the ceiling both servers sit under. */
  mockMaxRps: number;
}

interface Side {
  name: 'proxy' | 'bridge';
  plain: HttpTarget;
  streamed: HttpTarget;
  rps: number[];
  paced: PacedResult[];
  streams: PacedResult[];
}

async function closedLoopRps(target: HttpTarget, connections: number, durationS: number) {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections,
    duration: durationS,
  });
  return result.requests.total / durationS;
}

const median = (values: number[]) => describe(values)?.p50 ?? Number.NaN;

function figures(side: Side): ServerFigures {
  const pooled = (runs: PacedResult[], pick: (run: PacedResult) => number[]) =>
    describe(runs.flatMap(pick));
  const latency = pooled(side.paced, (run) => run.latencyMs);
  const ttft = pooled(side.streams, (run) => run.firstByteMs);
  return {
    maxRps: median(side.rps),
    latencyMs: { p50: latency?.p50 ?? Number.NaN, p99: latency?.p99 ?? Number.NaN },
    ttftMs: { p50: ttft?.p50 ?? Number.NaN, p99: ttft?.p99 ?? Number.NaN },
    failed: [...side.paced, ...side.streams].reduce((n, run) => n + run.failed, 0),
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
  try {
    const bridge = await startServerProcess({
      latency: 'zero',
      seed: 42,
      cache: false,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    });
    children.push(bridge);
    const urls = bridge.mock;
    const proxy = await startChildService(
      process.execPath,
      ['--import', 'tsx', PROXY_PROCESS, urls.origin],
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
    const viaBridge = (stream: boolean) =>
      JSON.stringify({
        model: 'hybrid-bench-simple',
        messages: [{ role: 'user', content: QUESTION }],
        stream,
      });
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const target = (base: string, body: string): HttpTarget => ({
      url: `${base}/chat/completions`,
      headers,
      body,
    });
    const sides: Side[] = [
      {
        name: 'proxy',
        // The bridge streams from its backend; the proxy's client does the same, for equal mock work.
        plain: target(`${proxy.firstLine}/v1`, direct(true)),
        streamed: target(`${proxy.firstLine}/v1`, direct(true)),
        rps: [],
        paced: [],
        streams: [],
      },
      {
        name: 'bridge',
        plain: target(bridge.baseUrl, viaBridge(false)),
        streamed: target(bridge.baseUrl, viaBridge(true)),
        rps: [],
        paced: [],
        streams: [],
      },
    ];
    const durationMs = options.durationS * 1000;
    for (const side of sides) {
      // Flat out for a while: the JIT settles before anything is measured (a first closed-loop
      // round otherwise reads half of the second).
      say(`warming up ${side.name}`);
      await closedLoopRps(side.plain, options.connections, Math.max(3, options.durationS));
      await closedLoopRps(side.streamed, options.connections, 2);
    }
    const mockRps = await closedLoopRps(
      target(urls.openai, direct(true)),
      options.connections,
      options.durationS,
    );
    say(`mock alone: ${mockRps.toFixed(0)} requests/s`);
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        side.rps.push(await closedLoopRps(side.plain, options.connections, options.durationS));
        side.paced.push(await sendPaced(side.plain, { rate: options.rate, durationMs }));
        side.streams.push(await sendPaced(side.streamed, { rate: options.rate, durationMs }));
        say(
          `round ${round + 1}/${options.rounds} ${side.name}: ${side.rps.at(-1)?.toFixed(0)} requests/s closed loop`,
        );
      }
    }
    const [p, b] = sides.map(figures) as [ServerFigures, ServerFigures];
    return {
      throughputRatio: b.maxRps / p.maxRps,
      addedLatencyMs: {
        p50: b.latencyMs.p50 - p.latencyMs.p50,
        p99: b.latencyMs.p99 - p.latencyMs.p99,
      },
      addedTtftMs: { p50: b.ttftMs.p50 - p.ttftMs.p50, p99: b.ttftMs.p99 - p.ttftMs.p99 },
      rate: options.rate,
      workers: options.workers ?? 1,
      proxy: p,
      bridge: b,
      mockMaxRps: mockRps,
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}
