import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAgent } from '../../../agents/agent.js';
import { createMemoryBus } from '../../../agents/bus/memory-bus.js';
import type { AgentBus } from '../../../agents/bus/types.js';
import { createMemoryContextStore } from '../../../agents/context/memory-context-store.js';
import {
  createMemoryLedger,
  type SideEffectLedger,
} from '../../../agents/ledger/side-effect-ledger.js';
import { defineTeam } from '../../../agents/team.js';
import { defineTool } from '../../../agents/tool.js';
import type { Dispatch } from '../../../pipeline/request-scope.js';
import type { ModelRequest } from '../../../providers/provider.js';
import { createScriptedProvider, type ScriptedStep } from '../../../providers/scripted.js';
import type { FullPathOptions } from '../full-path.js';
import { createConversationClient } from './conversation-client.js';
import { startTeamWorker, type WorkerEvent } from './team-worker.js';
import { TURN_MESSAGE } from './turn-messages.js';

/** A team whose front agent refunds through a ledger, then hands over to tech. */
function makeTeam(ledger: SideEffectLedger, created: string[]) {
  const refund = defineTool({
    name: 'refund',
    description: 'Refunds the order.',
    parameters: z.object({}),
    execute: async (_args, context) => {
      const entry = await ledger.once(`refund:${context.conversationId}`, () => ({
        refund_id: `RF-${context.conversationId}`,
      }));
      if (!entry.repeated) created.push(entry.value.refund_id);
      return { ...entry.value, repeated: entry.repeated };
    },
  });
  return defineTeam({
    entry: 'front',
    escalation: 'escalation',
    agents: [
      defineAgent({
        name: 'front',
        instructions: 'Front desk.',
        model: 'gpt-4o-mini',
        tools: [refund],
        handoffs: ['tech', 'escalation'],
      }),
      defineAgent({
        name: 'tech',
        instructions: 'Tech.',
        model: 'gpt-4o',
        handoffs: ['escalation'],
      }),
      defineAgent({ name: 'escalation', instructions: 'Escalation.', model: 'gpt-4o' }),
    ],
  });
}

const agentOf = (request: ModelRequest) =>
  (request.messages[0]?.content ?? '').split('.')[0]?.toLowerCase().startsWith('front')
    ? 'front'
    : (request.messages[0]?.content ?? '').startsWith('Tech')
      ? 'tech'
      : 'escalation';

/** front: refund, then hand to tech; tech answers; each step `latencyMs` long. */
function script(latencyMs = 0, tech: ScriptedStep = { text: 'Fixed.', latencyMs }) {
  return createScriptedProvider({
    script: (request) => {
      const agent = agentOf(request);
      if (agent === 'front') {
        const refunded = request.messages.some((m) => m.role === 'tool');
        return refunded
          ? {
              latencyMs,
              toolCalls: [
                {
                  name: 'transfer_to_tech',
                  arguments: { reason: 'device', summary: 'Refunded; device issue' },
                },
              ],
            }
          : { latencyMs, toolCalls: [{ name: 'refund', arguments: {} }] };
      }
      return agent === 'tech' ? tech : { text: 'Escalated.' };
    },
  });
}

const path: FullPathOptions = { maxHandoffs: 3, maxStepsPerAgent: 4, maxOutputTokens: 100 };
const messages = [{ role: 'user' as const, content: 'Refund ORD-1 and fix my router' }];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(
  options: {
    ackTimeoutMs?: number;
    latencyMs?: number;
    tech?: ScriptedStep;
    maxAttempts?: number;
  } = {},
) {
  const bus = createMemoryBus({
    ackTimeoutMs: options.ackTimeoutMs ?? 5_000,
    maxAttempts: options.maxAttempts ?? 5,
  });
  const store = createMemoryContextStore({ ttlMs: 60_000 });
  const ledger = createMemoryLedger();
  const created: string[] = [];
  const team = makeTeam(ledger, created);
  const provider = script(options.latencyMs ?? 0, options.tech);
  const dispatch: Dispatch = (request, { scope: _scope, ...callOptions }) =>
    provider.complete(request, callOptions);
  const events: Array<WorkerEvent & { by: string }> = [];
  const startWorker = async (worker: string, over: { signal?: AbortSignal; bus?: AgentBus } = {}) =>
    startTeamWorker({
      team,
      bus: over.bus ?? bus,
      store,
      worker,
      dispatch,
      path,
      onEvent: (event) => events.push({ ...event, by: worker }),
      ...(over.signal ? { signal: over.signal } : {}),
    });
  const client = await createConversationClient({ team, bus, store, name: 'tester' });
  cleanups.push(async () => {
    await client.close();
    await bus.close();
    await store.close();
  });
  return { bus, store, created, client, events, startWorker, provider };
}

