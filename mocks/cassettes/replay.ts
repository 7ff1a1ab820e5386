import { isDeepStrictEqual } from 'node:util';
import { type Clock, realClock } from '../../src/clock.js';
import { clientGone, waitForClient } from '../streaming/wait-for-client.js';
import type { Cassette, Interaction } from './cassette.js';

export interface ReplayOptions {
  clock?: Clock;
  /** Multiplies the recorded timing; 0 replays at once. Default 1. */
  timeScale?: number;
  /** Body fields ignored when matching a request to a recording (e.g. `stream_options`). */
  ignoreBodyFields?: readonly string[];
  /** Match on method and path only, serving recordings in order (for recordings without requests). */
  ignoreBody?: boolean;
}

function withoutFields(body: unknown, fields: readonly string[]): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || fields.length === 0)
    return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !fields.includes(key)));
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function miss(method: string, path: string): Response {
  const message = `No recorded interaction matches ${method} ${path} with this body`;
  return Response.json(
    { error: { message, type: 'cassette_miss', param: null, code: null } },
    { status: 501, headers: { 'x-cassette-miss': '1' } },
  );
}

/**
 * Serves a cassette. A request gets the recorded answer to the same method, path and body;
 * the same request asked again gets the next recording of it (so "429, 429, then 200"
 * replays in order), and the last one once they run out. Chunks arrive with their recorded
 * timing. Unmatched requests fail closed with a 501 `cassette_miss`.
 */
export function createReplayHandler(cassette: Cassette, options: ReplayOptions = {}) {
  const clock = options.clock ?? realClock;
  const scale = options.timeScale ?? 1;
  const ignore = options.ignoreBodyFields ?? [];
  const served = new Map<Interaction, number>();

  function find(method: string, path: string, body: unknown): Interaction | undefined {
    const candidates = cassette.interactions.filter(
      (i) =>
        i.request.method === method &&
        i.request.path.split('?')[0] === path &&
        (options.ignoreBody === true ||
          isDeepStrictEqual(withoutFields(i.request.body, ignore), withoutFields(body, ignore))),
    );
    const fresh = candidates.find((i) => !served.has(i));
    return fresh ?? candidates.at(-1);
  }

  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const body = parse(request.method === 'GET' ? '' : await request.text());
    const interaction = find(request.method, url.pathname, body);
    if (!interaction) return miss(request.method, url.pathname);
    served.set(interaction, (served.get(interaction) ?? 0) + 1);
    const { chunks, status, headers } = interaction.response;
    const encoder = new TextEncoder();
    const startedMs = clock.now();
    const dueMs = (atMs: number) => startedMs + atMs * scale - clock.now();
    const waitUntil = async (atMs: number) => {
      const due = dueMs(atMs);
      if (due > 0) await clock.sleep(due, request.signal);
    };
    if (!(await waitForClient(clock, dueMs(chunks[0]?.atMs ?? 0), request.signal)))
      return clientGone();
    let index = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = chunks[index++];
        if (!chunk) return controller.close();
        try {
          await waitUntil(chunk.atMs);
        } catch (error) {
          return controller.error(error);
        }
        controller.enqueue(encoder.encode(chunk.data));
      },
    });
    const out = new Headers(headers);
    out.delete('content-length');
    out.delete('content-encoding');
    out.delete('transfer-encoding');
    return new Response(status === 204 || status === 304 ? null : stream, { status, headers: out });
  };
}
