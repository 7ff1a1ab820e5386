import type { Clock } from '../../src/clock.js';

/**
 * Owed delay below which a stream does not sleep yet. Fast models owe a few milliseconds per
 * token; paying in batches keeps a 500-token answer to a handful of timers.
 */
export const MIN_SLEEP_MS = 10;

/** One server-sent event and when it is due. */
export interface TimedEvent {
  /** Wait after the previous event, before this one. */
  delayMs: number;
  /** Everything still owed is paid before this event, however little. */
  onTime: boolean;
  /** The bytes of the event, framing included (`data: …\n\n`, `event: …\ndata: …\n\n`). */
  frame: string;
}

function closeQuietly(controller: ReadableStreamDefaultController<Uint8Array>): void {
  try {
    controller.close();
  } catch {
    // Already closed or cancelled by the reader: nothing left to do.
  }
}

/**
 * A `text/event-stream` body releasing each event after its delay, the events due at the same
 * moment in one chunk. Delays are owed and paid with one `clock.sleep` once they reach
 * {@link MIN_SLEEP_MS}, or before an `onTime` event whatever they come to, so token gaps of a few
 * milliseconds cost a handful of timers while a time to first token or a tool call lands exactly.
 * A client that goes away (signal or cancel) ends it quietly, as Starlette stops a generator
 * whose client disconnected.
 */
export function timedEventStream(
  events: readonly TimedEvent[],
  clock: Clock,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stopped = new AbortController();
  const stop = () => stopped.abort();
  signal?.addEventListener('abort', stop, { once: true });
  const release = () => signal?.removeEventListener('abort', stop);
  let index = 0;
  let owedMs = 0;

  return new ReadableStream<Uint8Array>({
    // Sends every event that is due by now as one chunk: at zero latency a whole answer is one
    // write, as a buffering proxy would pass it on, not one write (and syscall) per token.
    async pull(controller) {
      const end = () => {
        release();
        closeQuietly(controller);
      };
      let due = '';
      for (;;) {
        const event = events[index];
        if (event === undefined || stopped.signal.aborted) {
          if (due !== '') controller.enqueue(encoder.encode(due));
          return end();
        }
        const owed = owedMs + event.delayMs;
        if (owed >= MIN_SLEEP_MS || (event.onTime && owed > 0)) {
          // Time is owed before this event: what is already due goes first.
          if (due !== '') break;
          try {
            await clock.sleep(owed, stopped.signal);
          } catch {
            // Only an abort rejects a sleep: the client is gone, so there is no one to tell.
            return end();
          }
          owedMs = 0;
        } else owedMs = owed;
        due += event.frame;
        index += 1;
      }
      controller.enqueue(encoder.encode(due));
    },
    cancel() {
      stop();
      release();
    },
  });
}
