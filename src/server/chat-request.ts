import { z } from 'zod';
import type { BridgeRequest } from '../bridge/bridge-types.js';
import { formatPath } from '../config/format-path.js';
import { PATH_NAMES, type PathName } from '../routing/path.js';
import { HttpError } from './http-error.js';

/** The model names clients may send: the bridge picks real models itself, per path. */
export const SERVED_MODELS = [
  'hybrid-bench',
  'hybrid-bench-simple',
  'hybrid-bench-complex',
  'hybrid-bench-full',
] as const;

const Message = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

const ChatRequest = z.object({
  model: z.string(),
  messages: z.array(Message).min(1),
  stream: z.boolean().optional(),
  user: z.string().max(256).optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
});

export interface ParsedChatRequest {
  model: string;
  bridgeRequest: BridgeRequest;
  stream: boolean;
  includeUsage: boolean;
}

/**
 * An OpenAI chat-completions body as a bridge request. The path comes from the model name
 * (`hybrid-bench-<path>`), else the `x-bench-path` header, else the router. Extra OpenAI fields
 * (temperature, tools…) are accepted and ignored: the deployment decides them.
 */
export function parseChatRequest(body: unknown, pathHeader: string | undefined): ParsedChatRequest {
  const parsed = ChatRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue ? formatPath(issue.path) : '';
    throw new HttpError(
      400,
      'invalid_request_error',
      'invalid_request',
      `${param || 'body'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const { model, messages, stream, user } = parsed.data;
  if (!(SERVED_MODELS as readonly string[]).includes(model)) {
    throw new HttpError(
      404,
      'invalid_request_error',
      'model_not_found',
      `The model "${model}" does not exist here. Use one of: ${SERVED_MODELS.join(', ')}.`,
    );
  }
  const fromModel = model.startsWith('hybrid-bench-')
    ? model.slice('hybrid-bench-'.length)
    : undefined;
  const requested = fromModel ?? pathHeader;
  if (requested !== undefined && !(PATH_NAMES as readonly string[]).includes(requested)) {
    throw new HttpError(
      400,
      'invalid_request_error',
      'invalid_path',
      `x-bench-path must be one of ${PATH_NAMES.join(', ')}; got "${requested}".`,
    );
  }
  return {
    model,
    stream: stream === true,
    includeUsage: parsed.data.stream_options?.include_usage === true,
    bridgeRequest: {
      messages,
      ...(user === undefined ? {} : { userId: user }),
      ...(requested === undefined ? {} : { metadata: { path: requested as PathName } }),
    },
  };
}
