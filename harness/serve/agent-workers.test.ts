import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type AgentBus,
  type ContextStore,
  createConversationClient,
  createRedisBus,
  createRedisContextStore,
  createSupportDemo,
} from '../../src/index.js';
import { bench } from '../../test/support/bench.js';
import { scanKeys, TEST_REDIS_URL, useTestRedis } from '../../test/support/test-redis.js';

const BENCH = fileURLToPath(new URL('../../bin/bench.js', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../config/agent-deployment.yaml', import.meta.url));
const redis = useTestRedis('agent-workers');

interface Worker {
  name: string;
  child: ChildProcess;
  events: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}
const workers: Worker[] = [];
afterAll(() => {
  for (const w of workers) w.child.kill('SIGKILL');
});

/**
 * An agent's turn bound and the ack timeout that must outlast it (as the worker demands). The kill
 * test keeps both short so a dead worker's turn is redelivered soon; a test that needs no
 * redelivery gives turns room, so a slow CI machine or a long modelled delay is not a budget
 * escalation.
 */
interface TurnBounds {
  agentMaxMs: number;
  ackTimeout: string;
}
const SHORT_TURNS: TurnBounds = { agentMaxMs: 8_000, ackTimeout: '13s' };
const ROOMY_TURNS: TurnBounds = { agentMaxMs: 20_000, ackTimeout: '25s' };

/** `bench agents worker` in its own process, on the mock (delays scaled down), until killed. */
async function startWorker(
  name: string,
  keyPrefix: string,
  bounds: TurnBounds = SHORT_TURNS,
): Promise<Worker> {
  const child = spawn(
    process.execPath,
    [
      BENCH,
      'agents',
      'worker',
      '--name',
      name,
      '--key-prefix',
      keyPrefix,
      '--ack-timeout',
      bounds.ackTimeout,
      '--config',
      CONFIG,
      '--time-scale',
      '0.4',
    ],
    {
      env: {
        ...process.env,
        REDIS_URL: TEST_REDIS_URL,
        HB__spec__runtime__paths__full__agentBudget__maxMs: String(bounds.agentMaxMs),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const worker: Worker = {
    name,
    child,
    events: [],
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  workers.push(worker);
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      worker.events.push(JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('serving')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited (${code}): ${stderr}`)));
  });
  return worker;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 5 ms; fails naming `what` after `timeoutMs`. */
async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(
        `Waited ${timeoutMs} ms for ${what}; worker events: ${JSON.stringify(workers.map((w) => [w.name, w.events]))}`,
      );
    await sleep(5);
  }
}

describe('agent workers in two processes on the real Redis', () => {
  it('finish a conversation whose worker is killed mid-turn, losing nothing and refunding once', async () => {
    const keyPrefix = redis.nextPrefix();
    const [a, b] = await Promise.all([startWorker('wA', keyPrefix), startWorker('wB', keyPrefix)]);
    const { team } = createSupportDemo();
    const store: ContextStore = await createRedisContextStore({
      url: TEST_REDIS_URL,
      keyPrefix,
      ttlMs: 600_000,
    });
    const bus: AgentBus = await createRedisBus({
      url: TEST_REDIS_URL,
      keyPrefix,
      ackTimeoutMs: 5_000,
      maxAttempts: 5,
    });
    const client = await createConversationClient({ team, bus, store, name: 'kill-test' });
    const admin = await redis.connectAdmin();
    try {
      const conversationId = `conv-kill-${randomUUID()}`;
      const running = client.run(
        conversationId,
        [
          {
            role: 'user',
            content: 'I want a refund for ORD-10002. This is the third time I ask, unacceptable!',
          },
        ],
        { deadlineMs: 60_000 },
      );
      // Kill the worker holding the escalation turn once its ticket is recorded (its answer
      // call is still under way), before it can write the turn or ack it.
      const ticketKey = `${keyPrefix}effect:ticket:${conversationId}`;
      const holding = () =>
        [a, b].find((w) =>
          w.events.some((e) => e.kind === 'turn_started' && e.agent === 'escalation'),
        );
      await until('a worker starting the escalation turn', () => holding() !== undefined);
      const victim = holding() as Worker;
      await until('the ticket record', async () => (await admin.exists(ticketKey)) === 1);
      victim.child.kill('SIGKILL');
      await victim.exited;
      const survivor = victim === a ? b : a;

      const outcome = await running;
      expect(outcome.state).toBe('ended');
      const context = outcome.context;
      expect(context?.ending?.state).toBe('ok');
      expect(context?.handoffs.map((h) => `${h.from}>${h.to}`)).toEqual([
        'customer-service>escalation',
      ]);
      // The killed worker wrote nothing for the escalation turn: the survivor's run is the record.
      expect(context?.turns?.map((t) => [t.agent, t.outcome])).toEqual([
        ['customer-service', 'handed_off'],
        ['escalation', 'answered'],
      ]);
      expect(context?.turns?.[1]?.worker).toBe(survivor.name);
      const redelivered = survivor.events.find(
        (e) => e.kind === 'turn_started' && e.agent === 'escalation',
      );
      expect(redelivered?.attempt).toBe(2);

      // Every side effect was recorded once across both processes; the rerun only found it. (The
      // killed worker's last log lines may be lost with it, so Redis is the witness of record.)
      const effects = [...a.events, ...b.events].filter((e) => e.kind === 'side_effect');
      const recorded = effects.filter((e) => e.repeated === false).map((e) => String(e.key));
      expect(new Set(recorded).size).toBe(recorded.length);
      expect((await scanKeys(admin, `${keyPrefix}effect:*`)).sort()).toEqual([
        `${keyPrefix}effect:refund:${conversationId}:ORD-10002`,
        `${keyPrefix}effect:ticket:${conversationId}`,
      ]);
      expect(
        survivor.events.filter(
          (e) => e.kind === 'side_effect' && e.key === `ticket:${conversationId}`,
        ),
      ).toEqual([expect.objectContaining({ repeated: true })]);

      // Nothing is left pending or dead: every turn message was acked.
      for (const agent of team.agents.keys()) {
        const stream = `${keyPrefix}:bus:${agent}`;
        if ((await admin.exists(stream)) === 0) continue;
        const [pending] = (await admin.xpending(stream, agent)) as [number];
        expect(pending, `pending on ${agent}`).toBe(0);
      }
      expect(await bus.deadLetters()).toEqual([]);
    } finally {
      await client.close();
      await bus.close();
      await store.close();
    }
    // The survivor stops cleanly when asked.
    const alive = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
    for (const w of alive) w.child.kill('SIGTERM');
    for (const w of alive) expect(await w.exited).toBe(0);
  }, 90_000);
});

describe('bench agents', () => {
  it('answers a conversation sent with `bench agents ask` through a worker process', async () => {
    const keyPrefix = redis.nextPrefix();
    const worker = await startWorker('w-ask', keyPrefix, ROOMY_TURNS);
    const result = await bench(
      ['agents', 'ask', '--key-prefix', keyPrefix, 'My thermostat DEV-2003 shows error code E104.'],
      { REDIS_URL: TEST_REDIS_URL },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(answer, JSON.stringify(answer)).toMatchObject({
      state: 'ended',
      ending: { state: 'ok' },
      agents: ['customer-service', 'technical-support'],
    });
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 60_000);

  it('refuses to start without Redis, with an unknown agent, or with an ack timeout inside a turn', async () => {
    const noRedis = await bench(['agents', 'worker'], { REDIS_URL: '' });
    expect(noRedis.code).toBe(2);
    expect(noRedis.stderr).toMatch(/bench agents worker needs REDIS_URL/);

    const env = { REDIS_URL: TEST_REDIS_URL };
    const unknown = await bench(['agents', 'worker', '--agents', 'billing,escalation'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--agents: no agent "billing" in the team; use customer-service, technical-support, escalation.',
    );

    const tooShort = await bench(
      ['agents', 'worker', '--ack-timeout', '10s', '--key-prefix', redis.nextPrefix()],
      env,
    );
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toContain(
      'The ack timeout (10000 ms) must be at least 35000 ms: paths.full.agentBudget.maxMs lets a turn run 30000 ms',
    );
    expect(tooShort.stderr).toContain('Raise --ack-timeout or lower the budget');

    const badName = await bench(['agents', 'worker', '--name', 'bad name'], env);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/^--name: The consumer name "bad name" is not/);

    const noAgents = await bench(['agents', 'worker', '--agents', ','], env);
    expect(noAgents.code).toBe(2);
    expect(noAgents.stderr).toContain('--agents needs at least one agent name');

    const unreachable = await bench(['agents', 'ask', 'hello'], {
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/check REDIS_URL, or start Redis/);
    expect(unreachable.stderr).not.toMatch(/\n\s+at /);
    expect(tooShort.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('exits 1 when the conversation does not end in time', async () => {
    const result = await bench(
      ['agents', 'ask', '--key-prefix', redis.nextPrefix(), '--deadline', '300ms', 'Anyone there?'],
      { REDIS_URL: TEST_REDIS_URL },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ state: 'timeout' });
  }, 30_000);
});
