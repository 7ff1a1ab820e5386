import { createBridge, createSupportDemo, type ModelRequest, realClock } from '../../src/index.js';
import { startMockBackend } from '../backends/index.js';
import { runSuite } from '../runner/run-suite.js';
import type { Suite } from '../scenario/index.js';
import { describe } from '../stats/index.js';

export interface OverheadResult {
  iterations: number;
  /** Median milliseconds per request at each layer, on a zero-latency in-process mock. */
  medianMs: { providerCall: number; bridgeRun: number; harnessJob: number };
  p95Ms: { providerCall: number; bridgeRun: number; harnessJob: number };
  /** What each layer adds on top of the one below it (difference of medians). */
  addedMs: { bridge: number; harness: number; total: number };
}

const QUESTION = 'How long does standard shipping take?';

async function timeEach(
  iterations: number,
  once: (i: number) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await once(i);
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Measures what the bridge and the harness add to one request, against a direct provider call
 * with the same messages, on the embedded mock with zero latency (so only our own work and the
 * SDK's remain). Layers run interleaved in rounds, sequentially, after a warm-up.
 */
export async function measureOverhead(iterations = 300, warmup = 50): Promise<OverheadResult> {
  const backend = await startMockBackend({ seed: 1, latency: 'zero' });
  try {
    const { prototype, team } = createSupportDemo();
    // The response cache off: every layer must reach the provider, or a repeat would be free.
    const bridge = createBridge({
      prototype,
      team,
      provider: backend.provider,
      config: { resilience: { cache: { enabled: false } } },
    });
    const direct: ModelRequest = {
      model: bridge.config.paths.simple.model,
      messages: [
        { role: 'system', content: prototype.instructions },
        { role: 'user', content: QUESTION },
      ],
      maxOutputTokens: bridge.config.paths.simple.maxOutputTokens,
      stream: bridge.config.stream,
    };
    const suite: Suite = {
      file: '(overhead)',
      name: 'overhead',
      version: '1',
      sla: {},
      repetitions: 1,
      requests: [
        {
          id: 'faq',
          tags: [],
          weight: 1,
          messages: [{ role: 'user', content: QUESTION }],
          metadata: {},
          expect: {
            path: 'simple',
            pathSource: 'label',
            outcome: 'resolved',
            contains: [],
            notContains: [],
            toolsCalled: [],
          },
          line: 1,
        },
      ],
    };
    const layers = {
      // One request id for every layer (the harness's pair id): the mock then does identical work
      // each time, and only our own layers differ.
      providerCall: () => backend.provider.complete(direct, { requestId: 'faq#0' }),
      bridgeRun: () =>
        bridge.run(
          { messages: [{ role: 'user', content: QUESTION }] },
          { mode: 'hybrid', requestId: 'faq#0' },
        ),
      harnessJob: () =>
        runSuite({
          suite,
          bridges: { hybrid: bridge },
          modes: ['hybrid'],
          seed: 1,
          concurrency: 1,
          requestTimeoutMs: 60_000,
          clock: realClock,
        }),
    };
    const samples = {
      providerCall: [] as number[],
      bridgeRun: [] as number[],
      harnessJob: [] as number[],
    };
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      for (const [name, once] of Object.entries(layers) as Array<
        [keyof typeof layers, (i: number) => Promise<unknown>]
      >) {
        const n = round === 0 ? warmup + iterations / rounds : iterations / rounds;
        const times = await timeEach(Math.ceil(n), once);
        samples[name].push(...(round === 0 ? times.slice(warmup) : times));
      }
    }
    const stat = (values: number[]) => describe(values) ?? { p50: Number.NaN, p95: Number.NaN };
    const p = {
      providerCall: stat(samples.providerCall),
      bridgeRun: stat(samples.bridgeRun),
      harnessJob: stat(samples.harnessJob),
    };
    return {
      iterations,
      medianMs: {
        providerCall: p.providerCall.p50,
        bridgeRun: p.bridgeRun.p50,
        harnessJob: p.harnessJob.p50,
      },
      p95Ms: {
        providerCall: p.providerCall.p95,
        bridgeRun: p.bridgeRun.p95,
        harnessJob: p.harnessJob.p95,
      },
      addedMs: {
        bridge: p.bridgeRun.p50 - p.providerCall.p50,
        harness: p.harnessJob.p50 - p.bridgeRun.p50,
        total: p.harnessJob.p50 - p.providerCall.p50,
      },
    };
  } finally {
    await backend.close();
  }
}
