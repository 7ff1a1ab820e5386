import { describe, expect, it } from 'vitest';
import { describeContextStoreContract } from './context-store-contract.js';
import { ContextStoreErrorCodes } from './context-store-error.js';
import { createMemoryContextStore } from './memory-context-store.js';

function manualNow(startMs = 1_767_225_600_000) {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

describeContextStoreContract('memory', async ({ ttlMs }) => {
  const clock = manualNow();
  const store = createMemoryContextStore({ ttlMs, now: clock.now });
  return {
    store,
    // One process: a second handle is the same store, whose close() leaves the store open.
    openPeer: async () => ({ ...store, close: async () => undefined }),
    passTime: async (ms) => clock.advance(ms),
  };
});

describe('memory context store', () => {
  const draft = (conversationId: string) => ({
    conversationId,
    transcript: [],
    facts: {},
    handoffs: [],
  });

  it('keeps at most maxEntries conversations, dropping the least recently used', async () => {
    const store = createMemoryContextStore({ maxEntries: 2 });
    await store.put(draft('a'), 0);
    await store.put(draft('b'), 0);
    await store.get('a');
    await store.put(draft('c'), 0);
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.version).toBe(1);
    expect((await store.get('c'))?.version).toBe(1);
  });

  it('keeps contexts without a ttlMs until deleted', async () => {
    const clock = manualNow();
    const store = createMemoryContextStore({ now: clock.now });
    await store.put(draft('a'), 0);
    clock.advance(365 * 86_400_000);
    expect((await store.get('a'))?.version).toBe(1);
  });

  it('rejects impossible options', () => {
    for (const options of [{ ttlMs: 0 }, { ttlMs: 1.5 }, { maxEntries: 0 }])
      expect(() => createMemoryContextStore(options)).toThrow(
        expect.objectContaining({ code: ContextStoreErrorCodes.badArgument }),
      );
  });
});
