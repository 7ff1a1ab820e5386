import { StringDecoder } from 'node:string_decoder';

/** One server-sent event: its `event:` name (if any) and its `data:` lines joined by new lines. */
export interface SseEvent {
  event?: string;
  data: string;
}

/**
 * Reads a `text/event-stream` body and yields, per network chunk, the events that chunk
 * completed (often none, often many). Each byte is decoded and scanned once, so a body that
 * arrives in one piece costs time linear in its size; events split across chunks are joined.
 * Comments and fields other than `event` and `data` are skipped, as the SSE standard says.
 */
export async function* sseEventBatches(
  body: AsyncIterable<Uint8Array>,
): AsyncGenerator<SseEvent[]> {
  // Node's StringDecoder keeps a character split across chunks like TextDecoder's stream mode,
  // at about a seventh of its cost on a 35 KB body (TextDecoder streams through ICU).
  const decoder = new StringDecoder('utf8');
  let atStart = true;
  let pending = '';
  let event: string | undefined;
  let data: string[] = [];
  const take = (line: string, into: SseEvent[]) => {
    if (line === '') {
      if (data.length > 0) {
        const joined = data.length === 1 ? (data[0] as string) : data.join('\n');
        into.push(event === undefined ? { data: joined } : { event, data: joined });
      }
      event = undefined;
      data = [];
      return;
    }
    if (line.charCodeAt(0) === 58 /* ':' comment */) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
  };
  const lines = (text: string, into: SseEvent[]) => {
    let start = 0;
    if (text.indexOf('\r') < 0) {
      // The common case, '\n' line ends only: let the engine find them.
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        take(text.slice(start, end), into);
        start = end + 1;
      }
      return text.slice(start);
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      take(text.slice(start, i), into);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    return text.slice(start);
  };
  for await (const chunk of body) {
    const events: SseEvent[] = [];
    let text = pending + decoder.write(chunk);
    if (atStart && text !== '') {
      atStart = false;
      // The standard drops one byte-order mark at the start of the stream.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // A chunk ending in '\r' may be half of '\r\n': keep it for the next one.
    const held = text.endsWith('\r') ? '\r' : '';
    if (held) text = text.slice(0, -1);
    pending = lines(text, events) + held;
    if (events.length > 0) yield events;
  }
  const events: SseEvent[] = [];
  const rest = lines(pending + decoder.end(), events);
  take(rest, events);
  take('', events);
  if (events.length > 0) yield events;
}
