/**
 * What the full path's orchestration costs beyond model and tool time.
 *
 * 1. In process: a five-agent chain (four handoffs) on an instant model, through the full path
 *    and, as the baseline, the same five agent runs back to back with nothing between them (no
 *    guard, brief, budgets or turn records). Rounds alternate the two.
 * 2. Across workers: a three-agent chain run by two team workers, bus and context store in memory
 *    and then in Redis; the difference per hop (the first turn, each handoff, the ending) is what
 *    Redis adds.
 *
 *   npx tsx src/paths/full/bench-handoffs.ts [redis-url]
 */
import { randomUUID } from 'node:crypto';
import { type Agent, defineAgent } from '../../agents/agent.js';
import { createMemoryBus } from '../../agents/bus/memory-bus.js';
import { createRedisBus } from '../../agents/bus/redis-bus.js';
import type { AgentBus } from '../../agents/bus/types.js';
import type { ContextStore } from '../../agents/context/context-store.js';
import { createMemoryContextStore } from '../../agents/context/memory-context-store.js';
import { createRedisContextStore } from '../../agents/context/redis-context-store.js';
import { type ModelCaller, runAgent } from '../../agents/run-agent.js';
import { defineTeam } from '../../agents/team.js';
import { realClock } from '../../clock.js';
import type { ModelOutcome, ModelRequest } from '../../providers/provider.js';
import { connectRedis } from '../../state/redis-connection.js';
import { createFullPath } from './full-path.js';
import { createConversationClient } from './workers/conversation-client.js';
import { startTeamWorker } from './workers/team-worker.js';

const url = process.argv[2] ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const messages = [{ role: 'user' as const, content: 'My router keeps dropping the connection.' }];
const limits = { maxHandoffs: 10, maxStepsPerAgent: 4, maxOutputTokens: 100 };

function chain(length: number): Agent[] {
  return Array.from({ length }, (_, i) =>
    defineAgent({
      name: `agent-${i}`,
      instructions: `Agent ${i}.`,
      model: 'gpt-4o-mini',
      handoffs: i + 1 < length ? [`agent-${i + 1}`] : [],
    }),
  );
}

/** An instant model: each agent hands over to the next; the last one answers. */
function instantModel(length: number): ModelCaller {
  const outcome = (i: number): ModelOutcome => ({
    state: 'ok',
    response: {
      text: i + 1 < length ? '' : 'Done.',
      toolCalls:
        i + 1 < length
          ? [
              {
                id: `call-${i}`,
                name: `transfer_to_agent_${i + 1}`,
                arguments: JSON.stringify({
                  reason: 'next',
                  summary: 'Router drops the connection.',
                }),
              },
            ]
          : [],
      usage: { inputTokens: 40, outputTokens: 10 },
      usageEstimated: false,
      finishReason: i + 1 < length ? 'tool_calls' : 'stop',
      model: 'gpt-4o-mini',
      latencyMs: 0,
    },
  });
  const outcomes = Array.from({ length }, (_, i) => outcome(i));
  const indexOf = (request: ModelRequest) =>
    Number(/^Agent (\d+)\./.exec(request.messages[0]?.content ?? '')?.[1] ?? 0);
  return (request) => Promise.resolve(outcomes[indexOf(request)] as ModelOutcome);
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  );
}
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

