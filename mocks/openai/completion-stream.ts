import type { Clock } from '../../src/clock.js';
import { type TimedEvent, timedEventStream } from '../streaming/timed-event-stream.js';
import type { StreamEvent } from './stream-events.js';

export { MIN_SLEEP_MS } from '../streaming/timed-event-stream.js';

/** How to pace one stream. */
export interface StreamPacing {
  clock: Clock;
  /** Time spread evenly over the generated events after the first. */
  generationMs: number;
  /** The client's signal: when it aborts, the stream stops and closes. */
  signal?: AbortSignal;
}

/**
 * A `text/event-stream` body that releases `events` at the model's pace: the generation time is
 * spread evenly over the generated events after the first, and whatever is still owed is paid
 * before the closing events, so the whole stream takes `generationMs` after its first token.
 */
export function completionStream(
  events: readonly StreamEvent[],
  pacing: StreamPacing,
): ReadableStream<Uint8Array> {
  const generatedCount = events.filter((event) => event.generated).length;
  const perEventMs = generatedCount > 1 ? pacing.generationMs / (generatedCount - 1) : 0;
  let generatedSeen = 0;
  let finalSeen = false;
  const timed = events.map((event): TimedEvent => {
    const delayMs = event.generated && generatedSeen++ > 0 ? perEventMs : 0;
    const onTime = event.final && !finalSeen;
    if (event.final) finalSeen = true;
    return { delayMs, onTime, frame: event.data };
  });
  return timedEventStream(timed, pacing.clock, pacing.signal);
}
