/**
 * Benchmark (not a test): what the production pipeline costs per request, in process.
 *
 *   npx tsx harness/perf/bench-pipeline.ts [--time 3000]
 *
 * A scripted provider answers at once, so only our own work is timed. Every middleware is on:
 * global and per-user rate limits, the daily budget, the cost cap, the cache (always a miss:
 * each request asks something new), model fallback, retries, the breaker, a provider rate limit,
 * attempt and first-byte timeouts and the meter, on the in-memory store. Compared with:
 * - `agno-only` through the same bridge (the prototype's call, metered, no pipeline);
 * - the pipeline's dispatch alone against the provider's `complete` alone.
 */
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import {
  createBridge,
  createHybridDispatch,
  createMemoryStore,
  createScriptedProvider,
  createSupportDemo,
  noTelemetry,
  PriceTable,
  realClock,
  resolveConfig,
} from '../../src/index.js';

const { values } = parseArgs({ options: { time: { type: 'string', default: '3000' } } });
const config = resolveConfig({
  resilience: {
    rateLimits: {
      global: { capacity: 1e9, refillPerSecond: 1e9 },
      perUser: { capacity: 1e9, refillPerSecond: 1e9 },
      perProvider: { scripted: { capacity: 1e9, refillPerSecond: 1e9 } },
    },
    budgets: { perUserDailyUsd: 1e9 },
  },
});
const provider = createScriptedProvider({
  script: () => ({
    text: 'Standard shipping takes 3-5 business days.',
    usage: { inputTokens: 300, outputTokens: 20 },
  }),
});
const { prototype, team } = createSupportDemo();
const bridge = createBridge({ prototype, team, provider, config });
const store = createMemoryStore();
const dispatch = createHybridDispatch(provider, config, store, new PriceTable());

let n = 0;
const question = () => [
  { role: 'user' as const, content: `How long does standard shipping take? (#${n++})` },
];
const scope = () => ({
  requestId: `s${n}`,
  tier: 'simple' as const,
  signal: new AbortController().signal,
  deadlineAtMs: realClock.now() + 60_000,
  capUsd: 1,
  spentUsd: 0,
  attempts: [],
  backoffMs: 0,
  clock: realClock,
  telemetry: noTelemetry,
  random: Math.random,
});

const bench = new Bench({ time: Number(values.time), warmup: true });
bench
  .add('provider.complete alone', async () => {
    await provider.complete({ model: 'gpt-4o-mini', messages: question() });
  })
  .add('pipeline dispatch (all middleware)', async () => {
    await dispatch({ model: 'gpt-4o-mini', messages: question() }, { scope: scope() });
  })
  .add('bridge.run agno-only', async () => {
    await bridge.run(
      { messages: question(), userId: 'u1' },
      { mode: 'agno-only', requestId: `a${n}` },
    );
  })
  .add('bridge.run hybrid (all middleware)', async () => {
    await bridge.run(
      { messages: question(), userId: 'u1' },
      { mode: 'hybrid', requestId: `h${n}` },
    );
  });
await bench.run();

const us = (ns: number) => `${(ns / 1000).toFixed(1)} µs`;
const rows: Record<string, { p50: number; p99: number; mean: number }> = {};
for (const task of bench.tasks) {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  // tinybench reports latency in milliseconds.
  const { p50, p99, mean } = result.latency;
  rows[task.name] = { p50: p50 * 1e6, p99: p99 * 1e6, mean: mean * 1e6 };
  process.stdout.write(
    `${task.name.padEnd(38)} p50 ${us(p50 * 1e6).padStart(9)}  p99 ${us(p99 * 1e6).padStart(9)}  mean ${us(mean * 1e6).padStart(9)}  (${result.latency.samplesCount} samples)\n`,
  );
}
const diff = (a: string, b: string, stat: 'p50' | 'p99') =>
  (rows[a]?.[stat] ?? 0) - (rows[b]?.[stat] ?? 0);
process.stdout.write(
  `\npipeline over the bare call:  p50 +${us(diff('pipeline dispatch (all middleware)', 'provider.complete alone', 'p50'))}  p99 +${us(diff('pipeline dispatch (all middleware)', 'provider.complete alone', 'p99'))}\n`,
);
process.stdout.write(
  `hybrid over agno-only request: p50 +${us(diff('bridge.run hybrid (all middleware)', 'bridge.run agno-only', 'p50'))}  p99 +${us(diff('bridge.run hybrid (all middleware)', 'bridge.run agno-only', 'p99'))}\n`,
);
