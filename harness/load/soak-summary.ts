import { median } from '../stats/statistics.js';
import type { ProcessFigures } from './prometheus-text.js';

/** One look at the server process during a soak, `atS` seconds after the load started. */
export interface SoakSample extends ProcessFigures {
  atS: number;
}

export interface SoakSummary {
  intervalS: number;
  warmupS: number;
  samples: SoakSample[];
  /** Median RSS over the last window: where memory settled. */
  steadyRssBytes?: number;
  /** Median RSS of the last window against the first window after warm-up, in %. */
  rssGrowthPct?: number;
  heapGrowthPct?: number;
  /** The two windows compared (seconds since the load started). */
  firstWindowS?: [number, number];
  lastWindowS?: [number, number];
  /** The highest event-loop delay p99 seen after warm-up, ms. */
  maxEventLoopP99Ms?: number;
  /** Scrapes that failed (the server did not answer /metrics in time). */
  failedScrapes: number;
  notes: string[];
}

/** At most this long a window: the first minute after warm-up against the last minute. */
const WINDOW_S = 60;

/**
 * Memory and event-loop figures of a soak. Growth compares the median of the last window with
 * that of the first window after warm-up, so one noisy sample does not decide it; a window is a
 * minute, or a third of the sampled time when that is shorter than three minutes.
 */
export function summarizeSoak(
  samples: readonly SoakSample[],
  options: { warmupS: number; intervalS: number; failedScrapes?: number },
): SoakSummary {
  const summary: SoakSummary = {
    intervalS: options.intervalS,
    warmupS: options.warmupS,
    samples: [...samples],
    failedScrapes: options.failedScrapes ?? 0,
    notes: [],
  };
  const after = samples.filter((s) => s.atS >= options.warmupS);
  if (after.length === 0) {
    summary.notes.push('no sample after the warm-up: make the soak longer');
    return summary;
  }
  const firstS = (after[0] as SoakSample).atS;
  const lastS = (after.at(-1) as SoakSample).atS;
  const windowS = Math.min(WINDOW_S, (lastS - firstS) / 3);
  // Both windows hold at least one sample: the first and the last after warm-up.
  const first = after.filter((s) => s.atS <= firstS + windowS);
  const last = after.filter((s) => s.atS >= lastS - windowS);
  summary.steadyRssBytes = median(last.map((s) => s.rssBytes));
  summary.maxEventLoopP99Ms = Math.max(...after.map((s) => s.eventLoopP99Ms));
  if (after.length >= 2 && windowS > 0) {
    const growth = (pick: (s: SoakSample) => number) => {
      const from = median(first.map(pick));
      return Math.round(((median(last.map(pick)) - from) / from) * 10_000) / 100;
    };
    summary.rssGrowthPct = growth((s) => s.rssBytes);
    summary.heapGrowthPct = growth((s) => s.heapUsedBytes);
    summary.firstWindowS = [firstS, firstS + windowS];
    summary.lastWindowS = [lastS - windowS, lastS];
  } else summary.notes.push('too few samples after the warm-up to measure growth');
  const processes = new Set(samples.map((s) => s.processStartS).filter((s) => s !== undefined));
  if (processes.size > 1)
    summary.notes.push(
      `the samples come from ${processes.size} server processes (each scrape is answered by whichever worker takes the connection): figures mix them`,
    );
  return summary;
}
