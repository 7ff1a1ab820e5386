import type { TimedEvent } from '../streaming/timed-event-stream.js';
import type { PlannedModelCall, PlannedRun } from './plan-run.js';
import { MODEL_PROVIDER, runMetrics } from './run-metrics.js';
import { toolExecution } from './tool-execution.js';

/** The ids every event of a run carries. */
export interface RunEnvelope {
  agentId: string;
  agentName: string;
  runId: string;
  sessionId: string;
  model: string;
}

/** One frame: compact JSON on a single `data:` line after an `event:` line. */
export function frame(
  name: string,
  envelope: RunEnvelope,
  createdAt: number,
  fields: object = {},
): string {
  const data = {
    created_at: createdAt,
    event: name,
    agent_id: envelope.agentId,
    agent_name: envelope.agentName,
    run_id: envelope.runId,
    session_id: envelope.sessionId,
    nested_depth: 0,
    ...fields,
  };
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Agno's `FunctionCall.get_call_str()`: `name(key=value, ...)` with values as Python prints them. */
function callString(name: string, args: Record<string, unknown>): string {
  const shown = Object.entries(args).map(
    ([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return `${name}(${shown.join(', ')})`;
}

/**
 * The events of a streamed run in agno 2.9's order (agent `_arun_stream`, model
 * `aresponse_stream`): RunStarted at once; per model call ModelRequestStarted, then for a
 * tool-calling turn ModelRequestCompleted when the call ends and ToolCallStarted/Completed for
 * each call, or for the answering turn one RunContent per token (the first at the call's time to
 * first token) and ModelRequestCompleted; then RunContentCompleted and RunCompleted with metrics.
 */
export function runEvents(plan: PlannedRun, wallStartMs: number): TimedEvent[] {
  const envelope: RunEnvelope = { ...plan, model: plan.agent.model };
  const model = { model: plan.agent.model, model_provider: MODEL_PROVIDER };
  const events: TimedEvent[] = [];
  let elapsedMs = 0;
  const push = (delayMs: number, onTime: boolean, name: string, fields: object = {}) => {
    elapsedMs += delayMs;
    const createdAt = Math.floor((wallStartMs + elapsedMs) / 1000);
    events.push({ delayMs, onTime, frame: frame(name, envelope, createdAt, fields) });
  };
  const requestCompleted = (call: PlannedModelCall) => ({
    ...model,
    input_tokens: call.promptTokens,
    output_tokens: call.completionTokens,
    total_tokens: call.promptTokens + call.completionTokens,
    time_to_first_token: call.latency.ttftMs / 1000,
    reasoning_tokens: 0,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
  });

  push(0, true, 'RunStarted', model);
  for (const call of plan.calls) {
    push(0, true, 'ModelRequestStarted', model);
    const pieces = call.contentPieces;
    const gapMs = pieces.length > 1 ? call.latency.generationMs / (pieces.length - 1) : 0;
    pieces.forEach((piece, index) => {
      push(index === 0 ? call.latency.ttftMs : gapMs, index === 0, 'RunContent', {
        content: piece,
        workflow_agent: false,
        content_type: 'str',
        reasoning_content: '',
      });
    });
    const owedMs = pieces.length === 0 ? call.latency.totalMs : 0;
    push(owedMs, true, 'ModelRequestCompleted', requestCompleted(call));
    const createdAt = Math.floor((wallStartMs + elapsedMs) / 1000);
    for (const toolCall of call.toolCalls) {
      push(0, true, 'ToolCallStarted', { tool: toolExecution(toolCall, createdAt) });
    }
    const timing = { wallStartMs, startMs: elapsedMs };
    for (const toolCall of call.toolCalls) {
      push(0, true, 'ToolCallCompleted', {
        content: `${callString(toolCall.name, toolCall.args)} completed in 0.0000s. `,
        tool: toolExecution(toolCall, createdAt, timing),
      });
    }
  }
  push(0, true, 'RunContentCompleted');
  push(0, true, 'RunCompleted', {
    content: plan.content,
    content_type: 'str',
    ...(plan.metadata === undefined ? {} : { metadata: plan.metadata }),
    metrics: runMetrics(plan, plan.calls[0]?.latency.ttftMs ?? 0),
  });
  return events;
}
