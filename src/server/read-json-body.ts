import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/**
 * The request body as JSON, refusing more than `maxBytes` (413) as soon as it is passed, and
 * text that is not JSON (400) with the parser's own words.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      'invalid_request_error',
      'invalid_json',
      `The body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    'invalid_request_error',
    'request_too_large',
    `The body is larger than ${maxBytes} bytes.`,
  );
}
