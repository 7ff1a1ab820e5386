import type { Redis } from 'ioredis';
import { StateStoreError, StateStoreErrorCodes } from './state-store-error.js';

export interface RedisConnectOptions {
  /** How long the first connection (TCP, handshake, ready check) may take. Default 2000. */
  connectTimeoutMs?: number;
  /** How long one command may wait for its answer before it fails. Default 2000. */
  commandTimeoutMs?: number;
}

/**
 * The URL as it may appear in messages: scheme, host, port and database, never the user name or
 * password. Throws a user error for anything that is not a redis:// or rediss:// URL, without
 * echoing it, since a mistyped URL may still hold a password.
 */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if ((parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '')
    throw new StateStoreError(
      StateStoreErrorCodes.badUrl,
      'The Redis URL (REDIS_URL) is not a redis://host:port or rediss://host:port URL; it is not shown here because it may hold a password. Fix it, or unset it to keep state in memory.',
    );
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** The error every failed call turns into, naming the server without its credentials. */
export function unavailableError(safeUrl: string, cause: unknown): StateStoreError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new StateStoreError(
    StateStoreErrorCodes.unavailable,
    `Redis not reachable at ${safeUrl}: ${reason}`,
    { cause },
  );
}

/**
 * Opens a connection and waits until it is ready, or fails within `connectTimeoutMs`. Once it has
 * been ready it reconnects in the background after a drop; meanwhile calls fail at once (no
 * offline queue) rather than pile up, and a call that gets no answer fails after
 * `commandTimeoutMs`. Errors are kept for messages, never printed.
 *
 * @example
 * const client = await connectRedis('redis://127.0.0.1:6379', { connectTimeoutMs: 1000 });
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<Redis> {
  const safeUrl = redactRedisUrl(url);
  // Loaded with the first connection: a process whose state stays in memory never carries it.
  const { Redis } = await import('ioredis');
  const connectTimeoutMs = options.connectTimeoutMs ?? 2000;
  let everReady = false;
  let lastError: unknown;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    // At most once: a script whose reply was lost (tokens taken, budget added) must not run again
    // after a reconnect, so a call in flight when the connection drops fails instead of replaying.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    enableOfflineQueue: false,
    connectionName: 'hybrid-bench:state',
    // Before the first ready: give up at once, so a wrong URL fails fast at start-up.
    retryStrategy: (times) => (everReady ? Math.min(50 * 2 ** (times - 1), 2000) : null),
  });
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  client.once('ready', () => {
    everReady = true;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${connectTimeoutMs} ms`)),
      connectTimeoutMs,
    );
  });
  try {
    await Promise.race([client.connect(), deadline]);
    return client;
  } catch (error) {
    client.disconnect();
    throw unavailableError(safeUrl, lastError ?? error);
  } finally {
    clearTimeout(timer);
  }
}
