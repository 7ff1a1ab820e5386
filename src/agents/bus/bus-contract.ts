import { afterEach, describe, expect, it } from 'vitest';
import { AgentBusErrorCodes } from './bus-error.js';
import type { AgentBus, AgentMessage, Delivery } from './types.js';

/** What the contract tests need from a bus factory: a fresh, empty bus with these settings. */
export interface ContractBusSettings {
  ackTimeoutMs: number;
  maxAttempts: number;
}

/** Ack timeout of the contract tests: short, but long enough for a loaded CI machine. */
const ACK_MS = 250;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(5);
  }
}

const outgoing = (to: string, type = 'note', body: unknown = { n: 1 }) => ({
  conversationId: 'conv-1',
  from: 'customer-service',
  to,
  type,
  body,
});

/** A handler that records what it gets and acks (unless told not to). */
function recorder(options: { ack?: boolean; delayMs?: number } = {}) {
  const got: AgentMessage[] = [];
  const handler = async (delivery: Delivery) => {
    got.push(delivery.message);
    if (options.delayMs) await sleep(options.delayMs);
    if (options.ack !== false) await delivery.ack();
  };
  return { got, handler };
}

/**
 * The behaviour every AgentBus must have, run against each implementation so the memory bus and
 * the Redis bus are interchangeable. `makeBus` gives a fresh, empty bus per call; the suite
 * closes it.
 *
 * @example
 * describeAgentBusContract('memory', async (s) => createMemoryBus(s));
 */
