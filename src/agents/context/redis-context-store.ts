import type { Redis } from 'ioredis';
import {
  connectRedis,
  type RedisConnectOptions,
  redactRedisUrl,
} from '../../state/redis-connection.js';
import { StateStoreError, StateStoreErrorCodes } from '../../state/state-store-error.js';
import {
  type ContextStore,
  type ConversationContext,
  checkConversationId,
  checkDraft,
  checkExpectedVersion,
  checkTtl,
  corrupt,
  type PutResult,
  readStoredDraft,
} from './context-store.js';
import { ContextStoreError, ContextStoreErrorCodes } from './context-store-error.js';
import { defineContextCas } from './redis-context-script.js';
import { updateContext } from './update-context.js';

export interface RedisContextStoreOptions extends RedisConnectOptions {
  /** redis:// or rediss:// URL; it may hold a password, which no message ever shows. */
  url: string;
  /** Put before every key, e.g. 'hb:prod:'; keeps deployments and tests apart. */
  keyPrefix: string;
  /** How long a context lives after its last write (Redis PEXPIRE). */
  ttlMs: number;
}

/**
 * A context store in Redis, shared by every process that uses the same URL and key prefix. A
 * context is one hash `<keyPrefix>context:<conversationId>` with fields `v` (version) and `doc`
 * (the rest, as JSON); writes go through one Lua compare-and-set, and values are validated when
 * read back. Opens its own connection; `close()` quits it.
 *
 * @example
 * const store = await createRedisContextStore({ url: process.env.REDIS_URL, keyPrefix: 'hb:', ttlMs: 86_400_000 });
 */
export async function createRedisContextStore(
  options: RedisContextStoreOptions,
): Promise<ContextStore> {
  const ttlMs = checkTtl('ttlMs', options.ttlMs);
  if (typeof options.keyPrefix !== 'string')
    throw new ContextStoreError(
      ContextStoreErrorCodes.badArgument,
      'keyPrefix must be a string (it may be empty)',
    );
  const keyPrefix = options.keyPrefix;
  let safeUrl: string;
  let client: Redis;
  try {
    safeUrl = redactRedisUrl(options.url);
    client = await connectRedis(options.url, options);
  } catch (error) {
    // The state area's messages are already free of credentials; keep them, with our codes.
    const message = error instanceof Error ? error.message : String(error);
    const code =
      error instanceof StateStoreError && error.code === StateStoreErrorCodes.badUrl
        ? ContextStoreErrorCodes.badUrl
        : ContextStoreErrorCodes.unavailable;
    throw new ContextStoreError(code, message, { cause: error });
  }
  const cas = defineContextCas(client);
  const keyOf = (conversationId: string) => `${keyPrefix}context:${conversationId}`;
  let closed = false;

  /** Runs a Redis call, turning its failures into context store errors. */
  const call = async <T>(key: string, action: () => Promise<T>): Promise<T> => {
    if (closed)
      throw new ContextStoreError(
        ContextStoreErrorCodes.closed,
        'The Redis context store was used after close()',
      );
    try {
      return await action();
    } catch (error) {
      if (error instanceof ContextStoreError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      if (reason.includes('WRONGTYPE')) throw corrupt(key, 'it is not a context hash', error);
      throw new ContextStoreError(
        ContextStoreErrorCodes.unavailable,
        `Redis not reachable at ${safeUrl}: ${reason}`,
        { cause: error },
      );
    }
  };

  const toContext = (
    key: string,
    conversationId: string,
    version: number,
    doc: string | null | undefined,
  ): ConversationContext => {
    if (doc === null || doc === undefined) throw corrupt(key, 'it has a version but no value');
    return { ...readStoredDraft(key, conversationId, doc), version };
  };

  const store: ContextStore = {
    async get(conversationId) {
      const key = keyOf(checkConversationId(conversationId));
      const [version, doc] = await call(key, () => client.hmget(key, 'v', 'doc'));
      if (version == null && doc == null) return undefined;
      if (version == null || !/^[1-9]\d{0,15}$/.test(version))
        throw corrupt(key, `its version is ${JSON.stringify(version)}`);
      return toContext(key, conversationId, Number(version), doc);
    },
    async put(next, expectedVersion): Promise<PutResult> {
      const draft = checkDraft(next);
      checkExpectedVersion(expectedVersion);
      const key = keyOf(draft.conversationId);
      const json = JSON.stringify(draft);
      const reply = await call(key, () => cas(key, expectedVersion, json, ttlMs));
      switch (reply.kind) {
        case 'written':
          return { ok: true, context: { ...draft, version: reply.version } };
        case 'stale':
          return {
            ok: false,
            current:
              reply.version === 0
                ? undefined
                : toContext(key, draft.conversationId, reply.version, reply.doc),
          };
        case 'corruptVersion':
          throw corrupt(key, 'its version is not a positive integer');
        case 'unreadable':
          throw new ContextStoreError(
            ContextStoreErrorCodes.corrupt,
            `Redis replied ${JSON.stringify(reply.reply)} to the context write at ${key}, which the store cannot read`,
          );
      }
    },
    update: (conversationId, change, updateOptions) =>
      updateContext(store, conversationId, change, updateOptions),
    async delete(conversationId) {
      const key = keyOf(checkConversationId(conversationId));
      await call(key, () => client.del(key));
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
  return store;
}
