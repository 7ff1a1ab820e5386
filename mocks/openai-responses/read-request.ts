import type { LatencyProfile } from '../latency/latency-profile.js';
import { invalidRequestError } from '../openai/openai-error.js';
import {
  invalid,
  modelProfile,
  parseJsonBody,
  type RequestRefusal,
} from '../openai/read-request.js';
import type { ChatCompletionRequest, RequestMessage } from '../openai/request-schema.js';
import { type ResponsesRequest, responsesRequestSchema } from './request-schema.js';

/** A request the mock can answer (with its chat-completions reading), or the error it gets. */
export type ReadResponsesRequest =
  | {
      state: 'ok';
      request: ResponsesRequest;
      /** The same conversation as chat messages, for the shared planner and policy. */
      chat: ChatCompletionRequest;
      profile: LatencyProfile;
    }
  | RequestRefusal;

/**
 * The conversation as chat messages: `instructions` first as a system message, consecutive
 * `function_call` items folded into one assistant message, `function_call_output` as tool
 * messages. Fails with the API's words when an output answers no call or a call has no output.
 */
export function toChatMessages(
  request: ResponsesRequest,
): { state: 'ok'; messages: RequestMessage[] } | { state: 'error'; message: string } {
  const messages: RequestMessage[] = [];
  if (request.instructions) messages.push({ role: 'system', content: request.instructions });
  if (typeof request.input === 'string') {
    messages.push({ role: 'user', content: request.input });
    return { state: 'ok', messages };
  }
  const calls = new Set<string>();
  const answered = new Set<string>();
  for (const item of request.input) {
    if (item.type === 'function_call') {
      calls.add(item.call_id);
      const call = {
        id: item.call_id,
        type: 'function' as const,
        function: { name: item.name, arguments: item.arguments },
      };
      const last = messages.at(-1);
      if (last?.role === 'assistant') last.tool_calls = [...(last.tool_calls ?? []), call];
      else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (item.type === 'function_call_output') {
      if (!calls.has(item.call_id)) {
        return {
          state: 'error',
          message: `No tool call found for function call output with call_id ${item.call_id}.`,
        };
      }
      answered.add(item.call_id);
      messages.push({ role: 'tool', content: item.output, tool_call_id: item.call_id });
    } else {
      messages.push({ role: item.role, content: item.content });
    }
  }
  const unanswered = [...calls].find((id) => !answered.has(id));
  if (unanswered !== undefined) {
    return { state: 'error', message: `No tool output found for function call ${unanswered}.` };
  }
  return { state: 'ok', messages };
}

function toChatRequest(
  request: ResponsesRequest,
  messages: RequestMessage[],
): ChatCompletionRequest {
  const choice = request.tool_choice;
  return {
    model: request.model,
    messages,
    ...(request.tools
      ? {
          tools: request.tools.map((tool) => ({
            type: 'function' as const,
            function: {
              name: tool.name,
              ...(tool.description == null ? {} : { description: tool.description }),
              ...(tool.parameters == null ? {} : { parameters: tool.parameters }),
              strict: tool.strict ?? null,
            },
          })),
        }
      : {}),
    ...(choice === undefined
      ? {}
      : {
          tool_choice:
            typeof choice === 'string'
              ? choice
              : { type: 'function' as const, function: { name: choice.name } },
        }),
    ...(request.parallel_tool_calls == null
      ? {}
      : { parallel_tool_calls: request.parallel_tool_calls }),
    max_completion_tokens: request.max_output_tokens ?? null,
    stream: request.stream ?? null,
  };
}

/**
 * Checks a request at the boundary, in the order OpenAI does: route, JSON, body shape, the
 * conversation's tool pairing, then model. The model must be in the latency table, by name or
 * as a dated snapshot of one. The mock stores nothing, so `previous_response_id` finds nothing.
 */
export function readResponsesRequest(
  method: string,
  path: string,
  bodyText: string,
  latencyTable: ReadonlyMap<string, LatencyProfile>,
): ReadResponsesRequest {
  if (method !== 'POST' || !path.endsWith('/responses')) {
    return invalid(404, `Invalid URL (${method} ${path})`);
  }
  const json = parseJsonBody(bodyText);
  if (json.state === 'error') return json;
  const parsed = responsesRequestSchema.safeParse(json.body);
  if (!parsed.success) {
    return {
      state: 'error',
      status: 400,
      error: invalidRequestError(parsed.error.issues, json.body),
    };
  }
  const request = parsed.data;
  if (request.previous_response_id) {
    return invalid(
      400,
      `Previous response with id '${request.previous_response_id}' not found.`,
      'previous_response_not_found',
      'previous_response_id',
    );
  }
  const converted = toChatMessages(request);
  if (converted.state === 'error') return invalid(400, converted.message, null, 'input');
  const model = modelProfile(request.model, latencyTable);
  if (model.state === 'error') return model;
  return {
    state: 'ok',
    request,
    chat: toChatRequest(request, converted.messages),
    profile: model.profile,
  };
}
