import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store.js';
import { describeStateStoreContract } from './state-store-contract.js';

function manualNow(startMs = 1_000_000) {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

describeStateStoreContract('memory', async () => {
  const clock = manualNow();
  return {
    store: createMemoryStore({ now: clock.now }),
    passTtlTime: async (ms) => clock.advance(ms),
  };
});

describe('memory store bounds', () => {
  const T0 = 1_767_225_600_000;
  const spec = { capacity: 1, refillPerSecond: 0 };

  it('keeps at most maxCacheEntries, dropping the least recently used', async () => {
    const store = createMemoryStore({ maxCacheEntries: 3 });
    for (const key of ['a', 'b', 'c']) await store.cacheSet(key, key, 60_000);
    await store.cacheGet('a');
    await store.cacheSet('d', 'd', 60_000);
    expect(await store.cacheGet('b')).toBeUndefined();
    expect(await Promise.all(['a', 'c', 'd'].map((k) => store.cacheGet(k)))).toEqual([
      'a',
      'c',
      'd',
    ]);
  });

  it('keeps at most maxKeys buckets and counters, forgetting the oldest', async () => {
    const store = createMemoryStore({ maxKeys: 2 });
    for (const key of ['k1', 'k2', 'k3']) {
      await store.takeTokens(key, spec, 1, T0);
      await store.addToCounter(key, 1, 60_000);
    }
    // k1 was evicted, so its bucket is full again and its counter gone; k3 is still drained.
    expect((await store.takeTokens('k1', spec, 1, T0)).allowed).toBe(true);
    expect((await store.takeTokens('k3', spec, 1, T0)).allowed).toBe(false);
    expect(await store.readCounter('k1')).toBe(0);
    expect(await store.readCounter('k3')).toBe(1);
  });

  it('refreshes a key on use, so a busy bucket outlives idle ones', async () => {
    const store = createMemoryStore({ maxKeys: 2 });
    await store.takeTokens('busy', spec, 1, T0);
    await store.takeTokens('idle', spec, 1, T0);
    await store.takeTokens('busy', spec, 1, T0);
    await store.takeTokens('new', spec, 1, T0);
    expect((await store.takeTokens('busy', spec, 1, T0)).allowed).toBe(false);
    expect((await store.takeTokens('idle', spec, 1, T0)).allowed).toBe(true);
  });

  it('judges expiry by the injected clock only', async () => {
    let nowMs = 0;
    const store = createMemoryStore({ now: () => nowMs });
    await store.cacheSet('k', 'v', 1000);
    nowMs = 999;
    expect(await store.cacheGet('k')).toBe('v');
    nowMs = 1000;
    expect(await store.cacheGet('k')).toBeUndefined();
  });
});
