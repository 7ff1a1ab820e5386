import autocannon from 'autocannon';
import { type Clock, realClock } from '../../src/index.js';
import { answerHeadersOf, carriesContent } from './answer-headers.js';
import type { LoadRecord } from './load-record.js';
import type { LoadRequest } from './request-cycle.js';
import type { SendSchedule, Slot } from './send-schedule.js';

export interface DriveOptions {
  /** The chat-completions endpoint, e.g. `http://127.0.0.1:8080/v1/chat/completions`. */
  url: string;
  apiKey: string;
  /** The next request body to send (the suite's cycle). */
  nextRequest: () => LoadRequest;
  connections: number;
  schedule: SendSchedule;
  /** No request leaves at or after this time (monotonic ms, on `clock`). */
  endAtMs: number;
  /** After `endAtMs`, how long to wait for answers still in flight. */
  drainMs: number;
  /** A request with no answer after this long fails (whole seconds; autocannon's unit). */
  timeoutS: number;
  /** Watch the body for the first chunk with content (SSE answers). */
  stream: boolean;
  clock?: Clock;
  signal?: AbortSignal;
}

export interface DriveResult {
  records: LoadRecord[];
  /** Slots handed out whose request never left (the step ended first). */
  unsent: number;
  /** autocannon's own counters, for cross-checking: connection errors and timeouts. */
  autocannon: { errors: number; timeouts: number };
}

/**
 * autocannon's client as it really is: `_doRequest` is what every path (connect, answer,
 * reconnect) calls to send the next request, and `destroyed` is set once the run ends.
 */
interface AutocannonClient extends autocannon.Client {
  _doRequest(): void;
  destroyed: boolean;
  on(event: 'headers' | 'body' | 'response', listener: (...args: never[]) => void): this;
  /** A socket error; the client reconnects at once. */
  on(event: 'connError', listener: (error: NodeJS.ErrnoException) => void): this;
  /** No byte for `timeout` seconds: the client reconnected and moved on. */
  on(event: 'timeout', listener: () => void): this;
}

interface InFlight {
  seq: number;
  request: LoadRequest;
  slot: Slot;
  sentAtMs: number;
  status?: number;
  headers?: readonly string[];
  firstContentAtMs?: number;
}

/** The status and raw header list the HTTP parser passes with `headers` (not a header map). */
function parserInfo(info: unknown): { status?: number; raw?: readonly string[] } {
  if (typeof info !== 'object' || info === null) return {};
  const { statusCode, headers } = info as { statusCode?: unknown; headers?: unknown };
  return {
    ...(typeof statusCode === 'number' ? { status: statusCode } : {}),
    ...(Array.isArray(headers) ? { raw: headers.map(String) } : {}),
  };
}

/**
 * Drives the endpoint with autocannon's connections while the harness decides when each request
 * leaves. autocannon's own `overallRate` sends each connection's quota for a second in a burst at
 * the start of that second and skips what a busy connection missed, so its send times follow no
 * schedule a latency could be corrected against. Here each connection, whenever autocannon asks
 * it to send, takes the next slot of `schedule`, waits for it if early, and sends at once if late;
 * every request is recorded with its slot, send time, answer time, status and answer headers.
 * Resolves once every connection is idle after `endAtMs`, or `drainMs` after it.
 */
