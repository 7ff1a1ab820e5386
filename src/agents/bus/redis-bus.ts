import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { connectRedis, redactRedisUrl } from '../../state/redis-connection.js';
import { StateStoreError, StateStoreErrorCodes } from '../../state/state-store-error.js';
import { AgentBusError, AgentBusErrorCodes } from './bus-error.js';
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

export interface RedisBusOptions extends AgentBusOptions {
  /** redis:// or rediss:// URL; never shown in messages with its credentials. */
  url: string;
  /** Prefix of every key: streams are `<keyPrefix>:bus:<agent>`. */
  keyPrefix: string;
  /**
   * Longest wait of one blocking read. Also bounds how late a timed-out delivery is noticed, so
   * a read blocks at most `min(blockMs, ackTimeoutMs)`. Default 1000.
   */
  blockMs?: number;
  /** Connect timeout of every connection. Default 2000. */
  connectTimeoutMs?: number;
}

/** The message as stored in one stream entry field; `attempt` comes from the pending entry. */
type Stored = Omit<AgentMessage, 'attempt'>;

function toBusError(error: unknown): unknown {
  if (error instanceof StateStoreError)
    return new AgentBusError(
      error.code === StateStoreErrorCodes.badUrl
        ? AgentBusErrorCodes.badUrl
        : AgentBusErrorCodes.unavailable,
      error.message,
      { cause: error },
    );
  return error;
}

function badReply(safeUrl: string, what: string): AgentBusError {
  return new AgentBusError(
    AgentBusErrorCodes.badReply,
    `Redis at ${safeUrl} returned ${what} where the agent bus expected one of its stream entries.`,
  );
}

/** One stream entry `[id, [field, value, ...]]` → its id and the `m` field. */
function readEntry(entry: unknown): { entryId: string; stored: string } | undefined {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1]))
    return undefined;
  const fields = entry[1] as unknown[];
  for (let i = 0; i + 1 < fields.length; i += 2)
    if (fields[i] === 'm' && typeof fields[i + 1] === 'string')
      return { entryId: entry[0], stored: fields[i + 1] as string };
  return undefined;
}

/**
 * The entries of a one-stream XREADGROUP reply: `[[key, entries]]` in plain RESP2, `[key,
 * entries]` as ioredis 6 shapes it.
 */
function readStreamEntries(reply: unknown): unknown[] | undefined {
  if (!Array.isArray(reply)) return undefined;
  const stream: unknown = typeof reply[0] === 'string' ? reply : reply[0];
  if (!Array.isArray(stream) || !Array.isArray(stream[1])) return undefined;
  return stream[1] as unknown[];
}

function parseStored(text: string): Stored | undefined {
  try {
    const value = JSON.parse(text) as Partial<Stored> | null;
    if (
      value &&
      typeof value.id === 'string' &&
      typeof value.conversationId === 'string' &&
      typeof value.from === 'string' &&
      typeof value.to === 'string' &&
      typeof value.type === 'string' &&
      typeof value.sentAtMs === 'number'
    )
      return value as Stored;
  } catch {
    // fall through
  }
  return undefined;
}

/**
 * The agent bus on Redis Streams, shared by every process on one Redis: one stream and one
 * consumer group per agent, blocking reads on a connection per worker, redelivery of entries
 * left pending longer than `ackTimeoutMs` with XAUTOCLAIM, dead letters in `<prefix>:bus:dead`.
 *
 * @example
 * const bus = await createRedisBus({ url: 'redis://127.0.0.1:6379', keyPrefix: 'hb', ackTimeoutMs: 30_000, maxAttempts: 3 });
 */
