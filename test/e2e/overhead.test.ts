import { describe, expect, it } from 'vitest';
import { bench } from '../support/bench.js';

describe('bench overhead', () => {
  it('measures the bridge server against a bare proxy and prints the figures as JSON', async () => {
    const result = await bench([
      'overhead',
      '--duration',
      '1',
      '--rounds',
      '1',
      '--rate',
      '40',
      '--connections',
      '4',
      '--paced-rate',
      '5',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout) as {
      throughputRatio: number;
      addedLatencyMs: { p50: number; p99: number };
      cpuRatio: number;
      proxy: { maxRps: number; failed: number; cpuMsPerRequest: number };
      bridge: { maxRps: number; failed: number; ttftMs: { p50: number }; cpuMsPerRequest: number };
      chunkRelay: { chunks: number; p99Ms: number; within: { limitMs: number; share: number } };
    };
    expect(figures.throughputRatio).toBeGreaterThan(0);
    expect(Number.isFinite(figures.addedLatencyMs.p50)).toBe(true);
    expect(Number.isFinite(figures.addedLatencyMs.p99)).toBe(true);
    expect(figures.proxy.failed).toBe(0);
    expect(figures.bridge.failed).toBe(0);
    expect(figures.bridge.ttftMs.p50).toBeGreaterThan(0);
    // Each server's CPU per request, read from /proc in 10 ms ticks (40 proxied requests may
    // fall short of one), and the bridge's over the proxy's where both were seen.
    expect(figures.proxy.cpuMsPerRequest).toBeGreaterThanOrEqual(0);
    expect(figures.bridge.cpuMsPerRequest).toBeGreaterThan(0);
    if (figures.proxy.cpuMsPerRequest > 0)
      expect(figures.cpuRatio).toBeCloseTo(
        figures.bridge.cpuMsPerRequest / figures.proxy.cpuMsPerRequest,
        6,
      );
    // The paced streams went through the bridge chunk by chunk, and its histogram saw them.
    expect(figures.chunkRelay.chunks).toBeGreaterThan(5);
    expect(figures.chunkRelay.within.limitMs).toBe(0.1);
    expect(figures.chunkRelay.within.share).toBeGreaterThan(0);
    expect(figures.chunkRelay.within.share).toBeLessThanOrEqual(1);
    expect(figures.chunkRelay.p99Ms).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a rate that is not a number (exit 2)', async () => {
    const result = await bench(['overhead', '--rate', 'fast']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--rate must be a number > 0/);
  });
});
