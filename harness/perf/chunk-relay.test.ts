import { describe, expect, it } from 'vitest';
import { bucketQuantile, chunkRelayBetween, relayBuckets } from './chunk-relay.js';

/** A scrape with the relay histogram's buckets at these cumulative counts. */
function exposition(counts: Record<string, number>): string {
  return [
    '# HELP hybrid_stream_chunk_relay_seconds Streamed answers.',
    '# TYPE hybrid_stream_chunk_relay_seconds histogram',
    ...Object.entries(counts).map(
      ([le, count]) => `hybrid_stream_chunk_relay_seconds_bucket{le="${le}"} ${count}`,
    ),
    'hybrid_stream_chunk_relay_seconds_count 0',
    'hybrid_requests_total{mode="hybrid"} 4',
  ].join('\n');
}

describe('relayBuckets', () => {
  it('reads the cumulative buckets in milliseconds, lowest first, and nothing else', () => {
    const buckets = relayBuckets(exposition({ '+Inf': 9, '0.0001': 5, '0.00005': 2 }));
    expect(buckets).toEqual([
      { leMs: 0.05, count: 2 },
      { leMs: 0.1, count: 5 },
      { leMs: Number.POSITIVE_INFINITY, count: 9 },
    ]);
  });
});

describe('bucketQuantile', () => {
  const buckets = [
    { leMs: 0.1, count: 50 },
    { leMs: 0.5, count: 90 },
    { leMs: 1, count: 100 },
    { leMs: Number.POSITIVE_INFINITY, count: 100 },
  ];

  it('interpolates inside the bucket the rank falls in', () => {
    expect(bucketQuantile(buckets, 0.5)).toBeCloseTo(0.1, 9);
    expect(bucketQuantile(buckets, 0.7)).toBeCloseTo(0.3, 9);
    expect(bucketQuantile(buckets, 0.99)).toBeCloseTo(0.95, 9);
  });

  it('gives the highest finite edge for a rank in the +Inf bucket, NaN with no observations', () => {
    const spilled = [...buckets.slice(0, 3), { leMs: Number.POSITIVE_INFINITY, count: 200 }];
    expect(bucketQuantile(spilled, 0.99)).toBe(1);
    expect(bucketQuantile([{ leMs: 0.1, count: 0 }], 0.5)).toBeNaN();
  });
});

describe('chunkRelayBetween', () => {
  const before = relayBuckets(exposition({ '0.00005': 10, '0.0001': 10, '0.001': 10, '+Inf': 10 }));
  const after = relayBuckets(
    exposition({ '0.00005': 60, '0.0001': 109, '0.001': 110, '+Inf': 110 }),
  );

  it('counts only what happened between the scrapes, with the share within the limit', () => {
    const figures = chunkRelayBetween(before, after, 0.1);
    expect(figures.chunks).toBe(100);
    expect(figures.within).toEqual({ limitMs: 0.1, share: 0.99 });
    expect(figures.p50Ms).toBeCloseTo(0.05, 9);
    expect(figures.p99Ms).toBeCloseTo(0.1, 9);
  });

  it('refuses a limit that is not a bucket edge', () => {
    expect(() => chunkRelayBetween(before, after, 0.2)).toThrow(/0.2 ms is not a bucket edge/);
  });
});