export function driveAutocannon(options: DriveOptions): Promise<DriveResult> {
  const clock = options.clock ?? realClock;
  const target = new URL(options.url);
  const path = `${target.pathname}${target.search}`;
  const records: LoadRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const busy = new Set<AutocannonClient>();
  /** What each client has in flight, to close at the end. */
  const inFlight = new Map<AutocannonClient, InFlight>();
  let seq = 0;
  let stopping = false;
  let instance: autocannon.Instance | undefined;

  const settle = (request: InFlight, answered: boolean, error?: string) => {
    const { servedPath, costUsd } = answerHeadersOf(request.headers ?? []);
    const status = request.status;
    records.push({
      seq: request.seq,
      requestId: request.request.id,
      ...(request.request.path ? { labelledPath: request.request.path } : {}),
      // A closed loop has no schedule: a request is meant to leave when it leaves.
      intendedAtMs: options.schedule.loop === 'open' ? request.slot.atMs : request.sentAtMs,
      sentAtMs: request.sentAtMs,
      ...(answered ? { answeredAtMs: clock.now() } : {}),
      ...(request.firstContentAtMs === undefined
        ? {}
        : { firstContentAtMs: request.firstContentAtMs }),
      ...(status === undefined ? {} : { status }),
      ...(servedPath ? { servedPath } : {}),
      ...(costUsd === undefined ? {} : { costUsd }),
      outcome: !answered ? 'error' : status !== undefined && status < 300 ? 'ok' : 'non2xx',
      ...(error ? { error } : {}),
    });
  };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    instance?.stop();
  };
  const stopWhenIdle = () => {
    if (clock.now() >= options.endAtMs && busy.size === 0) stop();
  };

  function pace(client: AutocannonClient) {
    const send = client._doRequest.bind(client);
    let current: InFlight | undefined;
    let waiting = false;
    /** The request the latest reconnect gave up on, so a `timeout` that follows can name it. */
    let abandoned: LoadRecord | undefined;
    const fail = (reason: string) => {
      if (!current) return;
      settle(current, false, reason);
      abandoned = records.at(-1);
      current = undefined;
      inFlight.delete(client);
    };
    client._doRequest = () => {
      abandoned = undefined;
      if (client.destroyed || waiting) return;
      // With one request per connection, anything still in flight here was lost with its connection.
      fail('connection closed before the answer');
      const now = clock.now();
      const slot = stopping || now >= options.endAtMs ? undefined : options.schedule.next(now);
      if (!slot) {
        busy.delete(client);
        stopWhenIdle();
        return;
      }
      busy.add(client);
      const go = () => {
        waiting = false;
        if (client.destroyed || stopping) {
          busy.delete(client);
          return;
        }
        const request = options.nextRequest();
        client.setRequests([
          {
            method: 'POST',
            path,
            headers: {
              authorization: `Bearer ${options.apiKey}`,
              'content-type': 'application/json',
              ...(request.path ? { 'x-bench-path': request.path } : {}),
            },
            body: request.body,
          },
        ]);
        current = { seq: seq++, request, slot, sentAtMs: clock.now() };
        inFlight.set(client, current);
        send();
      };
      const waitMs = slot.atMs - now;
      if (waitMs <= 0) return go();
      waiting = true;
      const timer = setTimeout(() => {
        timers.delete(timer);
        go();
      }, waitMs);
      timers.add(timer);
    };
    client.on('headers', (info: unknown) => {
      if (!current) return;
      const { status, raw } = parserInfo(info);
      if (status !== undefined) current.status = status;
      if (raw) current.headers = raw;
    });
    if (options.stream) {
      client.on('body', (chunk: Buffer) => {
        if (current && current.firstContentAtMs === undefined && carriesContent(chunk))
          current.firstContentAtMs = clock.now();
      });
    }
    client.on('response', (statusCode: number) => {
      if (!current) return;
      current.status ??= statusCode;
      settle(current, true);
      current = undefined;
      inFlight.delete(client);
    });
    client.on('connError', (error: NodeJS.ErrnoException) =>
      fail(`connection error: ${error.code ?? error.message}`),
    );
    client.on('timeout', () => {
      if (abandoned) abandoned.error = `no answer within ${options.timeoutS} s`;
      abandoned = undefined;
    });
  }

  return new Promise<DriveResult>((resolve, reject) => {
    const onAbort = () => stop();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const deadline = setTimeout(stop, Math.max(0, options.endAtMs + options.drainMs - clock.now()));
    const idleCheck = setTimeout(stopWhenIdle, Math.max(0, options.endAtMs - clock.now()) + 1);
    instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        // The harness ends the run; autocannon's own clock only has to outlast it.
        duration: Math.ceil((options.endAtMs + options.drainMs - clock.now()) / 1000) + 60,
        timeout: options.timeoutS,
        sampleInt: 250,
        setupClient: (client) => pace(client as AutocannonClient),
      },
      (error: unknown, result: autocannon.Result | undefined) => {
        clearTimeout(deadline);
        clearTimeout(idleCheck);
        options.signal?.removeEventListener('abort', onAbort);
        for (const timer of timers) clearTimeout(timer);
        for (const request of inFlight.values())
          settle(request, false, 'still in flight when the step ended');
        inFlight.clear();
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        records.sort((a, b) => a.seq - b.seq);
        resolve({
          records,
          // Every slot handed out either left (and has a record) or did not.
          unsent: options.schedule.issued - seq,
          autocannon: { errors: result?.errors ?? 0, timeouts: result?.timeouts ?? 0 },
        });
      },
    );
    // A stop asked for while autocannon was still setting up its connections.
    if (stopping) instance.stop();
    if (options.signal?.aborted) stop();
  });
}
