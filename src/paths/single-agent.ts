import type { Agent } from '../agents/agent.js';
import { type AgentRunResult, type RunAgentOptions, runAgent } from '../agents/run-agent.js';
import type { AgentTurnRecord } from '../agents/run-records.js';
import type { ChatMessage } from '../providers/provider.js';
import { endTurn, startTurn } from './agent-turn.js';
import type { PathContext, PathResult } from './path-result.js';

export interface AgentLimits {
  maxSteps: number;
  maxOutputTokens: number;
}

/** The tool-loop options for one agent run on behalf of a request. */
export function runOptionsFor(context: PathContext, limits: AgentLimits): RunAgentOptions {
  return {
    call: context.call,
    clock: context.clock,
    signal: context.signal,
    requestId: context.requestId,
    ...(context.userId === undefined ? {} : { userId: context.userId }),
    maxSteps: limits.maxSteps,
    maxOutputTokens: limits.maxOutputTokens,
    stream: context.stream,
    ...(context.telemetry ? { telemetry: context.telemetry } : {}),
  };
}

/** A single agent's run as a path result; a handoff cannot be served without a team. */
function toPathResult(agent: Agent, run: AgentRunResult, turn: AgentTurnRecord): PathResult {
  const trail = {
    calls: run.calls,
    toolRuns: run.toolRuns,
    handoffs: [],
    agents: [agent.name],
    turns: [turn],
  };
  switch (run.state) {
    case 'completed':
      return { ...trail, state: 'ok', text: run.text, finalCall: run.finalCall };
    case 'failed':
      return { ...trail, state: 'error', error: run.error };
    case 'handoff':
      return {
        ...trail,
        state: 'error',
        error: {
          code: 'unknown_agent',
          message: `"${agent.name}" asked to hand off to "${run.to}" outside the full path`,
        },
      };
  }
}

/** Runs one agent on the conversation, its instructions as the system message. */
export async function runSingleAgent(
  agent: Agent,
  messages: readonly ChatMessage[],
  context: PathContext,
  limits: AgentLimits,
): Promise<PathResult> {
  const start = startTurn(agent, context, 0);
  const run = await runAgent(
    agent,
    [{ role: 'system', content: agent.instructions }, ...messages],
    runOptionsFor(context, limits),
  );
  return toPathResult(agent, run, endTurn(start, run, context));
}
