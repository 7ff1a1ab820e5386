import type { PlannedRun } from './plan-run.js';
import { runMessages } from './run-messages.js';
import { MODEL_PROVIDER, runMetrics } from './run-metrics.js';
import { toolCallsWithTiming, toolExecution } from './tool-execution.js';

/**
 * The body of a non-streamed run: `RunOutput.to_dict()` of agno 2.9 (libs/agno/agno/run/
 * agent.py), key order included: the scalar fields that are not None, then metrics, status,
 * messages, metadata, tools and input. A run that failed inside the agent is still HTTP 200,
 * with `status: "ERROR"` and the error text as `content`.
 *
 * @param wallStartMs Wall-clock time the run started, for `created_at` and tool timings.
 */
export function runOutputJson(plan: PlannedRun, wallStartMs: number): string {
  const createdAt = Math.floor(wallStartMs / 1000);
  const firstCall = plan.calls[0];
  const tools = toolCallsWithTiming(plan).map(({ call, startMs }) =>
    toolExecution(call, createdAt, { wallStartMs, startMs }),
  );
  return JSON.stringify({
    run_id: plan.runId,
    agent_id: plan.agentId,
    agent_name: plan.agentName,
    session_id: plan.sessionId,
    ...(plan.userId === undefined ? {} : { user_id: plan.userId }),
    content: plan.content,
    content_type: 'str',
    model: plan.agent.model,
    model_provider: MODEL_PROVIDER,
    created_at: createdAt,
    status: 'COMPLETED',
    // Not streamed, the first "token" is the first model call's whole response.
    metrics: runMetrics(plan, firstCall?.latency.totalMs ?? 0),
    messages: runMessages(plan, createdAt),
    ...(plan.metadata === undefined ? {} : { metadata: plan.metadata }),
    ...(tools.length === 0 ? {} : { tools }),
    input: { input_content: plan.message },
  });
}

/** The body of a run whose agent raised: what `arun` returns after catching the error. */
export function failedRunJson(
  ids: { runId: string; sessionId: string; agentId: string; agentName: string; model: string },
  errorText: string,
  wallStartMs: number,
): string {
  return JSON.stringify({
    run_id: ids.runId,
    agent_id: ids.agentId,
    agent_name: ids.agentName,
    session_id: ids.sessionId,
    content: errorText,
    content_type: 'str',
    model: ids.model,
    model_provider: MODEL_PROVIDER,
    created_at: Math.floor(wallStartMs / 1000),
    status: 'ERROR',
  });
}
