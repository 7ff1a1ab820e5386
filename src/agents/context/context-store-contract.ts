import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContextDraft, ContextStore, ConversationContext } from './context-store.js';
import { ContextStoreErrorCodes, ContextUpdateConflictError } from './context-store-error.js';

/** One store under test, with what the contract needs around it. */
export interface ContextStoreUnderTest {
  store: ContextStore;
  /**
   * Another handle on the same data, as a second process would have it (for Redis: its own
   * connection). The contract closes it.
   */
  openPeer(): Promise<ContextStore>;
  /** Lets `ms` of store time pass (a manual clock, or real waiting). */
  passTime(ms: number): Promise<void>;
}

export interface ContextStoreFactoryOptions {
  /** The expiry the store must be created with. */
  ttlMs: number;
}

/** The expiry of the contract's stores, except in the expiry test. */
export const CONTRACT_TTL_MS = 60_000;
/** The expiry in the expiry test: short, since the Redis store waits it out in real time. */
export const SHORT_TTL_MS = 300;

const draft = (conversationId: string, overrides: Partial<ContextDraft> = {}): ContextDraft => ({
  conversationId,
  transcript: [{ role: 'user', content: 'My order #A-17 has not arrived.' }],
  facts: { orderId: 'A-17', account: { tier: 'gold', since: 2021 }, refunded: false },
  handoffs: [],
  ...overrides,
});

const appendMessage =
  (conversationId: string, content: string) =>
  (current: ConversationContext | undefined): ContextDraft => ({
    ...(current ?? draft(conversationId, { transcript: [] })),
    transcript: [...(current?.transcript ?? []), { role: 'assistant', content, agent: content }],
  });

/**
 * The behaviour every ContextStore must have, run against each implementation so the memory
 * store and the Redis store are interchangeable. `makeStore` gives a fresh, empty store per test.
 *
 * @example
 * describeContextStoreContract('memory', async ({ ttlMs }) => { … return { store, openPeer, passTime }; });
 */
