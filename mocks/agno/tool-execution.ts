import type { ExecutedToolCall } from './execute-tool-calls.js';
import type { PlannedRun } from './plan-run.js';

/*
 * A ToolExecution as agno 2.9 serialises it: `ToolExecution.to_dict()` is a plain `asdict`, so
 * None fields stay, as null (libs/agno/agno/models/response.py). Times are seconds, as floats.
 */

/** When a tool call ran: `startMs` from the start of the run (the tools take no time). */
export interface ToolTiming {
  wallStartMs: number;
  startMs: number;
}

/** A ToolExecution; without timing it is the not-yet-run form of a ToolCallStarted event. */
export function toolExecution(call: ExecutedToolCall, createdAt: number, timing?: ToolTiming) {
  const startTime = timing ? (timing.wallStartMs + timing.startMs) / 1000 : null;
  return {
    tool_call_id: call.id,
    tool_name: call.name,
    tool_args: call.args,
    tool_call_error: timing ? call.isError : null,
    result: timing ? call.result : null,
    metrics: timing ? { start_time: startTime, end_time: startTime, duration: 0 } : null,
    child_run_id: null,
    stop_after_tool_call: false,
    created_at: createdAt,
    requires_confirmation: null,
    confirmed: null,
    confirmation_note: null,
    requires_user_input: null,
    user_input_schema: null,
    user_feedback_schema: null,
    answered: null,
    external_execution_required: null,
    external_execution_silent: null,
    approval_type: null,
    approval_id: null,
  };
}

/** The tool calls of a run, in the order they ran, with when each ran. */
export function toolCallsWithTiming(plan: PlannedRun) {
  let elapsedMs = 0;
  const timed: { call: ExecutedToolCall; startMs: number }[] = [];
  for (const modelCall of plan.calls) {
    elapsedMs += modelCall.latency.totalMs;
    for (const call of modelCall.toolCalls) timed.push({ call, startMs: elapsedMs });
  }
  return timed;
}
