import type { LatencyProfile } from '../latency/latency-profile.js';
import { aliasOf } from './model-names.js';
import { invalidRequestError, type OpenAIErrorBody } from './openai-error.js';
import { type ChatCompletionRequest, chatCompletionRequestSchema } from './request-schema.js';

/** A request the mock can answer, or the OpenAI error it gets instead. */
export type ReadRequest =
  | { state: 'ok'; chat: ChatCompletionRequest; profile: LatencyProfile }
  | RequestRefusal;

/** An OpenAI error the boundary answers with instead of a response. */
export interface RequestRefusal {
  state: 'error';
  status: number;
  error: OpenAIErrorBody;
}

/** An `invalid_request_error`, as both OpenAI endpoints word it. */
export function invalid(
  status: number,
  message: string,
  code: string | null = null,
  param: string | null = null,
): RequestRefusal {
  return { state: 'error', status, error: { message, type: 'invalid_request_error', param, code } };
}

/** The request body as JSON, or OpenAI's answer to a body that is not. */
export function parseJsonBody(bodyText: string): { state: 'ok'; body: unknown } | RequestRefusal {
  try {
    return { state: 'ok', body: JSON.parse(bodyText) as unknown };
  } catch {
    return invalid(
      400,
      'We could not parse the JSON body of your request. (HINT: The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)',
    );
  }
}

/** The model's latency profile, by name or as a dated snapshot, or OpenAI's 404 for it. */
export function modelProfile(
  model: string,
  latencyTable: ReadonlyMap<string, LatencyProfile>,
): { state: 'ok'; profile: LatencyProfile } | RequestRefusal {
  const profile = latencyTable.get(model) ?? latencyTable.get(aliasOf(model) ?? '');
  if (profile) return { state: 'ok', profile };
  const message = `The model \`${model}\` does not exist or you do not have access to it.`;
  return invalid(404, message, 'model_not_found');
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
  const json = parseJsonBody(bodyText);
  if (json.state === 'error') return json;
  const parsed = chatCompletionRequestSchema.safeParse(json.body);
  if (!parsed.success) {
    return {
      state: 'error',
      status: 400,
      error: invalidRequestError(parsed.error.issues, json.body),
    };
  }
  const chat = parsed.data;
  const model = modelProfile(chat.model, latencyTable);
  if (model.state === 'error') return model;
  return { state: 'ok', chat, profile: model.profile };
}