async function inProcess(): Promise<void> {
  const length = 5;
  const agents = chain(length);
  const team = defineTeam({ entry: 'agent-0', agents });
  const call = instantModel(length);
  const context = {
    call,
    clock: realClock,
    signal: new AbortController().signal,
    requestId: 'bench',
    stream: false,
    spentUsd: () => 0,
  };
  const fullPath = createFullPath(team, limits);
  const runOptions = { ...context, maxSteps: 4, maxOutputTokens: 100 };
  const baseline = async () => {
    for (const agent of agents)
      await runAgent(
        agent,
        [{ role: 'system', content: agent.instructions }, ...messages],
        runOptions,
      );
  };
  const full: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < 6_000; round++) {
    const first = round % 2 === 0;
    for (const which of first ? ['full', 'base'] : ['base', 'full']) {
      const start = performance.now();
      if (which === 'full') await fullPath(messages, context);
      else await baseline();
      const ms = performance.now() - start;
      if (round >= 1_000) (which === 'full' ? full : base).push(ms);
    }
  }
  const [f, b] = [sorted(full), sorted(base)];
  const handoffs = length - 1;
  process.stdout.write(
    `in process, ${length} agents (${handoffs} handoffs), n=${f.length} alternating rounds\n` +
      `  full path     p50 ${us(percentile(f, 50))}  p99 ${us(percentile(f, 99))}\n` +
      `  agents alone  p50 ${us(percentile(b, 50))}  p99 ${us(percentile(b, 99))}\n` +
      `  orchestration per handoff: p50 ${us((percentile(f, 50) - percentile(b, 50)) / handoffs)}, p99 ${us((percentile(f, 99) - percentile(b, 99)) / handoffs)} (target ≤ 2 ms)\n`,
  );
}

async function acrossWorkers(kind: 'memory' | 'redis', rounds: number): Promise<number[]> {
  const length = 3;
  const team = defineTeam({ entry: 'agent-0', agents: chain(length) });
  const keyPrefix = `hb-bench:${randomUUID()}:`;
  const settings = { ackTimeoutMs: 30_000, maxAttempts: 3 };
  const bus: AgentBus =
    kind === 'memory'
      ? createMemoryBus(settings)
      : await createRedisBus({ ...settings, url, keyPrefix, blockMs: 1000 });
  const store: ContextStore =
    kind === 'memory'
      ? createMemoryContextStore({ ttlMs: 600_000 })
      : await createRedisContextStore({ url, keyPrefix, ttlMs: 600_000 });
  const call = instantModel(length);
  const stop = new AbortController();
  for (const worker of ['w1', 'w2'])
    await startTeamWorker({
      team,
      bus,
      store,
      worker,
      dispatch: (request, { scope: _scope, ...options }) => call(request, options),
      path: limits,
      signal: stop.signal,
    });
  const client = await createConversationClient({ team, bus, store, name: 'bench' });
  const times: number[] = [];
  for (let round = 0; round < rounds + 50; round++) {
    const start = performance.now();
    const outcome = await client.run(`conv-${round}`, messages, { deadlineMs: 30_000 });
    if (outcome.context?.ending?.state !== 'ok') throw new Error(`round ${round} did not end well`);
    if (round >= 50) times.push(performance.now() - start);
  }
  stop.abort('done');
  await client.close();
  await bus.close();
  await store.close();
  if (kind === 'redis') {
    const admin = await connectRedis(url);
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await admin.del(...keys);
    } while (cursor !== '0');
    await admin.quit();
  }
  return sorted(times);
}

await inProcess();
const rounds = 300;
const memory = await acrossWorkers('memory', rounds);
const redis = await acrossWorkers('redis', rounds);
// Hops of a 3-agent chain: the first turn, two handoffs, the ending.
const hops = 4;
const ms = (v: number) => `${v.toFixed(2)} ms`;
process.stdout.write(
  `across two workers, 3 agents (${hops} hops per conversation), n=${rounds}\n` +
    `  memory bus + store  p50 ${ms(percentile(memory, 50))}  p99 ${ms(percentile(memory, 99))}\n` +
    `  redis bus + store   p50 ${ms(percentile(redis, 50))}  p99 ${ms(percentile(redis, 99))}\n` +
    `  redis adds per hop: p50 ${ms((percentile(redis, 50) - percentile(memory, 50)) / hops)}, p99 ${ms((percentile(redis, 99) - percentile(memory, 99)) / hops)} (target ≤ 5 ms p99; each hop = bus delivery + context read + compare-and-set write)\n`,
);
