import { availableParallelism } from 'node:os';
import { ConfigError } from '../../src/index.js';
import type { Suite } from '../scenario/index.js';
import { openArrivals } from './open-arrivals.js';

/** Enough in flight to keep a mock run busy: 4 per core, at least 8. */
export const DEFAULT_CONCURRENCY = Math.max(8, availableParallelism() * 4);

/** How a run sends its requests, after flags and the suite's `load` are weighed. */
export interface Traffic {
  /** Requests in flight at once (closed loop); unused by an open load. */
  concurrency: number;
  /** Requests per mode drawn from the suite by weight; absent: the whole suite. */
  requests?: number;
  /** Open load: when the n-th request starts, in ms. */
  arrivalsMs?: number[];
  /** For people: what drove the run, e.g. `open constant-arrival-rate (150 requests)`. */
  description: string;
}

/**
 * `--requests` and `--concurrency` win (a closed run); otherwise the suite's `load`, closed or
 * open; otherwise every request of the suite, `DEFAULT_CONCURRENCY` at a time.
 */
export function resolveTraffic(
  suite: Pick<Suite, 'load' | 'file'>,
  flags: { concurrency?: number; requests?: number },
): Traffic {
  const load = suite.load;
  if (flags.concurrency !== undefined || flags.requests !== undefined || load === undefined) {
    const concurrency =
      flags.concurrency ?? (load?.model === 'closed' ? load.concurrency : DEFAULT_CONCURRENCY);
    const requests = flags.requests ?? (load?.model === 'closed' ? load.requests : undefined);
    return {
      concurrency,
      ...(requests === undefined ? {} : { requests }),
      description: `closed: ${concurrency} in flight, ${requests === undefined ? 'the whole suite' : `${requests} requests`}`,
    };
  }
  if (load.model === 'closed') {
    return {
      concurrency: load.concurrency,
      requests: load.requests,
      description: `closed (suite load): ${load.concurrency} in flight, ${load.requests} requests`,
    };
  }
  const arrivalsMs = openArrivals(load);
  if (arrivalsMs.length === 0)
    throw new ConfigError(
      'HB_SUITE_INVALID',
      `${suite.file}: load.open starts no requests (every rate is 0); raise a rate or a duration`,
    );
  return {
    concurrency: DEFAULT_CONCURRENCY,
    arrivalsMs,
    description: `open (suite load): ${load.executor}, ${arrivalsMs.length} requests`,
  };
}
