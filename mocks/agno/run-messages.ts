import type { PlannedRun } from './plan-run.js';
import { tokenFields } from './run-metrics.js';

/*
 * The run's messages as `Message.to_dict()` writes them in agno 2.9 (libs/agno/agno/models/
 * message.py): None and empty collections dropped, `created_at` last. Assistant messages carry
 * the OpenAI-format `tool_calls` and their own metrics; tool messages name the call they answer.
 */

function message(id: string, role: string, createdAt: number, fields: Record<string, unknown>) {
  const { content, ...rest } = fields;
  return {
    id,
    ...(content === undefined ? {} : { content }),
    from_history: false,
    stop_after_tool_call: false,
    role,
    ...rest,
    created_at: createdAt,
  };
}

/** Every message of the run: system, user, then each assistant turn and its tool results. */
export function runMessages(plan: PlannedRun, createdAt: number): Record<string, unknown>[] {
  const ids = [...plan.messageIds];
  const nextId = () => ids.shift() ?? '';
  const out: Record<string, unknown>[] = [];
  if (plan.agent.instructions !== '') {
    out.push(message(nextId(), 'system', createdAt, { content: plan.agent.instructions }));
  }
  out.push(message(nextId(), 'user', createdAt, { content: plan.message }));
  for (const call of plan.calls) {
    const metrics = {
      ...tokenFields(call.promptTokens, call.completionTokens),
      duration: call.latency.totalMs / 1000,
    };
    if (call.toolCalls.length === 0) {
      out.push(
        message(nextId(), 'assistant', createdAt, {
          content: call.contentPieces.join(''),
          metrics,
        }),
      );
      continue;
    }
    const toolCalls = call.toolCalls.map((toolCall) => ({
      id: toolCall.id,
      type: 'function',
      function: { name: toolCall.name, arguments: toolCall.argumentsJson },
    }));
    out.push(message(nextId(), 'assistant', createdAt, { tool_calls: toolCalls, metrics }));
    for (const toolCall of call.toolCalls) {
      out.push(
        message(nextId(), 'tool', createdAt, {
          content: toolCall.result,
          tool_call_id: toolCall.id,
          tool_name: toolCall.name,
          tool_args: toolCall.args,
          tool_call_error: toolCall.isError,
        }),
      );
    }
  }
  return out;
}
