/**
 * Benchmark (not a test): is the loopback mock server ever the bottleneck? Prints figures.
 *
 *   npx tsx harness/perf/bench-mock-capacity.ts [--seconds 10] [--concurrency 64] [--soak 1000000]
 *
 * The mock runs as `bench mock-server --latency zero` in its own process, so the load generator
 * never shares its event loop. Every request carries its own request id, so the mock does the
 * full work of a fresh answer each time (no identical-request shortcuts).
 * 1. The bridge's ceiling: `bridge.run` (hybrid, simple path: one model call, the cheapest
 *    request the bridge serves) in a tight loop at the given concurrency against the mock.
 *    The HTTP server of the bridge would only lower this.
 * 2. The mock's ceiling: autocannon, non-streamed chat completions.
 * 3. With --soak N: N requests through autocannon, sampling the mock's RSS (Linux /proc).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  createBridge,
  createOpenAICompatibleProvider,
  createSupportDemo,
} from '../../src/index.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '64' },
    soak: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const print = (line = '') => process.stdout.write(`${line}\n`);

const child = spawn(
  process.execPath,
  [new URL('../../bin/bench.js', import.meta.url).pathname, 'mock-server', '--latency', 'zero'],
  {
    stdio: ['ignore', 'pipe', 'ignore'],
  },
);
const baseUrl = await new Promise<string>((resolve) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
  });
});

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

// 1. The bridge's ceiling.
const { prototype, team } = createSupportDemo();
const bridge = createBridge({
  prototype,
  team,
  provider: createOpenAICompatibleProvider({ baseURL: baseUrl, apiKey: 'k' }),
});
const question = [{ role: 'user' as const, content: 'How long does standard shipping take?' }];
let served = 0;
let failed = 0;
const until = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async (_, lane) => {
    for (let i = 0; performance.now() < until; i++) {
      const result = await bridge.run(
        { messages: question },
        { mode: 'hybrid', requestId: `b-${lane}-${i}` },
      );
      if (result.state === 'ok') served++;
      else failed++;
    }
  }),
);
const bridgeRps = served / seconds;
print(
  `bridge.run (hybrid simple path, stream) at concurrency ${concurrency} for ${seconds} s: ${bridgeRps.toFixed(0)} requests/s (${failed} failed)`,
);

// 2. The mock's ceiling.
let id = 0;
const body = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [{ role: 'system', content: prototype.instructions }, ...question],
});
const cannon = (amount?: number) =>
  autocannon({
    url: `${baseUrl}/chat/completions`,
    connections: 50,
    ...(amount ? { amount } : { duration: seconds }),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'x-client-request-id': `m-${id++}` },
        }),
      },
    ],
  });
const mock = await cannon();
print(
  `mock server, non-streamed, 50 connections for ${seconds} s: ${mock.requests.average.toFixed(0)} requests/s, p50 ${mock.latency.p50} ms, p99 ${mock.latency.p99} ms, non-2xx ${mock.non2xx}, errors ${mock.errors}`,
);
print(`ratio mock / bridge: ${(mock.requests.average / bridgeRps).toFixed(1)}×`);

// 3. Memory over many requests.
if (values.soak) {
  const total = Number(values.soak);
  const pid = child.pid as number;
  const samples: Array<{ atRequests: number; rssMb: number }> = [];
  const soak = cannon(total);
  const sample = () => {
    const atRequests = id;
    void rssMb(pid).then((mb) => samples.push({ atRequests, rssMb: mb }));
  };
  const timer = setInterval(sample, 2000);
  const result = await soak;
  clearInterval(timer);
  samples.push({ atRequests: id, rssMb: await rssMb(pid) });
  const warm = samples.find((s) => s.atRequests >= total * 0.1) ?? samples[0];
  const last = samples.at(-1);
  print(
    `soak: ${result.requests.total} requests in ${result.duration.toFixed(0)} s (${result.requests.average.toFixed(0)} requests/s), non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  print(
    `RSS after ${warm?.atRequests} requests: ${warm?.rssMb.toFixed(1)} MB; at the end: ${last?.rssMb.toFixed(1)} MB; growth ${(((last?.rssMb ?? 0) / (warm?.rssMb ?? 1) - 1) * 100).toFixed(1)}%`,
  );
  print(
    `RSS samples (requests → MB): ${samples
      .filter((_, i) => i % Math.ceil(samples.length / 12) === 0)
      .map((s) => `${s.atRequests}→${s.rssMb.toFixed(0)}`)
      .join(', ')}`,
  );
}
child.kill('SIGTERM');
