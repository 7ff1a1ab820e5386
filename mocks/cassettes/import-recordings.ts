import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { MockSetupError, MockSetupErrorCodes } from '../errors.js';
import { type Cassette, emptyCassette, type Interaction } from './cassette.js';
import { redactHeaders, redactPath } from './redact.js';
import { chunksFor, flattenHeaders } from './sse-chunks.js';

/**
 * Importers from recording formats other tools write, so public recordings can be replayed
 * through the project's transports and clients. None of them carries chunk timing: streamed
 * bodies get synthetic spacing (see `chunksFor`).
 */
export const RECORDING_FORMATS = ['sdk-snapshot', 'vcr-yaml', 'nock', 'raw-sse'] as const;
export type RecordingFormat = (typeof RECORDING_FORMATS)[number];

/** `{request{method,url,headers,body}, response{status_code,headers,body}}[]` (SDK inline snapshots). */
const SdkSnapshot = z.array(
  z.looseObject({
    request: z.looseObject({
      method: z.string(),
      url: z.string(),
      headers: z.unknown().optional(),
      body: z.unknown().optional(),
    }),
    response: z.looseObject({
      status_code: z.int(),
      headers: z.unknown().optional(),
      body: z.unknown().optional(),
    }),
  }),
);

/** VCR cassettes (`interactions[{request{uri,method,headers,parsed_body|body}, response{status{code},headers,parsed_body|body{string}}}]`). */
const VcrCassette = z.looseObject({
  interactions: z.array(
    z.looseObject({
      request: z.looseObject({
        uri: z.string(),
        method: z.string(),
        headers: z.unknown().optional(),
        parsed_body: z.unknown().optional(),
        body: z.unknown().optional(),
      }),
      response: z.looseObject({
        status: z.looseObject({ code: z.int() }),
        headers: z.unknown().optional(),
        parsed_body: z.unknown().optional(),
        body: z.unknown().optional(),
      }),
    }),
  ),
});

/** nock recordings (`{scope, method, path, body, status, response, rawHeaders}[]`). */
const NockRecording = z.array(
  z.looseObject({
    scope: z.string(),
    method: z.string(),
    path: z.string(),
    body: z.unknown().optional(),
    status: z.int(),
    response: z.unknown().optional(),
    rawHeaders: z.unknown().optional(),
  }),
);

function interaction(
  method: string,
  url: URL,
  requestHeaders: unknown,
  requestBody: unknown,
  status: number,
  responseHeaders: unknown,
  responseBody: unknown,
): Interaction {
  const headers = flattenHeaders(responseHeaders);
  return {
    request: {
      method: method.toUpperCase(),
      path: redactPath(url),
      headers: redactHeaders(Object.entries(flattenHeaders(requestHeaders))),
      body: requestBody,
    },
    response: {
      status,
      headers: redactHeaders(Object.entries(headers)),
      chunks: chunksFor(responseBody, headers['content-type']),
    },
  };
}

function vcrBody(body: unknown): unknown {
  if (typeof body === 'object' && body !== null && 'string' in body) return body.string;
  return body;
}

function fail(source: string, format: RecordingFormat, error: z.ZodError): never {
  const first = error.issues[0];
  throw new MockSetupError(
    MockSetupErrorCodes.invalidCassette,
    `${source}: not a ${format} recording (${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'})`,
  );
}

/** Converts a recording in one of {@link RECORDING_FORMATS} into a cassette. */
export function importRecording(
  text: string,
  format: RecordingFormat,
  source: string,
  now = new Date(),
): Cassette {
  const cassette = emptyCassette(source, now);
  const push = (i: Interaction) => cassette.interactions.push(i);
  switch (format) {
    case 'sdk-snapshot': {
      const parsed = SdkSnapshot.safeParse(JSON.parse(text));
      if (!parsed.success) fail(source, format, parsed.error);
      for (const { request: q, response: r } of parsed.data) {
        push(
          interaction(
            q.method,
            new URL(q.url),
            q.headers,
            q.body,
            r.status_code,
            r.headers,
            r.body,
          ),
        );
      }
      break;
    }
    case 'vcr-yaml': {
      const parsed = VcrCassette.safeParse(parseYaml(text));
      if (!parsed.success) fail(source, format, parsed.error);
      for (const { request: q, response: r } of parsed.data.interactions) {
        const body = r.parsed_body ?? vcrBody(r.body);
        push(
          interaction(
            q.method,
            new URL(q.uri),
            q.headers,
            q.parsed_body ?? q.body,
            r.status.code,
            r.headers,
            body,
          ),
        );
      }
      break;
    }
    case 'nock': {
      const parsed = NockRecording.safeParse(JSON.parse(text));
      if (!parsed.success) fail(source, format, parsed.error);
      for (const n of parsed.data) {
        push(
          interaction(
            n.method,
            new URL(n.path, n.scope),
            {},
            n.body,
            n.status,
            n.rawHeaders,
            n.response,
          ),
        );
      }
      break;
    }
    case 'raw-sse': {
      push(
        interaction(
          'POST',
          new URL('http://recorded.invalid/v1/chat/completions'),
          {},
          undefined,
          200,
          { 'content-type': 'text/event-stream' },
          text,
        ),
      );
      break;
    }
  }
  return cassette;
}
