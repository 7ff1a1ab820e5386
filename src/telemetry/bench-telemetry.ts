/**
 * Cost of the telemetry hooks on the request path: ns per call, tracing off.
 * Measured, not asserted. Run: `npx tsx src/telemetry/bench-telemetry.ts [iterations]`.
 */
import { Writable } from 'node:stream';
import { createTelemetry } from './create-telemetry.js';
import { createLogger } from './logger.js';
import { createMetrics } from './prometheus-metrics.js';
import { noTelemetry, type Telemetry } from './telemetry.js';
import { createTracing } from './tracing.js';

const iterations = Number(process.argv[2] ?? 200_000);
const models = ['gpt-4o-mini', 'gpt-4o', 'claude-haiku'];
const outcomes = ['ok', 'ok', 'ok', 'rate_limited'];

function measureSync(fn: (i: number) => void): number {
  for (let i = 0; i < 10_000; i++) fn(i); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  return Number(process.hrtime.bigint() - start) / iterations;
}

async function measureAsync(fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10_000; i++) await fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn(i);
  return Number(process.hrtime.bigint() - start) / iterations;
}

async function benchOne(label: string, telemetry: Telemetry): Promise<string[]> {
  const requestEnded = measureSync((i) =>
    telemetry.requestEnded({
      mode: 'hybrid',
      servedBy: 'simple',
      outcome: outcomes[i % 4] ?? 'ok',
      latencyMs: (i % 3000) + 50,
      costUsd: 0.002,
      reliabilityCostUsd: 0,
    }),
  );
  const modelCallEnded = measureSync((i) =>
    telemetry.modelCallEnded({
      provider: 'openai',
      model: models[i % 3] ?? 'gpt-4o',
      outcome: 'ok',
      latencyMs: (i % 2000) + 20,
      inputTokens: 120,
      outputTokens: 40,
      costUsd: 0.0004,
      cached: false,
    }),
  );
  const body = () => Promise.resolve(1);
  const span = await measureAsync(() => telemetry.span('model_call', { model: 'gpt-4o' }, body));
  const bare = await measureAsync(body);
  const cells = [requestEnded, modelCallEnded, span - bare].map((ns) => ns.toFixed(0).padStart(8));
  return [label.padEnd(34), ...cells];
}

const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const rows = [
  await benchOne('noTelemetry', noTelemetry),
  await benchOne('metrics', createTelemetry({ metrics: createMetrics() })),
  await benchOne(
    'metrics + logger (info: debug off)',
    createTelemetry({
      metrics: createMetrics(),
      logger: createLogger({ level: 'info', destination: sink }),
      tracing: createTracing({ serviceName: 'bench', env: {} }),
    }),
  ),
];
const header = ['telemetry'.padEnd(34), 'request', 'modelCall', 'span+'].map((h, i) =>
  i === 0 ? h : h.padStart(8),
);
process.stdout.write(
  `ns per hook call, ${iterations} iterations, tracing off (span+ = over a bare await)\n`,
);
for (const row of [header, ...rows]) process.stdout.write(`${row.join(' ')}\n`);
