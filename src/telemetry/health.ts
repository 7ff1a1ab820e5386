import { type Clock, realClock } from '../clock.js';
import { scrubSecrets } from './scrub-secrets.js';

/** A readiness check: resolves (to anything but `false`) when healthy; throws or returns `false` when not. */
export type HealthCheck = (signal: AbortSignal) => unknown;

export type ReadinessStatus = 'ok' | 'degraded' | 'unavailable';

export interface Readiness {
  /** `unavailable` when a check fails; `degraded` when only breakers are open; else `ok`. */
  status: ReadinessStatus;
  /** Keys of the circuit breakers that are open now, sorted. */
  openBreakers: string[];
  /** Each check's result: `ok`, or why it failed (scrubbed of secrets). */
  checks: Record<string, 'ok' | string>;
}

export interface HealthOptions {
  /** A check that has not settled by then counts as failed. Default 1000 ms. */
  checkTimeoutMs?: number;
  clock?: Clock;
}

export interface Health {
  /** The process is up and serving the event loop: always `ok` while it can answer. */
  live(): { status: 'ok' };
  /** Whether to send traffic here: runs every check (concurrently) and looks at the breakers. */
  ready(): Promise<Readiness>;
  /** Registers (or replaces) a named check, e.g. the state store's ping. */
  addCheck(name: string, check: HealthCheck): void;
  removeCheck(name: string): void;
  /** Feed from the `breakerChanged` telemetry hook (`createTelemetry({ health })` does it). */
  breakerChanged(event: { key: string; from: string; to: string }): void;
}

/**
 * Liveness and readiness for the server's health endpoints.
 *
 * @example
 * const health = createHealth();
 * health.addCheck('state', () => store.ping());
 * const telemetry = createTelemetry({ metrics, health });
 * // GET /health/ready → 200 unless (await health.ready()).status === 'unavailable'
 */
export function createHealth(options: HealthOptions = {}): Health {
  const clock = options.clock ?? realClock;
  const timeoutMs = options.checkTimeoutMs ?? 1000;
  const checks = new Map<string, HealthCheck>();
  const openBreakers = new Set<string>();

  async function run(check: HealthCheck): Promise<'ok' | string> {
    const controller = new AbortController();
    const timeout = clock.sleep(timeoutMs, controller.signal).then(
      () => {
        throw new Error(`timed out after ${timeoutMs} ms`);
      },
      () => undefined,
    );
    try {
      const result = await Promise.race([
        Promise.resolve().then(() => check(controller.signal)),
        timeout,
      ]);
      return result === false ? 'failed' : 'ok';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return scrubSecrets(message) || 'failed';
    } finally {
      controller.abort();
    }
  }

  return {
    live: () => ({ status: 'ok' }),
    async ready() {
      const names = [...checks.keys()];
      const results = await Promise.all([...checks.values()].map(run));
      const byName: Record<string, 'ok' | string> = {};
      names.forEach((name, index) => {
        byName[name] = results[index] ?? 'failed';
      });
      const failing = results.some((result) => result !== 'ok');
      return {
        status: failing ? 'unavailable' : openBreakers.size > 0 ? 'degraded' : 'ok',
        openBreakers: [...openBreakers].sort(),
        checks: byName,
      };
    },
    addCheck(name, check) {
      checks.set(name, check);
    },
    removeCheck(name) {
      checks.delete(name);
    },
    breakerChanged(event) {
      if (event.to.toLowerCase() === 'open') openBreakers.add(event.key);
      else openBreakers.delete(event.key);
    },
  };
}
