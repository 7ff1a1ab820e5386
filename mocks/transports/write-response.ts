import type { ServerResponse } from 'node:http';

// Node frames the body and manages the connection itself; copying these would contradict it.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

function nodeHeaders(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) out[name] = value;
  });
  return out;
}

function isStreamed(response: Response): boolean {
  return response.headers.get('content-type')?.startsWith('text/event-stream') === true;
}

/** A connection reset (RST), the way a crashed upstream or a proxy dropping the call looks. */
export function reset(res: ServerResponse): void {
  if (res.socket && !res.socket.destroyed) res.socket.resetAndDestroy();
  else res.destroy();
}

/** Resolves when the socket can take more, or when it is gone (then writing stops). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

async function pump(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  // The client left: stop the source (a mock stops pacing and closes).
  const onClose = () => {
    if (!res.writableFinished) reader.cancel().catch(() => undefined);
  };
  res.once('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      // Each write goes out at once (Nagle is off): SSE events are never held back.
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    // The body failed mid-way: a reset, so the client sees the break instead of a clean end.
    reset(res);
  } finally {
    res.off('close', onClose);
  }
}

/**
 * Writes a web `Response` to node's `ServerResponse`. `Response.error()` resets the
 * connection. A plain body is read whole and sent with one `end` (no web-stream pumping on the
 * hot path); an event stream is pumped chunk by chunk with backpressure, and a body that fails
 * mid-way resets the connection, as a dropped upstream would.
 */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  if (response.type === 'error') {
    reset(res);
    return;
  }
  const headers = nodeHeaders(response);
  if (response.body === null) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  if (isStreamed(response)) {
    res.writeHead(response.status, headers);
    res.flushHeaders();
    await pump(res, response.body);
    return;
  }
  let payload: ArrayBuffer;
  try {
    payload = await response.arrayBuffer();
  } catch {
    reset(res);
    return;
  }
  headers['content-length'] = String(payload.byteLength);
  res.writeHead(response.status, headers);
  res.end(Buffer.from(payload));
}
