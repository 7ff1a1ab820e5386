import { randomUUID } from 'node:crypto';
import { type Clock, realClock } from '../../clock.js';
import type {
  AgentBus,
  AgentBusOptions,
  AgentMessage,
  DeadLetter,
  DeliveryHandler,
  OutgoingMessage,
  SubscribeOptions,
} from './types.js';
import { BROADCAST } from './types.js';
import { checkBusOptions, checkName, checkOutgoing, closedError } from './validate.js';

export interface MemoryBusOptions extends AgentBusOptions {
  /** Time for ack timeouts and timestamps; a `ManualClock` in tests. Default the real clock. */
  clock?: Clock;
}

interface Worker {
  id: string;
  handler: DeliveryHandler;
  busy: boolean;
  stopped: boolean;
}

interface InFlight {
  message: AgentMessage;
  timer: AbortController;
}

interface Group {
  /** Messages waiting for a free worker, in order. */
  ready: AgentMessage[];
  workers: Worker[];
  /** Round-robin position among the workers. */
  next: number;
  /** Delivered, not yet acked; keyed by a per-delivery token. */
  inFlight: Map<number, InFlight>;
  /** Subscribed at least once: broadcasts reach it. */
  subscribed: boolean;
}

/**
 * The in-process bus: the default, for one process. Same contract as the Redis bus, so a team
 * can move between them without changing its agents.
 *
 * @example
 * const bus = createMemoryBus({ ackTimeoutMs: 30_000, maxAttempts: 3 });
 * await bus.subscribe('technical-support', 'worker-1', async (d) => { ...; await d.ack(); });
 * await bus.send({ conversationId: 'c1', from: 'customer-service', to: 'technical-support', type: 'handoff', body: {} });
 */
export function createMemoryBus(options: MemoryBusOptions): AgentBus {
  checkBusOptions(options);
  const clock = options.clock ?? realClock;
  const { ackTimeoutMs, maxAttempts } = options;
  const groups = new Map<string, Group>();
  const dead: DeadLetter[] = [];
  let deliveries = 0;
  let closed = false;

  const groupOf = (agent: string): Group => {
    let group = groups.get(agent);
    if (!group) {
      group = { ready: [], workers: [], next: 0, inFlight: new Map(), subscribed: false };
      groups.set(agent, group);
    }
    return group;
  };

  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing error callback must not break delivery.
    }
  };

  const expire = (agent: string, group: Group, token: number) => {
    const entry = group.inFlight.get(token);
    if (!entry || closed) return;
    group.inFlight.delete(token);
    if (entry.message.attempt >= maxAttempts) {
      dead.push({ agent, message: entry.message, deadAtMs: clock.wallNow() });
    } else {
      group.ready.unshift({ ...entry.message, attempt: entry.message.attempt + 1 });
      dispatch(agent, group);
    }
  };

  const deliver = (agent: string, group: Group, worker: Worker, message: AgentMessage) => {
    const token = ++deliveries;
    const timer = new AbortController();
    group.inFlight.set(token, { message, timer });
    clock.sleep(ackTimeoutMs, timer.signal).then(
      () => expire(agent, group, token),
      () => undefined, // acked or closed
    );
    worker.busy = true;
    const ack = async () => {
      const entry = group.inFlight.get(token);
      if (!entry) return;
      group.inFlight.delete(token);
      entry.timer.abort();
    };
    // Each worker gets its own copy, as a message read back from Redis would be.
    const copy = { ...message, body: structuredClone(message.body) };
    void Promise.resolve()
      .then(() => worker.handler({ message: copy, ack }))
      .catch(report)
      .finally(() => {
        worker.busy = false;
        dispatch(agent, group);
      });
  };

  function dispatch(agent: string, group: Group): void {
    while (!closed && group.ready.length > 0) {
      const live = group.workers.filter((w) => !w.stopped);
      group.workers = live;
      if (live.length === 0) return;
      let chosen: Worker | undefined;
      for (let i = 0; i < live.length && !chosen; i++) {
        const candidate = live[(group.next + i) % live.length];
        if (candidate && !candidate.busy) {
          chosen = candidate;
          group.next = (group.next + i + 1) % live.length;
        }
      }
      if (!chosen) return;
      const message = group.ready.shift() as AgentMessage;
      deliver(agent, group, chosen, message);
    }
  }

  return {
    async send(outgoing: OutgoingMessage): Promise<string> {
      if (closed) throw closedError();
      const json = checkOutgoing(outgoing);
      const message: AgentMessage = {
        id: randomUUID(),
        conversationId: outgoing.conversationId,
        from: outgoing.from,
        to: outgoing.to,
        type: outgoing.type,
        body: JSON.parse(json) as unknown,
        attempt: 1,
        sentAtMs: clock.wallNow(),
      };
      const targets =
        outgoing.to === BROADCAST
          ? [...groups].filter(([, g]) => g.subscribed).map(([name]) => name)
          : [outgoing.to];
      for (const agent of targets) {
        const group = groupOf(agent);
        group.ready.push(message);
        dispatch(agent, group);
      }
      return message.id;
    },

    async subscribe(
      agent: string,
      consumer: string,
      handler: DeliveryHandler,
      subscribeOptions: SubscribeOptions = {},
    ): Promise<void> {
      if (closed) throw closedError();
      checkName('agent', agent);
      checkName('consumer', consumer);
      const { signal } = subscribeOptions;
      if (signal?.aborted) return;
      const group = groupOf(agent);
      group.subscribed = true;
      const worker: Worker = { id: consumer, handler, busy: false, stopped: false };
      group.workers.push(worker);
      signal?.addEventListener(
        'abort',
        () => {
          worker.stopped = true;
        },
        { once: true },
      );
      dispatch(agent, group);
    },

    async deadLetters(limit = 100): Promise<DeadLetter[]> {
      return dead.slice(0, limit).map((d) => ({ ...d, message: { ...d.message } }));
    },

    async removeAgent(agent: string): Promise<void> {
      if (closed) throw closedError();
      checkName('agent', agent);
      const group = groups.get(agent);
      if (!group) return;
      for (const worker of group.workers) worker.stopped = true;
      for (const entry of group.inFlight.values()) entry.timer.abort();
      groups.delete(agent);
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const group of groups.values()) {
        for (const worker of group.workers) worker.stopped = true;
        for (const entry of group.inFlight.values()) entry.timer.abort();
        group.inFlight.clear();
        group.ready = [];
      }
    },
  };
}