describe('team workers on a bus', () => {
  it('move a conversation between workers turn by turn, its state in the context store', async () => {
    const { client, startWorker, created } = await setup();
    await startWorker('w1');
    await startWorker('w2');
    const outcome = await client.run('conv-chain', messages, { deadlineMs: 5_000 });
    expect(outcome.state).toBe('ended');
    const context = outcome.context;
    expect(context?.ending).toMatchObject({ state: 'ok', text: 'Fixed.' });
    expect(context?.handoffs.map((h) => `${h.from}>${h.to}`)).toEqual(['front>tech']);
    expect(context?.turns?.map((t) => [t.agent, t.outcome, t.calls, t.toolRuns])).toEqual([
      ['front', 'handed_off', 2, 2],
      ['tech', 'answered', 1, 0],
    ]);
    expect(context?.turns?.every((t) => t.worker === 'w1' || t.worker === 'w2')).toBe(true);
    expect(context?.facts).toEqual({ refund_id: 'RF-conv-chain', repeated: false });
    expect(context?.transcript.at(-1)).toEqual({
      role: 'assistant',
      content: 'Fixed.',
      agent: 'tech',
    });
    expect(created).toEqual(['RF-conv-chain']);
  });

  it('hands a stopped worker’s turn to another worker, which does not refund twice', async () => {
    const { client, startWorker, created, events } = await setup({
      ackTimeoutMs: 150,
      latencyMs: 60,
    });
    const w1 = new AbortController();
    await startWorker('w1', { signal: w1.signal });
    const running = client.run('conv-stop', messages, { deadlineMs: 10_000 });
    // Stop w1 once its refund is recorded, mid-turn (its next model call is under way).
    while (created.length === 0) await new Promise((r) => setTimeout(r, 5));
    w1.abort('stopped');
    await startWorker('w2');
    const outcome = await running;
    expect(outcome.context?.ending).toMatchObject({ state: 'ok', text: 'Fixed.' });
    expect(created).toEqual(['RF-conv-stop']);
    expect(outcome.context?.facts.repeated).toBe(true);
    expect(
      events.filter((e) => e.kind === 'turn_started').map((e) => [e.by, e.agent, e.attempt]),
    ).toEqual([
      ['w1', 'front', 1],
      ['w2', 'front', 2],
      ['w2', 'tech', 1],
    ]);
    expect(outcome.context?.turns?.map((t) => t.worker)).toEqual(['w2', 'w2']);
  });

  it('sends a turn’s successor again when the worker died between writing the turn and sending it', async () => {
    const { bus, client, startWorker, events } = await setup({ ackTimeoutMs: 150 });
    let failed = false;
    const flaky: AgentBus = {
      ...bus,
      send: (message) => {
        if (message.type === TURN_MESSAGE && message.to === 'tech' && !failed) {
          failed = true;
          return Promise.reject(new Error('connection lost'));
        }
        return bus.send(message);
      },
    };
    await startWorker('w1', { bus: flaky });
    const outcome = await client.run('conv-resend', messages, { deadlineMs: 5_000 });
    expect(outcome.context?.ending).toMatchObject({ state: 'ok' });
    expect(
      events.filter((e) => e.kind !== 'turn_ended').map((e) => `${e.kind}:${e.agent}`),
    ).toEqual(['turn_started:front', 'duplicate:front', 'turn_started:tech']);
    expect(events.find((e) => e.kind === 'duplicate')).toMatchObject({ resent: true, turn: 0 });
  });

  it('drops a duplicate first delivery without running the agent again', async () => {
    const { bus, client, startWorker, events, provider } = await setup();
    await startWorker('w1');
    await client.run('conv-dup', messages, { deadlineMs: 5_000 });
    const calls = provider.calls.length;
    await bus.send({
      conversationId: 'conv-dup',
      from: 'requester',
      to: 'front',
      type: TURN_MESSAGE,
      body: { turn: 0, replyTo: 'reply.tester', deadlineAtMs: Date.now() + 5_000 },
    });
    await expect.poll(() => events.filter((e) => e.kind === 'duplicate').length).toBe(1);
    expect(provider.calls).toHaveLength(calls);
    expect(events.at(-1)).toMatchObject({ kind: 'duplicate', resent: false });
  });

  it('ends the conversation with a timeout when its deadline passes mid-chain', async () => {
    const { client, startWorker } = await setup({ tech: { text: 'late', latencyMs: 5_000 } });
    await startWorker('w1');
    const outcome = await client.run('conv-late', messages, { deadlineMs: 200, graceMs: 2_000 });
    expect(outcome.state).toBe('ended');
    expect(outcome.context?.ending).toMatchObject({ state: 'error', code: 'timeout' });
  });

  it('reports a message that is not a turn and acks it', async () => {
    const { bus, startWorker, events } = await setup();
    await startWorker('w1');
    await bus.send({
      conversationId: 'c',
      from: 'x',
      to: 'front',
      type: TURN_MESSAGE,
      body: { turn: -1 },
    });
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ kind: 'rejected', agent: 'front' });
    expect((events[0] as { reason: string }).reason).toMatch(/^invalid turn body: /);
    expect(await bus.deadLetters()).toEqual([]);
  });

  it('sends the successor when it loses a race to a delivery whose worker then died before sending', async () => {
    // w1's turn outlasts the ack timeout, so the bus also hands it to w2. w1 writes first and
    // "dies" before sending on (its send fails); w2 then loses the race and must send it, since
    // its ack removes the last copy (maxAttempts 2: nothing is delivered a third time).
    const { bus, client, startWorker, events } = await setup({
      ackTimeoutMs: 100,
      latencyMs: 80,
      maxAttempts: 2,
    });
    const dying: AgentBus = {
      ...bus,
      send: (message) =>
        message.type === TURN_MESSAGE && message.to === 'tech'
          ? Promise.reject(new Error('worker died'))
          : bus.send(message),
    };
    await startWorker('w1', { bus: dying });
    const running = client.run('conv-race', messages, { deadlineMs: 5_000 });
    await expect.poll(() => events.some((e) => e.kind === 'turn_started')).toBe(true);
    await startWorker('w2');
    const outcome = await running;
    expect(
      events.map((e) => `${e.by}:${e.kind}:${'agent' in e ? e.agent : ''}`).slice(0, 4),
    ).toEqual([
      'w1:turn_started:front',
      'w2:turn_started:front',
      'w1:turn_ended:',
      'w2:lost_race:front',
    ]);
    expect(outcome.state).toBe('ended');
    expect(outcome.context?.ending).toMatchObject({ state: 'ok', text: 'Fixed.' });
  });

  it('ends the conversation with worker_error when a turn still throws on its last delivery', async () => {
    const bus = createMemoryBus({ ackTimeoutMs: 100, maxAttempts: 2 });
    const store = createMemoryContextStore({ ttlMs: 60_000 });
    const team = makeTeam(createMemoryLedger(), []);
    const client = await createConversationClient({ team, bus, store, name: 'tester' });
    cleanups.push(async () => {
      await client.close();
      await bus.close();
    });
    let calls = 0;
    await startTeamWorker({
      team,
      bus,
      store,
      worker: 'w1',
      path,
      maxAttempts: 2,
      dispatch: () => {
        calls++;
        return Promise.reject(new Error('dispatch is broken'));
      },
    });
    const outcome = await client.run('conv-broken', messages, { deadlineMs: 5_000 });
    expect(outcome.state).toBe('ended');
    expect(outcome.context?.ending).toMatchObject({
      state: 'error',
      code: 'worker_error',
      message: 'dispatch is broken',
    });
    expect(calls).toBe(2);
    expect(await bus.deadLetters()).toEqual([]);
  });

  it('refuses a cancelled run, and runs after close; close forgets the reply group', async () => {
    const { bus, client, startWorker } = await setup();
    await startWorker('w1');
    const cancelled = AbortSignal.abort('gone');
    await expect(
      client.run('conv-cancelled', messages, { deadlineMs: 1_000, signal: cancelled }),
    ).rejects.toThrow('Conversation "conv-cancelled" was cancelled before it started.');
    await client.close();
    await client.close();
    await expect(client.run('conv-closed', messages, { deadlineMs: 1_000 })).rejects.toThrow(
      'The conversation client is closed.',
    );
    // Nothing waits in the removed reply group: a new subscriber gets nothing.
    const got: unknown[] = [];
    await bus.subscribe('reply.tester', 'x', async (d) => {
      got.push(d.message);
      await d.ack();
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([]);
  });

  it('refuses to serve an agent the team does not have', async () => {
    const { bus, store } = await setup();
    await expect(
      startTeamWorker({
        team: makeTeam(createMemoryLedger(), []),
        bus,
        store,
        dispatch: () => Promise.reject(new Error('not called')),
        path,
        worker: 'w',
        agents: ['billing'],
      }),
    ).rejects.toThrow(
      'Worker "w" cannot serve agent "billing": the team has front, tech, escalation.',
    );
  });
});
