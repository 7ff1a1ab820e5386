import type { ServerResponse } from 'node:http';

/** A request refused on purpose: status, OpenAI error type and code, and the message a client sees. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Sends an error in OpenAI's shape (`{ error: { message, type, param, code } }`); never a stack. */
export function sendError(response: ServerResponse, error: HttpError): void {
  const body = JSON.stringify({
    error: { message: error.message, type: error.type, param: null, code: error.code },
  });
  response.writeHead(error.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...error.headers,
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
