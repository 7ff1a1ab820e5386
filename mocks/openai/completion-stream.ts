import type { Clock } from '../../src/clock.js';
import type { StreamEvent } from './stream-events.js';

/**
 * Owed delay below which the stream does not sleep yet. Fast models owe a few milliseconds per
 * token; paying in batches keeps a 500-token answer to a handful of timers.
 */
export const MIN_SLEEP_MS = 10;

/** How to pace one stream. */
export interface StreamPacing {
  clock: Clock;
  /** Time spread evenly over the generated events after the first. */
  generationMs: number;
  /** The client's signal: when it aborts, the stream stops and closes. */
  signal?: AbortSignal;
}

function closeQuietly(controller: ReadableStreamDefaultController<Uint8Array>): void {
  try {
    controller.close();
  } catch {
    // Already closed or cancelled by the reader: nothing left to do.
  }
}

/**
 * A `text/event-stream` body that releases `events` at the model's pace. Time is owed per
 * generated event and paid with one `clock.sleep` once it reaches {@link MIN_SLEEP_MS} (and
 * before the closing events), so the whole stream takes `generationMs` after its first token.
 * A client that goes away (signal or cancel) ends it quietly.
 */
export function completionStream(
  events: readonly StreamEvent[],
  pacing: StreamPacing,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const generatedCount = events.filter((event) => event.generated).length;
  const perEventMs = generatedCount > 1 ? pacing.generationMs / (generatedCount - 1) : 0;
  const stopped = new AbortController();
  const stop = () => stopped.abort();
  pacing.signal?.addEventListener('abort', stop, { once: true });
  const release = () => pacing.signal?.removeEventListener('abort', stop);

  let index = 0;
  let generatedSeen = 0;
  let owedMs = 0;
  let finalPaid = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const event = events[index];
      index += 1;
      if (event === undefined || stopped.signal.aborted) {
        release();
        closeQuietly(controller);
        return;
      }
      if (event.generated) {
        if (generatedSeen > 0) owedMs += perEventMs;
        generatedSeen += 1;
      }
      const payAll = event.final && !finalPaid;
      if (event.final) finalPaid = true;
      if (owedMs >= MIN_SLEEP_MS || (payAll && owedMs > 0)) {
        try {
          await pacing.clock.sleep(owedMs, stopped.signal);
        } catch {
          // Only an abort rejects a sleep: the client is gone, so there is no one to tell.
          release();
          closeQuietly(controller);
          return;
        }
        owedMs = 0;
      }
      controller.enqueue(encoder.encode(event.data));
    },
    cancel() {
      stop();
      release();
    },
  });
}
