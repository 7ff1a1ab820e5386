import type { LatencyProfile } from '../latency/latency-profile.js';
import { aliasOf } from './model-names.js';
import { invalidRequestError, type OpenAIErrorBody } from './openai-error.js';
import { type ChatCompletionRequest, chatCompletionRequestSchema } from './request-schema.js';

/** A request the mock can answer, or the OpenAI error it gets instead. */
export type ReadRequest =
  | { state: 'ok'; chat: ChatCompletionRequest; profile: LatencyProfile }
  | { state: 'error'; status: number; error: OpenAIErrorBody };

const NOT_JSON =
  'We could not parse the JSON body of your request. (HINT: The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)';

function invalid(status: number, message: string, code: string | null = null): ReadRequest {
  return {
    state: 'error',
    status,
    error: { message, type: 'invalid_request_error', param: null, code },
  };
}

/**
 * Checks a request at the boundary, in the order OpenAI does: route, JSON, body shape, then
 * model. The model must be in the latency table, by name or as a dated snapshot of one.
 */
export function readRequest(
  method: string,
  path: string,
  bodyText: string,
  latencyTable: ReadonlyMap<string, LatencyProfile>,
): ReadRequest {
  if (method !== 'POST' || !path.endsWith('/chat/completions')) {
    return invalid(404, `Invalid URL (${method} ${path})`);
  }
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return invalid(400, NOT_JSON);
  }
  const parsed = chatCompletionRequestSchema.safeParse(body);
  if (!parsed.success) {
    return { state: 'error', status: 400, error: invalidRequestError(parsed.error.issues, body) };
  }
  const chat = parsed.data;
  const profile = latencyTable.get(chat.model) ?? latencyTable.get(aliasOf(chat.model) ?? '');
  if (!profile) {
    const message = `The model \`${chat.model}\` does not exist or you do not have access to it.`;
    return invalid(404, message, 'model_not_found');
  }
  return { state: 'ok', chat, profile };
}