export async function createRedisBus(options: RedisBusOptions): Promise<AgentBus> {
  checkBusOptions(options);
  let safeUrl: string;
  try {
    safeUrl = redactRedisUrl(options.url);
  } catch (error) {
    throw toBusError(error);
  }
  const { ackTimeoutMs, maxAttempts, keyPrefix } = options;
  const blockMs = Math.max(1, Math.min(options.blockMs ?? 1000, ackTimeoutMs));
  const connectTimeoutMs = options.connectTimeoutMs ?? 2000;
  const streamKey = (agent: string) => `${keyPrefix}:bus:${agent}`;
  const agentsKey = `${keyPrefix}:bus:agents`;
  const deadKey = `${keyPrefix}:bus:dead`;

  let main: Redis;
  try {
    main = await connectRedis(options.url, { connectTimeoutMs });
  } catch (error) {
    throw toBusError(error);
  }
  let closed = false;
  const workers = new Set<{ agent: string; stop: () => void; done: Promise<void> }>();

  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing error callback must not break delivery.
    }
  };
  const unavailable = (error: unknown) =>
    new AgentBusError(
      AgentBusErrorCodes.unavailable,
      `Redis not reachable at ${safeUrl}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );

  async function ensureGroup(agent: string): Promise<void> {
    try {
      await main.xgroup('CREATE', streamKey(agent), agent, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error;
    }
  }

  async function runWorker(
    agent: string,
    consumer: string,
    handler: DeliveryHandler,
    conn: Redis,
    stopped: () => boolean,
    whenStopped: Promise<void>,
  ): Promise<void> {
    const key = streamKey(agent);
    const claimEveryMs = Math.max(5, Math.floor(ackTimeoutMs / 4));
    let lastClaimAt = Number.NEGATIVE_INFINITY;

    const handle = async (entryId: string, stored: string, attempt: number) => {
      const parsed = parseStored(stored);
      if (!parsed) {
        report(badReply(safeUrl, `an unreadable entry ${entryId} in ${key}`));
        await main.multi().xack(key, agent, entryId).xdel(key, entryId).exec();
        return;
      }
      const message: AgentMessage = { ...parsed, attempt };
      let acked = false;
      const ack = async () => {
        if (acked || closed) return;
        acked = true;
        try {
          // One group per stream: an acked entry is done everywhere, so it is deleted too.
          const results = await main.multi().xack(key, agent, entryId).xdel(key, entryId).exec();
          const failed = results?.find(([error]) => error)?.[0];
          if (failed) throw failed;
        } catch (error) {
          throw unavailable(error);
        }
      };
      try {
        await Promise.race([handler({ message, ack }), whenStopped]);
      } catch (error) {
        report(error);
      }
    };

    /** Claims one delivery idle past the ack timeout; false when there is none. */
    const claimOne = async (): Promise<boolean> => {
      const reply = await conn.xautoclaim(key, agent, consumer, ackTimeoutMs, '0-0', 'COUNT', 1);
      const entries = Array.isArray(reply) ? reply[1] : undefined;
      if (!Array.isArray(entries) || entries.length === 0) return false;
      const entry = readEntry(entries[0]);
      if (!entry) throw badReply(safeUrl, 'a malformed XAUTOCLAIM reply');
      const pending = (await conn.xpending(key, agent, entry.entryId, entry.entryId, 1)) as unknown;
      const row = Array.isArray(pending) ? (pending[0] as unknown) : undefined;
      const count = Array.isArray(row) ? Number(row[3]) : Number.NaN;
      if (!Number.isInteger(count)) throw badReply(safeUrl, 'a malformed XPENDING reply');
      if (count > maxAttempts) {
        const parsed = parseStored(entry.stored);
        const letter = {
          agent,
          message: parsed ? { ...parsed, attempt: count - 1 } : { unreadable: entry.stored },
          deadAtMs: Date.now(),
        };
        await main
          .multi()
          .xadd(deadKey, '*', 'm', JSON.stringify(letter))
          .xack(key, agent, entry.entryId)
          .xdel(key, entry.entryId)
          .exec();
        return true;
      }
      await handle(entry.entryId, entry.stored, count);
      return true;
    };

    while (!stopped()) {
      try {
        const now = performance.now();
        if (now - lastClaimAt >= claimEveryMs) {
          if (await claimOne()) continue;
          lastClaimAt = now;
        }
        const reply = await conn.call(
          'XREADGROUP',
          'GROUP',
          agent,
          consumer,
          'COUNT',
          1,
          'BLOCK',
          blockMs,
          'STREAMS',
          key,
          '>',
        );
        if (reply === null || stopped()) continue;
        const entries = readStreamEntries(reply);
        if (!entries) throw badReply(safeUrl, 'a malformed XREADGROUP reply');
        for (const raw of entries) {
          const entry = readEntry(raw);
          if (!entry) throw badReply(safeUrl, 'a malformed stream entry');
          await handle(entry.entryId, entry.stored, 1);
        }
      } catch (error) {
        if (stopped()) break;
        if (error instanceof Error && error.message.startsWith('NOGROUP')) {
          // The stream was deleted under us: recreate it and go on.
          await ensureGroup(agent).catch(report);
        } else {
          report(error instanceof AgentBusError ? error : unavailable(error));
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(100, ackTimeoutMs)));
      }
    }
  }

  return {
    async send(outgoing: OutgoingMessage): Promise<string> {
      if (closed) throw closedError();
      const json = checkOutgoing(outgoing);
      const id = randomUUID();
      const stored: Stored = {
        id,
        conversationId: outgoing.conversationId,
        from: outgoing.from,
        to: outgoing.to,
        type: outgoing.type,
        body: JSON.parse(json) as unknown,
        sentAtMs: Date.now(),
      };
      const text = JSON.stringify(stored);
      try {
        if (outgoing.to !== BROADCAST) {
          await main.xadd(streamKey(outgoing.to), '*', 'm', text);
          return id;
        }
        const agents = await main.smembers(agentsKey);
        if (agents.length > 0) {
          const pipeline = main.pipeline();
          for (const agent of agents) pipeline.xadd(streamKey(agent), '*', 'm', text);
          const results = await pipeline.exec();
          const failed = results?.find(([error]) => error)?.[0];
          if (failed) throw failed;
        }
        return id;
      } catch (error) {
        throw unavailable(error);
      }
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
      let conn: Redis;
      try {
        await ensureGroup(agent);
        await main.sadd(agentsKey, agent);
        // A blocking read holds its connection: each worker gets its own, with a command
        // timeout longer than the block.
        conn = await connectRedis(options.url, {
          connectTimeoutMs,
          commandTimeoutMs: blockMs + 2000,
        });
      } catch (error) {
        throw error instanceof StateStoreError ? toBusError(error) : unavailable(error);
      }
      if (closed) {
        conn.disconnect();
        throw closedError();
      }
      let isStopped = false;
      let resolveStopped = () => {};
      const whenStopped = new Promise<void>((resolve) => {
        resolveStopped = resolve;
      });
      const stop = () => {
        if (isStopped) return;
        isStopped = true;
        resolveStopped();
        conn.disconnect(); // ends a blocking read at once
      };
      const done = runWorker(agent, consumer, handler, conn, () => isStopped, whenStopped)
        .catch(report)
        .finally(() => {
          stop();
          workers.delete(worker);
        });
      const worker = { agent, stop, done };
      workers.add(worker);
      signal?.addEventListener('abort', stop, { once: true });
      if (signal?.aborted) stop();
    },

    async deadLetters(limit = 100): Promise<DeadLetter[]> {
      if (closed) throw closedError();
      let reply: unknown;
      try {
        reply = await main.xrange(deadKey, '-', '+', 'COUNT', limit);
      } catch (error) {
        throw unavailable(error);
      }
      if (!Array.isArray(reply)) throw badReply(safeUrl, 'a malformed XRANGE reply');
      return reply.map((raw: unknown) => {
        const entry = readEntry(raw);
        if (!entry) throw badReply(safeUrl, `a malformed entry in ${deadKey}`);
        return JSON.parse(entry.stored) as DeadLetter;
      });
    },

    async removeAgent(agent: string): Promise<void> {
      if (closed) throw closedError();
      checkName('agent', agent);
      const running = [...workers].filter((w) => w.agent === agent);
      for (const worker of running) worker.stop();
      await Promise.all(running.map((w) => w.done));
      try {
        // The stream holds the group and its pending entries: deleting it forgets them all.
        await main.multi().srem(agentsKey, agent).del(streamKey(agent)).exec();
      } catch (error) {
        throw unavailable(error);
      }
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      const running = [...workers];
      for (const worker of running) worker.stop();
      await Promise.all(running.map((w) => w.done));
      try {
        await main.quit();
      } catch {
        main.disconnect();
      }
    },
  };
}
