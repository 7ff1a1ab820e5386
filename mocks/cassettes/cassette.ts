import { z } from 'zod';

/**
 * A cassette: recorded HTTP exchanges with a provider, replayable with their timing.
 * A streamed body is kept as the chunks that arrived, each with its arrival time.
 */
export const CASSETTE_FORMAT = 'hybrid-bench-cassette';

const Headers = z.record(z.string(), z.string());

const RecordedChunk = z.strictObject({
  /** Milliseconds from the start of the request to this chunk's arrival. */
  atMs: z.number().nonnegative(),
  data: z.string(),
});

export const InteractionSchema = z.strictObject({
  request: z.strictObject({
    method: z.string(),
    /** Path and query, relative to the provider's origin (e.g. `/v1/chat/completions`). */
    path: z.string(),
    headers: Headers,
    /** Parsed JSON when the body was JSON, else the raw text (form bodies, for example). */
    body: z.unknown().optional(),
  }),
  response: z.strictObject({
    status: z.int(),
    headers: Headers,
    /** The body as chunks in arrival order; a non-streamed body is usually one chunk. */
    chunks: z.array(RecordedChunk),
  }),
});

export const CassetteSchema = z.strictObject({
  format: z.literal(CASSETTE_FORMAT),
  version: z.literal(1),
  recordedAt: z.string(),
  /** Where it came from: a live base URL, or the file an importer read. */
  source: z.string(),
  interactions: z.array(InteractionSchema),
});

export type Interaction = z.output<typeof InteractionSchema>;
export type Cassette = z.output<typeof CassetteSchema>;

export function emptyCassette(source: string, recordedAt: Date): Cassette {
  return {
    format: CASSETTE_FORMAT,
    version: 1,
    recordedAt: recordedAt.toISOString(),
    source,
    interactions: [],
  };
}
