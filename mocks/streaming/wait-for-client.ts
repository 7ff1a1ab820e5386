import type { Clock } from '../../src/clock.js';

/**
 * Waits `ms` on the mock's clock before answering. Resolves false instead when the client leaves
 * first (its request's signal aborts): the answer then goes nowhere ({@link clientGone}).
 */
export async function waitForClient(
  clock: Clock,
  ms: number,
  signal: AbortSignal,
): Promise<boolean> {
  if (ms <= 0) return true;
  try {
    await clock.sleep(ms, signal);
    return true;
  } catch {
    // Only an abort rejects a sleep.
    return false;
  }
}

/** The answer to a client that left: nobody reads it (499, "client closed request"). */
export function clientGone(): Response {
  return new Response(null, { status: 499 });
}
