import type { Interaction } from './cassette.js';

/** Gap between synthesised chunks when a source recorded no timing. */
export const SYNTHETIC_CHUNK_GAP_MS = 5;

/** Splits a raw SSE body into its events (each keeps its trailing blank line). */
export function splitSseEvents(raw: string): string[] {
  const normalised = raw.replace(/\r\n/g, '\n');
  const events = normalised.split(/\n\n/).filter((e) => e.trim() !== '');
  return events.map((e) => `${e}\n\n`);
}

/**
 * Chunks for a body recorded without timing: an SSE body becomes one chunk per event,
 * spaced {@link SYNTHETIC_CHUNK_GAP_MS} apart; anything else is one chunk.
 */
export function chunksFor(
  body: unknown,
  contentType: string | undefined,
): Interaction['response']['chunks'] {
  if (body === undefined || body === null) return [];
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const isSse =
    (contentType ?? '').includes('text/event-stream') || /^(event|data):/m.test(text.slice(0, 200));
  if (!isSse || typeof body !== 'string') return [{ atMs: 0, data: text }];
  return splitSseEvents(text).map((data, i) => ({ atMs: i * SYNTHETIC_CHUNK_GAP_MS, data }));
}

/** Header lists (`{name: [v1, v2]}`) or plain maps → a plain lower-cased map. */
export function flattenHeaders(headers: unknown): Record<string, string> {
  if (typeof headers !== 'object' || headers === null) return {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  return out;
}
