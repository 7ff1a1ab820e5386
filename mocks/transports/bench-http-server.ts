/**
 * Benchmark of the loopback mock server (not a test): prints figures, asserts nothing.
 *
 *   npx tsx mocks/transports/bench-http-server.ts [--duration 10] [--connections 50] [--streams 1000]
 *
 * The servers run in a child process, so the load generator does not share their CPU:
 * 0. autocannon drives a handler that answers a fixed JSON body: the transport's own ceiling;
 * 1. autocannon drives the OpenAI mock at `latency: 'zero'` with non-streamed completions;
 * 2. the same, behind `withFaults` with the `flaky-5xx` profile (10 % 5xx), for its overhead;
 * 3. a node:http client opens N SSE streams at once against the mock at realistic latency
 *    (each stream lasts seconds, so all N are open together) and reads every one to `[DONE]`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { getFaultProfile } from '../faults/fault-profiles.js';
import { withFaults } from '../faults/with-faults.js';
import { createOpenAIChatMock } from '../openai/create-openai-chat-mock.js';
import { startHttpMockServer } from './http-server.js';

interface Ready {
  fixedUrl: string;
  zeroUrl: string;
  faultyUrl: string;
  realisticUrl: string;
}
interface Usage {
  cpuMs: number;
  peakConnections: number;
}

const body = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Can you tell me about your opening hours?' }],
});

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function serve(): Promise<void> {
  // The transport alone: a handler that reads the body and answers a fixed completion.
  const fixedJson = JSON.stringify({
    object: 'chat.completion',
    choices: [{ text: 'x'.repeat(600) }],
  });
  const fixed = await startHttpMockServer({
    handler: async (request) => {
      await request.text();
      return new Response(fixedJson, { headers: { 'content-type': 'application/json' } });
    },
  });
  const zero = await startHttpMockServer({
    handler: createOpenAIChatMock({ seed: 1, latency: 'zero' }),
  });
  const faulty = await startHttpMockServer({
    handler: withFaults(createOpenAIChatMock({ seed: 1, latency: 'zero' }), {
      profile: getFaultProfile('flaky-5xx'),
      seed: 1,
    }),
  });
  const realistic = await startHttpMockServer({
    handler: createOpenAIChatMock({ seed: 1, latency: 'realistic' }),
  });
  let peakConnections = 0;
  setInterval(() => {
    peakConnections = Math.max(peakConnections, zero.connections + realistic.connections);
  }, 20).unref();
  let cpuStart = process.cpuUsage();
  process.on('message', (message: string) => {
    if (message === 'reset') {
      cpuStart = process.cpuUsage();
      peakConnections = 0;
      process.send?.('reset-done');
    } else if (message === 'usage') {
      const cpu = process.cpuUsage(cpuStart);
      process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000, peakConnections } satisfies Usage);
    } else if (message === 'stop') {
      void Promise.all([fixed.close(), zero.close(), faulty.close(), realistic.close()]).then(() =>
        process.exit(0),
      );
    }
  });
  process.send?.({
    fixedUrl: fixed.url,
    zeroUrl: zero.url,
    faultyUrl: faulty.url,
    realisticUrl: realistic.url,
  } satisfies Ready);
}

async function ask<T>(child: ChildProcess, message: string): Promise<T> {
  child.send(message);
  const [reply] = (await once(child, 'message')) as [T];
  return reply;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function nonStreamed(
  child: ChildProcess,
  label: string,
  url: string,
  duration: number,
  connections: number,
) {
  await ask(child, 'reset');
  const result = await autocannon({
    url: `${url}/v1/chat/completions`,
    method: 'POST',
    // A fresh request id per call (autocannon's [<id>]), so each call is planned anew.
    headers: { 'content-type': 'application/json', 'x-client-request-id': '[<id>]' },
    idReplacement: true,
    body,
    duration,
    connections,
  });
  const usage = await ask<Usage>(child, 'usage');
  print(`${label}: non-streamed, ${connections} connections, ${duration} s (autocannon)`);
  print(
    `  requests/s  mean ${result.requests.average.toFixed(0)}  (total ${result.requests.total})`,
  );
  print(
    `  latency ms  p50 ${result.latency.p50}  p99 ${result.latency.p99}  max ${result.latency.max}`,
  );
  print(`  non-2xx ${result.non2xx}  errors ${result.errors}  timeouts ${result.timeouts}`);
  print(`  server CPU  ${(usage.cpuMs / result.requests.total).toFixed(3)} ms per request`);
}

function oneStream(
  agent: Agent,
  url: string,
  id: string,
): Promise<{ ttftMs: number; totalMs: number; done: boolean }> {
  const startedMs = performance.now();
  return new Promise((resolve) => {
    const req = request(`${url}/v1/chat/completions`, { method: 'POST', agent }, (res) => {
      let ttftMs = Number.NaN;
      let tail = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (Number.isNaN(ttftMs)) ttftMs = performance.now() - startedMs;
        tail = (tail + chunk).slice(-32);
      });
      res.on('end', () =>
        resolve({
          ttftMs,
          totalMs: performance.now() - startedMs,
          done: tail.endsWith('data: [DONE]\n\n'),
        }),
      );
      res.on('error', () => resolve({ ttftMs, totalMs: Number.NaN, done: false }));
    });
    req.on('error', () => resolve({ ttftMs: Number.NaN, totalMs: Number.NaN, done: false }));
    req.setHeader('content-type', 'application/json');
    // Each stream its own id, so each draws its own latency and answer.
    req.setHeader('x-client-request-id', id);
    req.end(JSON.stringify({ ...JSON.parse(body), stream: true }));
  });
}

async function streams(child: ChildProcess, url: string, count: number) {
  await ask(child, 'reset');
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const startedMs = performance.now();
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) => oneStream(agent, url, `bench-${i}`)),
  );
  const wallMs = performance.now() - startedMs;
  agent.destroy();
  const usage = await ask<Usage>(child, 'usage');
  const ttft = results.map((r) => r.ttftMs).sort((a, b) => a - b);
  const total = results.map((r) => r.totalMs).sort((a, b) => a - b);
  print(`${count} concurrent SSE streams (realistic latency, gpt-4o-mini)`);
  print(`  completed with [DONE]  ${results.filter((r) => r.done).length} / ${count}`);
  print(`  peak open connections ${usage.peakConnections}`);
  print(
    `  first byte ms  p50 ${quantile(ttft, 0.5).toFixed(0)}  p99 ${quantile(ttft, 0.99).toFixed(0)}`,
  );
  print(
    `  stream ms      p50 ${quantile(total, 0.5).toFixed(0)}  p99 ${quantile(total, 0.99).toFixed(0)}`,
  );
  print(`  wall ${wallMs.toFixed(0)} ms, server CPU ${usage.cpuMs.toFixed(0)} ms`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      streams: { type: 'string', default: '1000' },
    },
  });
  if (values.serve) return serve();
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx'],
  });
  const [ready] = (await once(child, 'message')) as [Ready];
  print(`node ${process.version}, server in pid ${child.pid}`);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const alone = 'transport alone (fixed JSON answer)';
  await nonStreamed(child, alone, ready.fixedUrl, duration, connections);
  print();
  await nonStreamed(child, 'OpenAI mock, zero latency', ready.zeroUrl, duration, connections);
  print();
  const faulty = 'the same behind withFaults(flaky-5xx)';
  await nonStreamed(child, faulty, ready.faultyUrl, duration, connections);
  print();
  await streams(child, ready.realisticUrl, Number(values.streams));
  child.send('stop');
  await once(child, 'exit');
}

await main();