export function describeAgentBusContract(
  name: string,
  makeBus: (settings: ContractBusSettings) => Promise<AgentBus>,
): void {
  describe(`${name}: AgentBus contract`, () => {
    const opened: AgentBus[] = [];
    const open = async (settings: Partial<ContractBusSettings> = {}) => {
      const bus = await makeBus({ ackTimeoutMs: ACK_MS, maxAttempts: 3, ...settings });
      opened.push(bus);
      return bus;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((bus) => bus.close()));
    });

    it('delivers a direct message to its agent only, with id, attempt 1 and a timestamp', async () => {
      const bus = await open();
      const support = recorder();
      const billing = recorder();
      await bus.subscribe('technical-support', 'w1', support.handler);
      await bus.subscribe('billing', 'w1', billing.handler);
      const before = Date.now();
      const id = await bus.send(
        outgoing('technical-support', 'handoff', { ticket: 7, tags: ['a'] }),
      );
      await waitFor('the delivery', () => support.got.length === 1);
      expect(support.got[0]).toEqual({
        id,
        conversationId: 'conv-1',
        from: 'customer-service',
        to: 'technical-support',
        type: 'handoff',
        body: { ticket: 7, tags: ['a'] },
        attempt: 1,
        sentAtMs: expect.any(Number),
      });
      expect(support.got[0]?.sentAtMs).toBeGreaterThanOrEqual(before - 1000);
      await sleep(50);
      expect(billing.got).toEqual([]);
    });

    it('keeps a direct message for an agent until its first worker subscribes', async () => {
      const bus = await open();
      const id = await bus.send(outgoing('escalation'));
      const escalation = recorder();
      await bus.subscribe('escalation', 'w1', escalation.handler);
      await waitFor('the delivery', () => escalation.got.length === 1);
      expect(escalation.got[0]?.id).toBe(id);
    });

    it('delivers a broadcast once to every subscribed agent group', async () => {
      const bus = await open();
      const a1 = recorder();
      const a2 = recorder();
      const b = recorder();
      const c = recorder();
      await bus.subscribe('customer-service', 'w1', a1.handler);
      await bus.subscribe('customer-service', 'w2', a2.handler);
      await bus.subscribe('technical-support', 'w1', b.handler);
      await bus.subscribe('escalation', 'w1', c.handler);
      const id = await bus.send(outgoing('*', 'shutdown-notice'));
      await waitFor(
        'every group',
        () => a1.got.length + a2.got.length === 1 && b.got.length === 1 && c.got.length === 1,
      );
      await sleep(ACK_MS + 100);
      expect(a1.got.length + a2.got.length).toBe(1);
      expect(
        [...a1.got, ...a2.got, ...b.got, ...c.got].map((m) => [m.id, m.to, m.attempt]),
      ).toEqual(Array.from({ length: 3 }, () => [id, '*', 1]));
    });

    it('forgets a removed agent group: its queue is gone and broadcasts pass it by', async () => {
      const bus = await open();
      const stopped = recorder();
      const kept = recorder();
      await bus.subscribe('reply.requester-1', 'w1', stopped.handler);
      await bus.subscribe('escalation', 'w1', kept.handler);
      await bus.removeAgent('reply.requester-1');
      await bus.removeAgent('never-subscribed');
      await bus.send(outgoing('*', 'shutdown-notice'));
      await waitFor('the remaining group', () => kept.got.length === 1);
      // A later worker of the removed group finds nothing waiting for it.
      const later = recorder();
      await bus.subscribe('reply.requester-1', 'w2', later.handler);
      await sleep(100);
      expect([...stopped.got, ...later.got]).toEqual([]);
      await expect(bus.removeAgent('bad name')).rejects.toThrow(/agent name/);
    });

    it('gives each message to one worker of the group: two workers split them, none twice', async () => {
      const bus = await open();
      const w1 = recorder({ delayMs: 10 });
      const w2 = recorder({ delayMs: 10 });
      await bus.subscribe('technical-support', 'w1', w1.handler);
      await bus.subscribe('technical-support', 'w2', w2.handler);
      const ids = await Promise.all(
        Array.from({ length: 20 }, (_, i) => bus.send(outgoing('technical-support', 'q', { i }))),
      );
      await waitFor('all 20', () => w1.got.length + w2.got.length >= 20);
      await sleep(ACK_MS + 100);
      const seen = [...w1.got, ...w2.got].map((m) => m.id);
      expect(seen).toHaveLength(20);
      expect(new Set(seen)).toEqual(new Set(ids));
      expect(w1.got.length).toBeGreaterThan(0);
      expect(w2.got.length).toBeGreaterThan(0);
    });

    it('handles one message at a time per worker, in order', async () => {
      const bus = await open();
      let running = 0;
      let most = 0;
      const order: number[] = [];
      await bus.subscribe('technical-support', 'w1', async (delivery) => {
        running++;
        most = Math.max(most, running);
        order.push((delivery.message.body as { i: number }).i);
        await sleep(2);
        running--;
        await delivery.ack();
      });
      for (let i = 0; i < 10; i++) await bus.send(outgoing('technical-support', 'q', { i }));
      await waitFor('all 10', () => order.length === 10);
      expect(most).toBe(1);
      expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('redelivers a message not acked in time to another worker, with attempt 2', async () => {
      const bus = await open();
      const hung: AgentMessage[] = [];
      // Worker 1 takes the message and hangs (never returns, never acks), as a stuck worker would.
      await bus.subscribe('technical-support', 'w1', async (delivery) => {
        hung.push(delivery.message);
        await new Promise<void>(() => {});
      });
      const id = await bus.send(outgoing('technical-support'));
      await waitFor('the first delivery', () => hung.length === 1);
      const w2 = recorder();
      const subscribedAt = Date.now();
      await bus.subscribe('technical-support', 'w2', w2.handler);
      await waitFor('the redelivery', () => w2.got.length === 1, ACK_MS * 10);
      expect(Date.now() - subscribedAt).toBeLessThan(ACK_MS * 8);
      expect(hung.map((m) => [m.id, m.attempt])).toEqual([[id, 1]]);
      expect(w2.got.map((m) => [m.id, m.attempt])).toEqual([[id, 2]]);
      await sleep(ACK_MS + 100);
      expect(w2.got).toHaveLength(1); // acked: not delivered again
      expect(await bus.deadLetters()).toEqual([]);
    });

    it('moves a message to the dead letters after maxAttempts deliveries', async () => {
      const bus = await open({ maxAttempts: 2 });
      const never = recorder({ ack: false });
      await bus.subscribe('escalation', 'w1', never.handler);
      const id = await bus.send(outgoing('escalation', 'page', { sev: 1 }));
      await waitFor(
        'a dead letter',
        async () => (await bus.deadLetters()).length === 1,
        ACK_MS * 20,
      );
      const [letter] = await bus.deadLetters();
      expect(letter).toMatchObject({
        agent: 'escalation',
        message: { id, type: 'page', body: { sev: 1 }, attempt: 2 },
        deadAtMs: expect.any(Number),
      });
      expect(never.got.map((m) => m.attempt)).toEqual([1, 2]);
      await sleep(ACK_MS * 2);
      expect(never.got).toHaveLength(2);
    });

    it('treats a handler that throws as not acked', async () => {
      const bus = await open();
      const attempts: number[] = [];
      await bus.subscribe('billing', 'w1', async (delivery) => {
        attempts.push(delivery.message.attempt);
        if (delivery.message.attempt === 1) throw new Error('boom');
        await delivery.ack();
      });
      await bus.send(outgoing('billing'));
      await waitFor('the retry', () => attempts.length === 2, ACK_MS * 10);
      expect(attempts).toEqual([1, 2]);
    });

    it('stops a worker whose signal aborts; the others keep receiving', async () => {
      const bus = await open();
      const w1 = recorder();
      const w2 = recorder();
      const stop = new AbortController();
      await bus.subscribe('billing', 'w1', w1.handler, { signal: stop.signal });
      await bus.subscribe('billing', 'w2', w2.handler);
      stop.abort();
      await sleep(50);
      for (let i = 0; i < 4; i++) await bus.send(outgoing('billing', 'q', { i }));
      await waitFor('all 4 on w2', () => w2.got.length === 4);
      expect(w1.got).toEqual([]);
    });

    it('stops delivering on close and refuses further use; close is idempotent', async () => {
      const bus = await open();
      const w1 = recorder({ ack: false });
      await bus.subscribe('billing', 'w1', w1.handler);
      await bus.send(outgoing('billing'));
      await waitFor('the delivery', () => w1.got.length === 1);
      await bus.close();
      await sleep(ACK_MS * 2);
      expect(w1.got).toHaveLength(1); // not redelivered after close
      await expect(bus.send(outgoing('billing'))).rejects.toMatchObject({
        code: AgentBusErrorCodes.closed,
      });
      await expect(bus.subscribe('billing', 'w2', w1.handler)).rejects.toMatchObject({
        code: AgentBusErrorCodes.closed,
      });
      await expect(bus.close()).resolves.toBeUndefined();
    });

    it('rejects bad names and bodies that are not JSON', async () => {
      const bus = await open();
      await expect(bus.send(outgoing('no spaces'))).rejects.toMatchObject({
        code: AgentBusErrorCodes.badArgument,
      });
      await expect(bus.send(outgoing('dead'))).rejects.toMatchObject({
        code: AgentBusErrorCodes.badArgument,
      });
      await expect(bus.send(outgoing('billing', 'q', 10n))).rejects.toMatchObject({
        code: AgentBusErrorCodes.badArgument,
      });
      await expect(bus.subscribe('*', 'w1', async () => {})).rejects.toMatchObject({
        code: AgentBusErrorCodes.badArgument,
      });
    });
  });
}
