import { type Clock, realClock } from '../../src/index.js';
import { type ProcessFigures, processFiguresOf } from './prometheus-text.js';
import type { SoakSample } from './soak-summary.js';

/**
 * The server's `/metrics` text, read with the admin key as bearer.
 * @throws Error naming the URL and status when it does not answer 200.
 */
export async function readMetrics(
  metricsUrl: string,
  apiKey: string,
  timeoutMs: number,
): Promise<string> {
  const response = await fetch(metricsUrl, {
    headers: { authorization: `Bearer ${apiKey}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${metricsUrl} answered ${response.status}`);
  return text;
}

/** Reads the server's `/metrics` and picks the process figures. */
export async function scrapeProcess(
  metricsUrl: string,
  apiKey: string,
  timeoutMs: number,
): Promise<ProcessFigures> {
  return processFiguresOf(await readMetrics(metricsUrl, apiKey, timeoutMs));
}

export interface Sampler {
  /** Stops sampling; resolves with the samples once the scrape under way (if any) is done. */
  stop(): Promise<{ samples: SoakSample[]; failed: number; lastError?: string }>;
}

/**
 * Samples the server process every `intervalMs` while a soak runs, timing each sample from
 * `startMs` (the load's start, on `clock`). A scrape that fails is counted, not fatal: a server
 * busy enough to miss one is what a soak is there to see.
 */
export function sampleServer(options: {
  metricsUrl: string;
  apiKey: string;
  intervalMs: number;
  startMs: number;
  clock?: Clock;
  scrape?: typeof scrapeProcess;
  onSample?: (sample: SoakSample) => void;
}): Sampler {
  const clock = options.clock ?? realClock;
  const scrape = options.scrape ?? scrapeProcess;
  const samples: SoakSample[] = [];
  const stopped = new AbortController();
  let failed = 0;
  let lastError: string | undefined;
  const loop = (async () => {
    while (!stopped.signal.aborted) {
      const atS = Math.round(clock.now() - options.startMs) / 1000;
      try {
        const sample = {
          atS,
          ...(await scrape(options.metricsUrl, options.apiKey, options.intervalMs)),
        };
        samples.push(sample);
        options.onSample?.(sample);
      } catch (error) {
        failed++;
        lastError = (error as Error).message;
      }
      // On a fixed beat from the start, however long the scrape took; a missed beat is skipped.
      const beats = Math.floor((clock.now() - options.startMs) / options.intervalMs) + 1;
      const dueMs = options.startMs + beats * options.intervalMs;
      await clock.sleep(Math.max(0, dueMs - clock.now()), stopped.signal).catch(() => undefined);
    }
  })();
  return {
    async stop() {
      stopped.abort();
      await loop;
      return { samples, failed, ...(lastError ? { lastError } : {}) };
    },
  };
}
