import { type Clock, realClock } from '../../src/clock.js';
import { type Cassette, emptyCassette, type Interaction } from './cassette.js';
import { redactHeaders, redactPath } from './redact.js';

export interface Recorder {
  /** Forwards to the upstream and records what came back, chunk by chunk, with timing. */
  handler: (request: Request) => Promise<Response>;
  /** Everything recorded so far (completed exchanges only). */
  cassette(): Cassette;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A recording proxy: point a client at it, and it forwards each request to `upstream`
 * (keeping the path below the upstream's base), streams the answer back unchanged, and
 * records the exchange with secrets stripped from headers and query.
 *
 * @example
 * const recorder = createRecorder({ upstream: 'https://api.openai.com' });
 * // serve recorder.handler through a transport; later: writeFile(path, JSON.stringify(recorder.cassette()))
 */
export function createRecorder(options: {
  upstream: string;
  fetch?: typeof fetch;
  clock?: Clock;
}): Recorder {
  const clock = options.clock ?? realClock;
  const upstream = new URL(options.upstream);
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cassette = emptyCassette(upstream.origin, new Date(clock.wallNow()));

  async function handler(request: Request): Promise<Response> {
    const startedMs = clock.now();
    const incoming = new URL(request.url);
    const target = new URL(incoming.pathname + incoming.search, upstream);
    const bodyText =
      request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const headers = new Headers(request.headers);
    headers.delete('host');
    headers.delete('content-length');
    const response = await doFetch(target, {
      method: request.method,
      headers,
      ...(bodyText === '' ? {} : { body: bodyText }),
      signal: request.signal,
    });
    const interaction: Interaction = {
      request: {
        method: request.method,
        path: redactPath(target),
        headers: redactHeaders(request.headers),
        body: parseBody(bodyText),
      },
      response: { status: response.status, headers: redactHeaders(response.headers), chunks: [] },
    };
    const chunks = interaction.response.chunks;
    const decoder = new TextDecoder();
    const reader = response.body?.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = reader ? await reader.read() : { done: true as const, value: undefined };
        if (next.done) {
          const tail = decoder.decode();
          if (tail) chunks.push({ atMs: clock.now() - startedMs, data: tail });
          cassette.interactions.push(interaction);
          controller.close();
          return;
        }
        chunks.push({
          atMs: clock.now() - startedMs,
          data: decoder.decode(next.value, { stream: true }),
        });
        controller.enqueue(next.value);
      },
      cancel: (reason) => reader?.cancel(reason),
    });
    const outHeaders = new Headers(response.headers);
    // The body is re-streamed decoded; the upstream's encoding and length no longer apply.
    outHeaders.delete('content-encoding');
    outHeaders.delete('content-length');
    return new Response(body, { status: response.status, headers: outHeaders });
  }

  return { handler, cassette: () => structuredClone(cassette) };
}
