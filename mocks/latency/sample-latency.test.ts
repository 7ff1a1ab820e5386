import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.js';
import { defaultLatencyProfiles, zeroLatencyProfile } from './defaults.js';
import type { LatencyProfile } from './latency-profile.js';
import { sampleLatency } from './sample-latency.js';

const profile: LatencyProfile = {
  ttftMedianMs: 500,
  ttftP90Ms: 1000,
  ttftFloorMs: 0,
  tokensPerSecondMedian: 50,
  tokensPerSecondP10: 25,
  promptMsPer1kTokens: 0,
  tailProbability: 0,
  tailMultiplier: 1,
};

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
}

function samples(p: LatencyProfile, count: number, completionTokens = 1) {
  return Array.from({ length: count }, (_, i) =>
    sampleLatency(p, createSeededRandom(['dist', i]), {
      promptTokens: 0,
      completionTokens,
      timeScale: 1,
    }),
  );
}

describe('sampleLatency', () => {
  it('puts the median and p90 of time to first token near the configured ones', () => {
    const ttfts = samples(profile, 4000).map((plan) => plan.ttftMs);
    expect(quantile(ttfts, 0.5)).toBeGreaterThan(470);
    expect(quantile(ttfts, 0.5)).toBeLessThan(530);
    expect(quantile(ttfts, 0.9)).toBeGreaterThan(920);
    expect(quantile(ttfts, 0.9)).toBeLessThan(1080);
  });

  it('puts the median and p10 of output speed near the configured ones', () => {
    // 101 tokens: 100 after the first, so speed = 100 000 / generationMs.
    const speeds = samples(profile, 4000, 101).map((plan) => 100_000 / plan.generationMs);
    expect(quantile(speeds, 0.5)).toBeGreaterThan(47);
    expect(quantile(speeds, 0.5)).toBeLessThan(53);
    expect(quantile(speeds, 0.1)).toBeGreaterThan(23);
    expect(quantile(speeds, 0.1)).toBeLessThan(27);
  });

  it('never goes below the floor', () => {
    const floored = { ...profile, ttftFloorMs: 450 };
    expect(Math.min(...samples(floored, 1000).map((plan) => plan.ttftMs))).toBe(450);
  });

  it('sends about tailProbability of calls to the slow tail', () => {
    const tailed = { ...profile, ttftP90Ms: 500, tailProbability: 0.1, tailMultiplier: 10 };
    const slow = samples(tailed, 4000).filter((plan) => plan.ttftMs > 2000).length;
    expect(slow / 4000).toBeGreaterThan(0.08);
    expect(slow / 4000).toBeLessThan(0.12);
  });

  it('adds prompt processing time per 1k prompt tokens', () => {
    const fixed = { ...profile, ttftP90Ms: 500, promptMsPer1kTokens: 40 };
    const random = () => createSeededRandom(['prompt']);
    const short = sampleLatency(fixed, random(), {
      promptTokens: 0,
      completionTokens: 1,
      timeScale: 1,
    });
    const long = sampleLatency(fixed, random(), {
      promptTokens: 10_000,
      completionTokens: 1,
      timeScale: 1,
    });
    expect(long.ttftMs - short.ttftMs).toBe(400);
  });

  it('multiplies every delay by timeScale', () => {
    const demand = { promptTokens: 100, completionTokens: 200 };
    const p = defaultLatencyProfiles['gpt-4o'] ?? profile;
    const full = sampleLatency(p, createSeededRandom(['scale']), { ...demand, timeScale: 1 });
    const tenth = sampleLatency(p, createSeededRandom(['scale']), { ...demand, timeScale: 0.1 });
    expect(Math.abs(tenth.ttftMs - full.ttftMs / 10)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(tenth.generationMs - full.generationMs / 10)).toBeLessThanOrEqual(0.5);
  });

  it('waits nothing with the zero profile', () => {
    const plan = sampleLatency(zeroLatencyProfile, createSeededRandom(['zero']), {
      promptTokens: 5000,
      completionTokens: 500,
      timeScale: 1,
    });
    expect(plan).toEqual({ ttftMs: 0, generationMs: 0, totalMs: 0 });
  });
});
