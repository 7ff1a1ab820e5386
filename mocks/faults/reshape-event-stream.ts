import type { Clock } from '../../src/clock.js';

/** What to do to an event stream, and when. */
export type StreamShape =
  | { kind: 'stall'; afterEvents: number; stallMs: number }
  | { kind: 'cut'; afterEvents: number }
  | { kind: 'corrupt'; afterEvents: number }
  | { kind: 'drip'; chunkDelayMs: number };

/**
 * The events that close a stream in each dialect: OpenAI's finish-reason chunk (then usage and
 * `[DONE]`), the Responses API's `response.completed` (`.incomplete`, `.failed`), Anthropic's
 * `message_delta`/`message_stop`, Agno's `RunContentCompleted`/`RunCompleted`. A fault that
 * strikes "after N events" strikes before these at the latest, so a short answer still breaks.
 */
const CLOSING =
  /"finish_reason":"|\[DONE\]|^event: (?:message_delta|message_stop|RunContentCompleted|RunCompleted|response\.(?:completed|incomplete|failed))$/m;

/** Splits bytes into whole SSE events (each ending in a blank line), across chunk borders. */
class EventSplitter {
  readonly #decoder = new TextDecoder();
  #buffer = '';

  push(chunk: Uint8Array): string[] {
    this.#buffer += this.#decoder.decode(chunk, { stream: true });
    const events: string[] = [];
    for (let end = this.#buffer.indexOf('\n\n'); end >= 0; end = this.#buffer.indexOf('\n\n')) {
      events.push(this.#buffer.slice(0, end + 2));
      this.#buffer = this.#buffer.slice(end + 2);
    }
    return events;
  }

  /** Whatever is left when the source ends (a well-formed stream leaves nothing). */
  flush(): string[] {
    const rest = this.#buffer + this.#decoder.decode();
    this.#buffer = '';
    return rest === '' ? [] : [rest];
  }
}

/** `data: {"id":"chatcmpl-…","obj` — an event whose JSON stops halfway, as a broken proxy sends. */
function cutShort(event: string): string {
  const dataAt = event.indexOf('data: ');
  const json = dataAt >= 0 ? event.slice(dataAt + 6).trimEnd() : event.trimEnd();
  const keep = Math.max(1, Math.floor(json.length / 2));
  return `${event.slice(0, dataAt >= 0 ? dataAt + 6 : 0)}${json.slice(0, keep)}\n\n`;
}

/**
 * Re-emits an SSE body with a fault applied: `stall` pauses once (abort-aware) and then goes
 * on; `cut` ends the body cleanly without its closing events; `corrupt` sends one event with
 * its JSON cut short and ends; `drip` waits before every event. A client that leaves (signal
 * or cancel) stops the source and any wait at once.
 */
export function reshapeEventStream(
  source: ReadableStream<Uint8Array>,
  shape: StreamShape,
  clock: Clock,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const encoder = new TextEncoder();
  const splitter = new EventSplitter();
  const gone = new AbortController();
  const leave = () => gone.abort();
  signal.addEventListener('abort', leave, { once: true });
  const queued: string[] = [];
  let sourceDone = false;
  let passed = 0;
  let stalled = false;

  const nextEvent = async (): Promise<string | undefined> => {
    while (queued.length === 0 && !sourceDone) {
      const { done, value } = await reader.read();
      if (done) {
        sourceDone = true;
        queued.push(...splitter.flush());
      } else queued.push(...splitter.push(value));
    }
    return queued.shift();
  };
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    signal.removeEventListener('abort', leave);
    reader.cancel().catch(() => undefined);
    controller.close();
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const event = gone.signal.aborted ? undefined : await nextEvent();
      if (event === undefined) return finish(controller);
      const due = shape.kind !== 'drip' && (passed >= shape.afterEvents || CLOSING.test(event));
      try {
        if (shape.kind === 'drip') await clock.sleep(shape.chunkDelayMs, gone.signal);
        if (shape.kind === 'stall' && due && !stalled) {
          stalled = true;
          await clock.sleep(shape.stallMs, gone.signal);
        }
      } catch {
        // Only an abort rejects a sleep: the client is gone.
        return finish(controller);
      }
      if (shape.kind === 'cut' && due) return finish(controller);
      passed += 1;
      controller.enqueue(encoder.encode(shape.kind === 'corrupt' && due ? cutShort(event) : event));
      if (shape.kind === 'corrupt' && due) finish(controller);
    },
    cancel() {
      leave();
      signal.removeEventListener('abort', leave);
      return reader.cancel();
    },
  });
}
