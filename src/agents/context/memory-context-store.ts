import { BoundedMap } from '../../state/bounded-map.js';
import {
  type ContextDraft,
  type ContextStore,
  type ConversationContext,
  checkConversationId,
  checkDraft,
  checkExpectedVersion,
  checkTtl,
  type PutResult,
} from './context-store.js';
import { ContextStoreError, ContextStoreErrorCodes } from './context-store-error.js';
import { updateContext } from './update-context.js';

export interface MemoryContextStoreOptions {
  /** How long a context lives after its last write. Default: until evicted or deleted. */
  ttlMs?: number;
  /** At most this many conversations; the least recently used go first. Default 10 000. */
  maxEntries?: number;
  /** Milliseconds, for expiry; inject a manual clock in tests. Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  /** The draft as JSON, so no caller can change a stored value through a shared object. */
  json: string;
  version: number;
  expiresAtMs: number;
}

/**
 * A context store in this process's memory: for one replica, development and tests. Same
 * semantics as the Redis store (JSON values, versions, expiry after the last write).
 *
 * @example
 * const store = createMemoryContextStore({ ttlMs: 3_600_000 });
 */
export function createMemoryContextStore(options: MemoryContextStoreOptions = {}): ContextStore {
  const ttlMs = options.ttlMs === undefined ? undefined : checkTtl('ttlMs', options.ttlMs);
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1)
    throw new ContextStoreError(
      ContextStoreErrorCodes.badArgument,
      `maxEntries must be a positive integer, got ${String(maxEntries)}`,
    );
  const now = options.now ?? Date.now;
  const entries = new BoundedMap<Entry>(maxEntries);
  let closed = false;

  const checkOpen = () => {
    if (closed)
      throw new ContextStoreError(
        ContextStoreErrorCodes.closed,
        'The memory context store was used after close()',
      );
  };
  const live = (conversationId: string): Entry | undefined => {
    const entry = entries.get(conversationId);
    if (entry && entry.expiresAtMs <= now()) {
      entries.delete(conversationId);
      return undefined;
    }
    return entry;
  };
  const toContext = (entry: Entry): ConversationContext => ({
    ...(JSON.parse(entry.json) as ContextDraft),
    version: entry.version,
  });

  // Every step before the first `await` runs synchronously, so a put is atomic in this process.
  const store: ContextStore = {
    async get(conversationId) {
      checkOpen();
      const entry = live(checkConversationId(conversationId));
      return entry ? toContext(entry) : undefined;
    },
    async put(next, expectedVersion): Promise<PutResult> {
      checkOpen();
      const draft = checkDraft(next);
      checkExpectedVersion(expectedVersion);
      const entry = live(draft.conversationId);
      if ((entry?.version ?? 0) !== expectedVersion)
        return { ok: false, current: entry ? toContext(entry) : undefined };
      const written: Entry = {
        json: JSON.stringify(draft),
        version: expectedVersion + 1,
        expiresAtMs: ttlMs === undefined ? Number.POSITIVE_INFINITY : now() + ttlMs,
      };
      entries.set(draft.conversationId, written);
      return { ok: true, context: toContext(written) };
    },
    update: (conversationId, change, updateOptions) =>
      updateContext(store, conversationId, change, updateOptions),
    async delete(conversationId) {
      checkOpen();
      entries.delete(checkConversationId(conversationId));
    },
    async close() {
      closed = true;
    },
  };
  return store;
}
