import type { LatencyProfile } from '../latency/latency-profile.js';
import { type AnthropicErrorBody, invalidRequestError } from './anthropic-error.js';
import { checkToolPairing } from './check-tool-pairing.js';
import { type MessagesRequest, messagesRequestSchema } from './request-schema.js';

/** A request the mock can answer, or the Anthropic error it gets instead. */
export type ReadRequest =
  | { state: 'ok'; request: MessagesRequest; profile: LatencyProfile }
  | { state: 'error'; status: number; error: AnthropicErrorBody };

function fail(status: number, type: string, message: string): ReadRequest {
  return { state: 'error', status, error: { type, message } };
}

/** A dated snapshot (`claude-haiku-4-5-20251001`) finds the profile of its alias. */
function profileFor(
  model: string,
  latencyTable: ReadonlyMap<string, LatencyProfile>,
): LatencyProfile | undefined {
  return latencyTable.get(model) ?? latencyTable.get(model.replace(/-\d{8}$/, ''));
}

/**
 * Checks a request at the boundary, in the order the API does: route, JSON, body shape, tool
 * pairing, then model. The model must be in the latency table, by name or as a dated snapshot.
 */
export function readRequest(
  method: string,
  path: string,
  bodyText: string,
  latencyTable: ReadonlyMap<string, LatencyProfile>,
): ReadRequest {
  if (method !== 'POST' || !path.endsWith('/v1/messages')) {
    return fail(404, 'not_found_error', 'Not Found');
  }
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return fail(400, 'invalid_request_error', 'The request body is not valid JSON.');
  }
  const parsed = messagesRequestSchema.safeParse(body);
  if (!parsed.success) {
    return { state: 'error', status: 400, error: invalidRequestError(parsed.error.issues, body) };
  }
  const request = parsed.data;
  const pairing = checkToolPairing(request.messages);
  if (pairing.length > 0) return fail(400, 'invalid_request_error', pairing.join('; '));
  const profile = profileFor(request.model, latencyTable);
  if (!profile) return fail(404, 'not_found_error', `model: ${request.model}`);
  return { state: 'ok', request, profile };
}
