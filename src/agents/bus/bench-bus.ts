/**
 * Per-hop latency of the agent bus (send → handler start), memory and Redis, sequential and with
 * 16 messages in flight (16 workers in the group).
 *
 *   npx tsx src/agents/bus/bench-bus.ts [redis-url]
 */
import { randomUUID } from 'node:crypto';
import { connectRedis } from '../../state/redis-connection.js';
import { createMemoryBus } from './memory-bus.js';
import { createRedisBus } from './redis-bus.js';
import type { AgentBus } from './types.js';

const MESSAGES = 2000;
const WARMUP = 200;
const url = process.argv[2] ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function measure(bus: AgentBus, inFlight: number): Promise<number[]> {
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const waiting = new Map<number, () => void>();
  for (let w = 0; w < inFlight; w++)
    await bus.subscribe('bench', `w${w}`, async (delivery) => {
      const start = performance.now();
      const seq = (delivery.message.body as { seq: number }).seq;
      const t0 = sentAt.get(seq);
      if (t0 !== undefined && seq >= WARMUP) latencies.push(start - t0);
      await delivery.ack();
      waiting.get(seq)?.();
    });
  let next = 0;
  const total = MESSAGES + WARMUP;
  const lane = async () => {
    while (next < total) {
      const seq = next++;
      const handled = new Promise<void>((resolve) => waiting.set(seq, resolve));
      sentAt.set(seq, performance.now());
      await bus.send({
        conversationId: 'bench',
        from: 'driver',
        to: 'bench',
        type: 'ping',
        body: { seq },
      });
      await handled;
      waiting.delete(seq);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return latencies.sort((a, b) => a - b);
}

function line(name: string, latencies: number[]): string {
  const f = (ms: number) => `${ms.toFixed(3)} ms`;
  return `${name.padEnd(28)} n=${latencies.length}  p50=${f(percentile(latencies, 50))}  p99=${f(percentile(latencies, 99))}  max=${f(latencies.at(-1) ?? Number.NaN)}`;
}

const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${ms.toFixed(3)}`;
const results: Record<string, { p50: number; p99: number }> = {};
const settings = { ackTimeoutMs: 30_000, maxAttempts: 3 };
for (const inFlight of [1, 16]) {
  const label = inFlight === 1 ? 'sequential' : `${inFlight} in flight`;
  const memory = createMemoryBus(settings);
  const memoryLatencies = await measure(memory, inFlight);
  await memory.close();
  process.stdout.write(`${line(`memory, ${label}`, memoryLatencies)}\n`);

  const keyPrefix = `hb-bench:${randomUUID()}`;
  const redis = await createRedisBus({ ...settings, url, keyPrefix, blockMs: 1000 });
  const redisLatencies = await measure(redis, inFlight);
  await redis.close();
  process.stdout.write(`${line(`redis, ${label}`, redisLatencies)}\n`);
  const admin = await connectRedis(url);
  await admin.del(`${keyPrefix}:bus:bench`, `${keyPrefix}:bus:agents`, `${keyPrefix}:bus:dead`);
  await admin.quit();
  results[label] = {
    p50: percentile(redisLatencies, 50) - percentile(memoryLatencies, 50),
    p99: percentile(redisLatencies, 99) - percentile(memoryLatencies, 99),
  };
}
for (const [label, added] of Object.entries(results))
  process.stdout.write(
    `redis adds per hop, ${label}: p50 ${signed(added.p50)} ms, p99 ${signed(added.p99)} ms (target ≤ 5 ms p99)\n`,
  );
