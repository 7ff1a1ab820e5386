import { describe, expect, it } from 'vitest';
import { connectRedis, redactRedisUrl } from './redis-connection.js';
import { createRedisStore } from './redis-store.js';
import { StateStoreError, StateStoreErrorCodes } from './state-store-error.js';

describe('redis connection', () => {
  it('rejects quickly and clearly when nothing listens at the URL', async () => {
    const startedMs = performance.now();
    const error = await createRedisStore({ url: 'redis://app:s3cret@127.0.0.1:1/2' }).catch(
      (e: unknown) => e,
    );
    expect(performance.now() - startedMs).toBeLessThan(2000);
    expect(error).toBeInstanceOf(StateStoreError);
    expect(error).toMatchObject({ code: StateStoreErrorCodes.unavailable, isUserError: false });
    const message = (error as Error).message;
    expect(message).toMatch(/^Redis not reachable at redis:\/\/127\.0\.0\.1:1\/2: .*ECONNREFUSED/);
    expect(message).not.toContain('s3cret');
    expect(message).not.toContain('app');
  });

  it('gives up within connectTimeoutMs on a server that never answers', async () => {
    const { createServer } = await import('node:net');
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as import('node:net').AddressInfo;
    try {
      const startedMs = performance.now();
      await expect(
        connectRedis(`redis://127.0.0.1:${port}`, { connectTimeoutMs: 300 }),
      ).rejects.toMatchObject({ code: StateStoreErrorCodes.unavailable });
      expect(performance.now() - startedMs).toBeLessThan(1500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses a URL that is not redis:// without echoing it', () => {
    for (const url of ['http://user:pw@host:6379', 'not a url :pw', 'redis://']) {
      let error: unknown;
      try {
        redactRedisUrl(url);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: StateStoreErrorCodes.badUrl, isUserError: true });
      expect((error as Error).message).not.toContain('pw');
    }
  });

  it('strips credentials and keeps host, port and database', () => {
    expect(redactRedisUrl('redis://:pw@cache.internal:6380/3')).toBe(
      'redis://cache.internal:6380/3',
    );
    expect(redactRedisUrl('rediss://u:pw@[::1]:6379')).toBe('rediss://[::1]:6379');
  });
});
