import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { describeAgentBusContract } from './bus-contract.js';
import { AgentBusErrorCodes } from './bus-error.js';
import { createMemoryBus } from './memory-bus.js';
import type { AgentMessage } from './types.js';

describeAgentBusContract('memory', async (settings) => createMemoryBus(settings));

describe('memory bus on a manual clock', () => {
  it('redelivers exactly when the ack timeout passes, then dead-letters', async () => {
    const clock = new ManualClock();
    const bus = createMemoryBus({ clock, ackTimeoutMs: 1000, maxAttempts: 2 });
    const got: AgentMessage[] = [];
    await bus.subscribe('escalation', 'w1', async (d) => {
      got.push(d.message);
    });
    await bus.send({ conversationId: 'c', from: 'a', to: 'escalation', type: 't', body: null });
    await clock.whenSleeping(1);
    expect(got.map((m) => m.attempt)).toEqual([1]);
    await clock.advance(999);
    expect(got).toHaveLength(1);
    await clock.advance(1);
    await clock.whenSleeping(1);
    expect(got.map((m) => m.attempt)).toEqual([1, 2]);
    await clock.advance(1000);
    const dead = await bus.deadLetters();
    expect(dead).toEqual([
      {
        agent: 'escalation',
        message: expect.objectContaining({ attempt: 2 }),
        deadAtMs: clock.wallNow(),
      },
    ]);
    expect(clock.pending).toBe(0);
    await bus.close();
  });

  it('cancels the ack timer on ack, leaving nothing asleep', async () => {
    const clock = new ManualClock();
    const bus = createMemoryBus({ clock, ackTimeoutMs: 1000, maxAttempts: 2 });
    await bus.subscribe('escalation', 'w1', (d) => d.ack());
    await bus.send({ conversationId: 'c', from: 'a', to: 'escalation', type: 't', body: 1 });
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
    expect(clock.pending).toBe(0);
    await bus.close();
  });

  it('rejects impossible options', () => {
    expect(() => createMemoryBus({ ackTimeoutMs: 0, maxAttempts: 1 })).toThrow(
      expect.objectContaining({ code: AgentBusErrorCodes.badArgument }),
    );
    expect(() => createMemoryBus({ ackTimeoutMs: 10, maxAttempts: 0 })).toThrow(
      expect.objectContaining({ code: AgentBusErrorCodes.badArgument }),
    );
  });
});
