import { parseExposition } from '../../src/index.js';

/** The histogram `bench serve` keeps of each streamed chunk's wait in the server. */
export const CHUNK_RELAY_METRIC = 'hybrid_stream_chunk_relay_seconds';

/** One cumulative bucket: how many observations were at most `leMs`. */
export interface RelayBucket {
  leMs: number;
  count: number;
}

export interface ChunkRelayFigures {
  /** Writes of streamed text measured. */
  chunks: number;
  /** Interpolated within buckets, as PromQL's `histogram_quantile` does. */
  p50Ms: number;
  p99Ms: number;
  /** The share of chunks that waited at most `limitMs`: read off a bucket edge, not estimated. */
  within: { limitMs: number; share: number };
}

/** The relay histogram's cumulative buckets in a `/metrics` text, lowest edge first. */
export function relayBuckets(exposition: string): RelayBucket[] {
  return parseExposition(exposition)
    .filter((sample) => sample.name === `${CHUNK_RELAY_METRIC}_bucket`)
    .map((sample) => ({
      leMs:
        sample.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(sample.labels.le) * 1000,
      count: sample.value,
    }))
    .sort((a, b) => a.leMs - b.leMs);
}

/**
 * The `q` quantile of cumulative buckets, interpolated linearly inside the bucket it falls in
 * (from 0 for the first); in the `+Inf` bucket, the highest finite edge. NaN with no observations.
 */
export function bucketQuantile(buckets: readonly RelayBucket[], q: number): number {
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let lowerMs = 0;
  let below = 0;
  for (const bucket of buckets) {
    if (bucket.count >= rank) {
      if (!Number.isFinite(bucket.leMs)) return lowerMs;
      const inside = bucket.count - below;
      return inside === 0
        ? bucket.leMs
        : lowerMs + ((bucket.leMs - lowerMs) * (rank - below)) / inside;
    }
    lowerMs = bucket.leMs;
    below = bucket.count;
  }
  return lowerMs;
}

/**
 * The chunks relayed between two scrapes of one server (counters only grow, so the difference
 * is what happened in between), summarised against a limit that must be a bucket edge.
 * @throws RangeError when `limitMs` is not an edge of the histogram (its share would be a guess).
 */
export function chunkRelayBetween(
  before: readonly RelayBucket[],
  after: readonly RelayBucket[],
  limitMs: number,
): ChunkRelayFigures {
  const earlier = new Map(before.map((bucket) => [bucket.leMs, bucket.count]));
  const buckets = after.map((bucket) => ({
    leMs: bucket.leMs,
    count: bucket.count - (earlier.get(bucket.leMs) ?? 0),
  }));
  const edge = buckets.find((bucket) => Math.abs(bucket.leMs - limitMs) < 1e-9);
  if (!edge) throw new RangeError(`${limitMs} ms is not a bucket edge of ${CHUNK_RELAY_METRIC}`);
  const chunks = buckets.at(-1)?.count ?? 0;
  return {
    chunks,
    p50Ms: bucketQuantile(buckets, 0.5),
    p99Ms: bucketQuantile(buckets, 0.99),
    within: { limitMs, share: chunks === 0 ? Number.NaN : edge.count / chunks },
  };
}
