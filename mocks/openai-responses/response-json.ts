import type { PlannedCompletion } from '../openai/plan-completion.js';
import type { ResponsesRequest } from './request-schema.js';

/** One planned answer in the Responses API's terms: its ids and when it was made. */
export interface PlannedResponse {
  planned: PlannedCompletion;
  request: ResponsesRequest;
  id: string;
  /** The id of the output message item (a text answer). */
  messageId: string;
  /** The item id of each function call, in the order of `planned.toolCalls`. */
  callItemIds: readonly string[];
  createdSeconds: number;
  completedSeconds: number;
}

/** `completed`, or `incomplete` when the answer stopped at `max_output_tokens`. */
export function finalStatus(plan: PlannedResponse): 'completed' | 'incomplete' {
  return plan.planned.finishReason === 'length' ? 'incomplete' : 'completed';
}

export function usageOf(planned: PlannedCompletion) {
  return {
    input_tokens: planned.promptTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: planned.completionTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: planned.promptTokens + planned.completionTokens,
  };
}

export function outputTextPart(text: string) {
  return { type: 'output_text', annotations: [], logprobs: [], text };
}

/** The output message item of a text answer, as it stands at `status`. */
export function messageItem(
  plan: PlannedResponse,
  status: 'in_progress' | 'completed' | 'incomplete',
  content: readonly unknown[],
) {
  return { id: plan.messageId, type: 'message', status, content, role: 'assistant' };
}

/** A function-call output item; its arguments are empty while it is still being generated. */
export function functionCallItem(
  plan: PlannedResponse,
  index: number,
  status: 'in_progress' | 'completed',
) {
  const call = plan.planned.toolCalls[index];
  return {
    id: plan.callItemIds[index],
    type: 'function_call',
    status,
    arguments: status === 'completed' ? (call?.arguments ?? '') : '',
    call_id: call?.id,
    name: call?.name,
  };
}

/** Every output item of the finished response. */
export function finalOutput(plan: PlannedResponse): unknown[] {
  const { planned } = plan;
  if (planned.toolCalls.length > 0) {
    return planned.toolCalls.map((_, index) => functionCallItem(plan, index, 'completed'));
  }
  return [messageItem(plan, finalStatus(plan), [outputTextPart(planned.contentPieces.join(''))])];
}

/**
 * A `response` object, fields in the API's order: at `in_progress` (the stream's first events)
 * with no output and no usage, or finished.
 */
export function responseObject(plan: PlannedResponse, stage: 'in_progress' | 'final') {
  const { request, planned } = plan;
  const done = stage === 'final';
  const status = done ? finalStatus(plan) : 'in_progress';
  return {
    id: plan.id,
    object: 'response',
    created_at: plan.createdSeconds,
    status,
    background: false,
    completed_at: done && status === 'completed' ? plan.completedSeconds : null,
    error: null,
    incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    max_tool_calls: null,
    model: planned.model,
    output: done ? finalOutput(plan) : [],
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: null,
    prompt_cache_key: null,
    reasoning: { effort: null, summary: null },
    safety_identifier: null,
    service_tier: 'default',
    store: request.store ?? true,
    temperature: request.temperature ?? 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: request.tool_choice ?? 'auto',
    tools: (request.tools ?? []).map((tool) => ({
      type: 'function',
      description: tool.description ?? null,
      name: tool.name,
      parameters: tool.parameters ?? null,
      strict: tool.strict ?? true,
    })),
    top_logprobs: 0,
    top_p: 1,
    truncation: 'disabled',
    usage: done ? usageOf(planned) : null,
    user: null,
    metadata: {},
  };
}

/** The JSON body of a non-streamed response. */
export function responseJson(plan: PlannedResponse): string {
  return JSON.stringify(responseObject(plan, 'final'));
}
