import type { Clock } from '../../src/clock.js';
import type { LatencyProfile } from '../latency/latency-profile.js';
import type { AnsweringPolicy } from '../policy/answering-policy.js';
import { timedEventStream } from '../streaming/timed-event-stream.js';
import { clientGone, waitForClient } from '../streaming/wait-for-client.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import type { AgnoMockAgent } from './agent-definition.js';
import { fastApiErrorResponse } from './fastapi-error.js';
import { identifyRun, type RunIdentity } from './identify-run.js';
import { type PlannedRun, planRun } from './plan-run.js';
import { frame, runEvents } from './run-events.js';
import { readRunForm } from './run-form.js';
import { MODEL_PROVIDER } from './run-metrics.js';
import { failedRunJson, runOutputJson } from './run-output-json.js';

/** What a run needs from the mock that serves it. */
export interface RunDeps {
  seed: number;
  clock: Clock;
  policy: AnsweringPolicy;
  tokens: TokenCounter;
  timeScale: number;
  agents: ReadonlyMap<string, { agent: AgnoMockAgent; profile: LatencyProfile }>;
}

// Starlette adds the charset to every text/* media type.
const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8' };
const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * A run whose agent raised: streamed, RunStarted then RunError (`error_type` is the exception's
 * class name, as agno's `error_type_of`); not streamed, HTTP 200 with `status: "ERROR"`.
 */
function failedRun(
  identity: RunIdentity,
  agentId: string,
  agent: AgnoMockAgent,
  error: unknown,
  streaming: boolean,
  wallStartMs: number,
): Response {
  const envelope = {
    ...identity,
    agentId,
    agentName: agent.name ?? agentId,
    model: agent.model,
  };
  const text = error instanceof Error ? error.message : String(error);
  if (!streaming) {
    return new Response(failedRunJson(envelope, text, wallStartMs), { headers: JSON_HEADERS });
  }
  const createdAt = Math.floor(wallStartMs / 1000);
  const started = frame('RunStarted', envelope, createdAt, {
    model: agent.model,
    model_provider: MODEL_PROVIDER,
  });
  const failed = frame('RunError', envelope, createdAt, {
    content: text,
    error_type: error instanceof Error ? error.name : 'Exception',
  });
  return new Response(started + failed, { headers: SSE_HEADERS });
}

/**
 * Answers `POST /agents/{agent_id}/runs` in AgentOS's order: form validation (422), agent lookup
 * (404), then the run. A streamed run sends its headers and RunStarted at once and paces the rest;
 * a plain one answers when the whole run is done.
 */
export async function answerRun(
  request: Request,
  agentId: string,
  deps: RunDeps,
): Promise<Response> {
  const read = await readRunForm(request);
  if (read.state === 'error') return fastApiErrorResponse(422, read.detail);
  const served = deps.agents.get(agentId);
  if (!served) return fastApiErrorResponse(404, 'Agent not found');
  const { form } = read;
  if (form.background && !form.stream) {
    // The mock keeps no database, like an AgentOS app started without one.
    const detail = 'Background execution requires a database to be configured on the agent';
    return fastApiErrorResponse(400, detail);
  }

  const wallStartMs = deps.clock.wallNow();
  const identity = identifyRun(
    deps.seed,
    agentId,
    form,
    request.headers.get('x-client-request-id'),
  );
  let plan: PlannedRun;
  try {
    plan = await planRun(identity, agentId, served.agent, form, {
      ...deps,
      profile: served.profile,
    });
  } catch (error) {
    return failedRun(identity, agentId, served.agent, error, form.stream, wallStartMs);
  }

  if (form.stream) {
    const events = runEvents(plan, wallStartMs);
    const body = timedEventStream(events, deps.clock, request.signal);
    return new Response(body, { headers: SSE_HEADERS });
  }
  if (!(await waitForClient(deps.clock, plan.durationMs, request.signal))) return clientGone();
  return new Response(runOutputJson(plan, wallStartMs), { headers: JSON_HEADERS });
}
