import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/index.js';
import { sampleServer } from './sample-server.js';
import { type SoakSample, summarizeSoak } from './soak-summary.js';

const MB = 1_048_576;
const sample = (atS: number, rssMb: number, heapMb = 50, eldMs = 10): SoakSample => ({
  atS,
  rssBytes: rssMb * MB,
  heapUsedBytes: heapMb * MB,
  eventLoopP99Ms: eldMs,
});

describe('summarizeSoak', () => {
  it('compares the first minute after warm-up with the last, by median', () => {
    // 10 minutes every 5 s; warm-up 30 s; RSS climbs 100 → 130 MB, with one spike.
    const samples = Array.from({ length: 121 }, (_, i) =>
      sample(i * 5, 100 + (i * 30) / 120, 50, i === 60 ? 80 : 11),
    );
    samples[3] = sample(15, 400); // a warm-up spike: left out
    const soak = summarizeSoak(samples, { warmupS: 30, intervalS: 5 });
    expect(soak.firstWindowS).toEqual([30, 90]);
    expect(soak.lastWindowS).toEqual([540, 600]);
    // Medians 103 MB (30–90 s) and 128.5 MB (540–600 s).
    expect(soak.steadyRssBytes).toBe(128.5 * MB);
    expect(soak.rssGrowthPct).toBe(24.76);
    expect(soak.heapGrowthPct).toBe(0);
    expect(soak.maxEventLoopP99Ms).toBe(80);
    expect(soak.notes).toEqual([]);
  });

  it('uses thirds of the sampled time for a short soak, and says when it cannot measure', () => {
    const short = summarizeSoak([sample(2, 100), sample(4, 100), sample(6, 110), sample(8, 120)], {
      warmupS: 2,
      intervalS: 2,
    });
    expect(short.firstWindowS).toEqual([2, 4]);
    expect(short.rssGrowthPct).toBe(15);
    const none = summarizeSoak([sample(1, 100)], { warmupS: 5, intervalS: 1 });
    expect(none.rssGrowthPct).toBeUndefined();
    expect(none.notes[0]).toMatch(/no sample after the warm-up/);
  });

  it('notes samples mixed from several worker processes', () => {
    const soak = summarizeSoak(
      [
        { ...sample(0, 100), processStartS: 1 },
        { ...sample(5, 100), processStartS: 2 },
      ],
      { warmupS: 0, intervalS: 5 },
    );
    expect(soak.notes.some((n) => /2 server processes/.test(n))).toBe(true);
  });
});

describe('sampleServer', () => {
  it('samples on a fixed beat from the start and counts failed scrapes', async () => {
    const clock = new ManualClock(1_000);
    let calls = 0;
    const sampler = sampleServer({
      metricsUrl: 'http://x/metrics',
      apiKey: 'k',
      intervalMs: 1_000,
      startMs: 1_000,
      clock,
      scrape: async () => {
        calls++;
        if (calls === 2) throw new Error('timed out');
        return { rssBytes: calls, heapUsedBytes: 1, eventLoopP99Ms: 10 };
      },
    });
    for (let i = 0; i < 3; i++) {
      await clock.whenSleeping();
      await clock.advance(1_000);
    }
    await clock.whenSleeping();
    const { samples, failed, lastError } = await sampler.stop();
    expect(samples.map((s) => [s.atS, s.rssBytes])).toEqual([
      [0, 1],
      [2, 3],
      [3, 4],
    ]);
    expect(failed).toBe(1);
    expect(lastError).toBe('timed out');
  });
});