export function describeContextStoreContract(
  name: string,
  makeStore: (options: ContextStoreFactoryOptions) => Promise<ContextStoreUnderTest>,
): void {
  describe(`${name}: ContextStore contract`, () => {
    const opened: ContextStore[] = [];
    let subject: ContextStoreUnderTest | undefined;
    const open = async (ttlMs: number): Promise<ContextStoreUnderTest> => {
      const made = await makeStore({ ttlMs });
      opened.push(made.store);
      return {
        ...made,
        openPeer: async () => {
          const peer = await made.openPeer();
          opened.push(peer);
          return peer;
        },
      };
    };
    const current = (): ContextStoreUnderTest => {
      if (!subject) throw new Error('no store: makeStore failed for this test');
      return subject;
    };
    let id = '';
    beforeEach(async () => {
      id = `conv-${randomUUID()}`;
      subject = await open(CONTRACT_TTL_MS);
    });
    afterEach(async () => {
      for (const store of opened.splice(0)) {
        await store.delete(id).catch(() => undefined);
        await store.close();
      }
      subject = undefined;
    });

    it('gives undefined for a conversation never written', async () => {
      expect(await current().store.get(id)).toBeUndefined();
    });

    it('reads back what was put, as JSON, at version 1', async () => {
      const { store } = current();
      const written = draft(id, {
        handoffs: [
          { from: 'customer-service', to: 'technical-support', reason: 'r', summary: 's', atMs: 5 },
        ],
      });
      const result = await store.put(written, 0);
      expect(result).toEqual({ ok: true, context: { ...written, version: 1 } });
      expect(await store.get(id)).toEqual({ ...written, version: 1 });
    });

    it('hands out copies: changing a returned context changes nothing stored', async () => {
      const { store } = current();
      await store.put(draft(id), 0);
      const first = await store.get(id);
      first?.transcript.push({ role: 'user', content: 'sneaky' });
      (first?.facts as Record<string, unknown>).orderId = 'changed';
      expect(await store.get(id)).toEqual({ ...draft(id), version: 1 });
    });

    it('increases the version by one on every write', async () => {
      const { store } = current();
      for (let version = 0; version < 3; version++) {
        const result = await store.put(draft(id, { facts: { step: version } }), version);
        expect(result.ok && result.context.version).toBe(version + 1);
      }
      expect(await store.get(id)).toMatchObject({ version: 3, facts: { step: 2 } });
    });

    it('refuses a stale expectedVersion, returns the current context and changes nothing', async () => {
      const { store } = current();
      await store.put(draft(id), 0);
      await store.put(draft(id, { facts: { diagnosis: 'router' } }), 1);
      const stored = await store.get(id);
      expect(await store.put(draft(id, { facts: { lost: true } }), 1)).toEqual({
        ok: false,
        current: stored,
      });
      expect(await store.put(draft(id, { facts: { lost: true } }), 0)).toEqual({
        ok: false,
        current: stored,
      });
      expect(await store.get(id)).toEqual(stored);
    });

    it('refuses a write that expects a version of an absent conversation', async () => {
      const { store } = current();
      expect(await store.put(draft(id), 3)).toEqual({ ok: false, current: undefined });
      expect(await store.get(id)).toBeUndefined();
    });

    it('rejects invalid input with a bad-argument error and writes nothing', async () => {
      const { store } = current();
      const notJson = { ...draft(id), facts: { when: new Date(0), n: Number.NaN } };
      await expect(store.put(notJson as ContextDraft, 0)).rejects.toMatchObject({
        code: ContextStoreErrorCodes.badArgument,
      });
      await expect(store.put(draft(id), -1)).rejects.toMatchObject({
        code: ContextStoreErrorCodes.badArgument,
      });
      await expect(store.get('')).rejects.toMatchObject({
        code: ContextStoreErrorCodes.badArgument,
      });
      expect(await store.get(id)).toBeUndefined();
    });

    it('update creates, then changes, the context', async () => {
      const { store } = current();
      const created = await store.update(id, appendMessage(id, 'one'));
      expect(created.version).toBe(1);
      const changed = await store.update(id, appendMessage(id, 'two'));
      expect(changed.version).toBe(2);
      expect(changed.transcript.map((m) => m.content)).toEqual(['one', 'two']);
      expect(await store.get(id)).toEqual(changed);
    });

    it('lands two concurrent updates from two handles: the loser retries', async () => {
      const { store, openPeer } = current();
      const peer = await openPeer();
      await store.put(draft(id, { transcript: [] }), 0);
      // Both read version 1 before either writes, so exactly one of them must retry.
      let firstReads = 0;
      let bothRead: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => {
        bothRead = resolve;
      });
      let calls = 0;
      const racing = (content: string) => async (now: ConversationContext | undefined) => {
        calls++;
        if (now?.version === 1) {
          if (++firstReads === 2) bothRead();
          await barrier;
        }
        return appendMessage(id, content)(now);
      };
      const [a, b] = await Promise.all([
        store.update(id, racing('from-store')),
        peer.update(id, racing('from-peer')),
      ]);
      expect(calls).toBe(3);
      expect([a.version, b.version].sort()).toEqual([2, 3]);
      const final = await store.get(id);
      expect(final?.version).toBe(3);
      expect(final?.transcript.map((m) => m.content).sort()).toEqual(['from-peer', 'from-store']);
      expect(await peer.get(id)).toEqual(final);
    });

    it('update gives up with a typed error when a competing writer always wins', async () => {
      const { store, openPeer } = current();
      const competitor = await openPeer();
      await store.put(draft(id), 0);
      let attempts = 0;
      const error = await store
        .update(
          id,
          async (now) => {
            attempts++;
            // Another process writes between this attempt's read and its write.
            const bumped = await competitor.put(
              draft(id, { facts: { bump: attempts } }),
              now?.version ?? 0,
            );
            expect(bumped.ok).toBe(true);
            return appendMessage(id, 'never lands')(now);
          },
          { maxAttempts: 3 },
        )
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ContextUpdateConflictError);
      expect(error).toMatchObject({
        code: ContextStoreErrorCodes.conflict,
        conversationId: id,
        attempts: 3,
        currentVersion: 4,
      });
      expect(attempts).toBe(3);
      const final = await store.get(id);
      expect(final).toMatchObject({ version: 4, facts: { bump: 3 } });
      expect(final?.transcript.some((m) => m.content === 'never lands')).toBe(false);
    });

    it('update refuses a change that switches conversation', async () => {
      const { store } = current();
      await expect(store.update(id, () => draft(`${id}-other`))).rejects.toMatchObject({
        code: ContextStoreErrorCodes.badArgument,
      });
      await expect(store.update(id, () => draft(id), { maxAttempts: 0 })).rejects.toMatchObject({
        code: ContextStoreErrorCodes.badArgument,
      });
    });

    it('forgets a context ttlMs after its last write', async () => {
      const short = await open(SHORT_TTL_MS);
      await short.store.put(draft(id), 0);
      await short.passTime(SHORT_TTL_MS / 2);
      await short.store.put(draft(id, { facts: { again: true } }), 1);
      await short.passTime(SHORT_TTL_MS / 2 + 10);
      expect(await short.store.get(id)).toMatchObject({ version: 2 });
      await short.passTime(SHORT_TTL_MS);
      expect(await short.store.get(id)).toBeUndefined();
      // Once expired, the conversation counts as absent again.
      expect(await short.store.put(draft(id), 0)).toMatchObject({ ok: true });
    });

    it('deletes a context, and deleting an absent one is fine', async () => {
      const { store } = current();
      await store.put(draft(id), 0);
      await store.delete(id);
      expect(await store.get(id)).toBeUndefined();
      await expect(store.delete(id)).resolves.toBeUndefined();
      expect(await store.put(draft(id), 0)).toMatchObject({ ok: true, context: { version: 1 } });
    });

    it('keeps conversations apart', async () => {
      const { store } = current();
      await store.put(draft(id), 0);
      await store.put(draft(`${id}-b`, { facts: { other: 1 } }), 0);
      expect((await store.get(id))?.facts).toEqual(draft(id).facts);
      await store.delete(`${id}-b`);
    });

    it('can be closed twice, and fails with a closed error after', async () => {
      const { store } = current();
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.get(id)).rejects.toMatchObject({ code: ContextStoreErrorCodes.closed });
    });
  });
}
