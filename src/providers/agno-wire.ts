import { z } from 'zod';
import { invalidResponseFailure } from './failure.js';
import type { ChatMessage, ProviderFailure, ServerToolCall } from './provider.js';

/*
 * The AgentOS HTTP API, as served by agno 2.9 (libs/agno/agno/os/routers/agents/router.py,
 * `create_agent_run`): `POST /agents/{agent_id}/runs` takes a form (urlencoded or multipart):
 * `message` (required), `stream` (default true!), `session_id`, `user_id`, `files`, `version`,
 * `background`, and any other field as a run keyword (`metadata` as JSON). Not streamed, the
 * answer is `RunOutput.to_dict()` (agno/run/agent.py): `content`, `run_id`, `session_id`,
 * `model`, `status` (COMPLETED | ERROR | CANCELLED | PAUSED, an agent failure being HTTP 200 with
 * status ERROR), `metrics` (`input_tokens`, `output_tokens`, `cache_read_tokens`,
 * `time_to_first_token` and `duration` in seconds; zeros omitted, agno/metrics.py) and `tools`
 * (ToolExecutions the server ran). Streamed, it is SSE framed `event: <Name>\ndata: <json>\n\n`
 * (`format_sse_event`, agno/os/utils.py): RunStarted, RunContent (a `content` delta),
 * ToolCallStarted/ToolCallCompleted (a `tool`), RunCompleted (`content`, `metrics`), or RunError
 * (`content` = the error, `error_type`). Errors are FastAPI's `{"detail": ...}`: 404 "Agent not
 * found", 422 with pydantic error entries, 401 for a bad `Authorization: Bearer` key.
 */

const metricsSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_read_tokens: z.number().nullish(),
});
const toolSchema = z.looseObject({
  tool_call_id: z.string().nullish(),
  tool_name: z.string().nullish(),
  tool_args: z.record(z.string(), z.unknown()).nullish(),
  tool_call_error: z.boolean().nullish(),
  result: z.string().nullish(),
  metrics: z.looseObject({ duration: z.number().nullish() }).nullish(),
});
/** A RunOutput body or one event's data: every field optional, unknown ones kept. */
const runSchema = z.looseObject({
  event: z.string().nullish(),
  run_id: z.string().nullish(),
  session_id: z.string().nullish(),
  content: z.unknown().optional(),
  model: z.string().nullish(),
  status: z.string().nullish(),
  error_type: z.string().nullish(),
  metrics: metricsSchema.nullish(),
  tool: toolSchema.nullish(),
  tools: z.array(toolSchema).nullish(),
});
export type RunData = z.infer<typeof runSchema>;

/** An expected failure this provider finds itself (not an HTTP status). */
export const failure = (
  code: 'server_error' | 'bad_request',
  message: string,
  providerCode?: string,
) =>
  ({
    code,
    message,
    ...(providerCode ? { providerCode } : {}),
    isNetwork: false,
    isAbort: false,
  }) satisfies ProviderFailure;

/**
 * The run's `message`: the last message, which must be the user's. Earlier user and assistant
 * turns are folded in as a transcript rather than kept in a server session, so every call is
 * stateless and a retried call never sees its failed attempt; system messages and tool traffic
 * stay out (the agent has its own instructions and runs its own tools).
 */
export function agentMessage(messages: readonly ChatMessage[]): string | undefined {
  const last = messages.at(-1);
  if (last?.role !== 'user') return undefined;
  const earlier = messages
    .slice(0, -1)
    .filter((m) => (m.role === 'user' || m.role === 'assistant') && m.content !== '')
    .map((m) => `${m.role === 'user' ? 'User' : 'Assistant'}: ${m.content}`);
  if (earlier.length === 0) return last.content;
  return `Conversation so far:\n${earlier.join('\n')}\n\nLatest message:\n${last.content}`;
}

/** A run's `content` as text: structured output (an object) becomes JSON. */
export function textOf(content: unknown): string {
  if (content === null || content === undefined) return '';
  return typeof content === 'string' ? content : JSON.stringify(content);
}

/** A ToolExecution as the caller sees it. */
export function toServerToolCall(tool: z.infer<typeof toolSchema>): ServerToolCall {
  const seconds = tool.metrics?.duration;
  return {
    id: tool.tool_call_id ?? '',
    name: tool.tool_name ?? '',
    arguments: JSON.stringify(tool.tool_args ?? {}),
    result: tool.result ?? '',
    isError: tool.tool_call_error === true,
    ...(typeof seconds === 'number' ? { durationMs: seconds * 1000 } : {}),
  };
}

/** A run cancelled on the server (`POST .../cancel`, or the server shutting down). */
export const cancelled = () => failure('server_error', 'The run was cancelled on the server');
/** A run waiting for confirmation, user input or an external tool: nothing here can answer it. */
export const paused = () =>
  invalidResponseFailure('The run paused for human input, which this provider cannot give');

/** A run that did not complete: ERROR (the agent raised), CANCELLED, PAUSED (human input). */
export function statusFailure(status: string, content: unknown): ProviderFailure | undefined {
  if (status === 'COMPLETED') return undefined;
  if (status === 'ERROR') return failure('server_error', textOf(content) || 'The agent run failed');
  if (status === 'CANCELLED') return cancelled();
  return status === 'PAUSED' ? paused() : invalidResponseFailure(`The run ended as ${status}`);
}

/** FastAPI's `detail`: a string, or pydantic entries (`loc`, `msg`, `type`). */
export function describeDetail(body: unknown): { message?: string; providerCode?: string } {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'string') return { message: detail };
  if (!Array.isArray(detail)) return {};
  const entries = detail as { loc?: unknown[]; msg?: unknown; type?: unknown }[];
  const message = entries.map((e) => `${(e.loc ?? []).join('.')}: ${String(e.msg)}`).join('; ');
  const type = entries[0]?.type;
  return { message, ...(typeof type === 'string' ? { providerCode: type } : {}) };
}

/** One JSON body or event payload, checked; a bad one is a SyntaxError (invalid response). */
export function parseData(raw: string): RunData {
  const parsed = runSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new SyntaxError(`Unexpected run shape (${where.join('; ')})`);
  }
  return parsed.data;
}
