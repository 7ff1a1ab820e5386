import type { Agent } from '../agents/agent.js';
import type { AgentRunResult } from '../agents/run-agent.js';
import type { AgentTurnRecord } from '../agents/run-records.js';
import type { PathContext } from './path-result.js';

/** Readings taken when an agent's turn starts, to close its {@link AgentTurnRecord} with. */
export interface TurnStart {
  agent: string;
  startedMs: number;
  spentUsd: number;
  firstCall: number;
}

export function startTurn(agent: Agent, context: PathContext, firstCall: number): TurnStart {
  return {
    agent: agent.name,
    startedMs: context.clock.now(),
    spentUsd: context.spentUsd(),
    firstCall,
  };
}

/** The record of a turn that ended with `run`; `budget` when the agent's own budget ended it. */
export function endTurn(
  start: TurnStart,
  run: AgentRunResult,
  context: PathContext,
  budget?: 'time' | 'cost',
): AgentTurnRecord {
  return {
    agent: start.agent,
    startedMs: start.startedMs,
    latencyMs: context.clock.now() - start.startedMs,
    outcome:
      run.state === 'completed' ? 'answered' : run.state === 'handoff' ? 'handed_off' : 'failed',
    firstCall: start.firstCall,
    callCount: run.calls.length,
    toolRunCount: run.toolRuns.length,
    costUsd: Math.max(0, context.spentUsd() - start.spentUsd),
    ...(run.state === 'failed' ? { errorCode: run.error.code } : {}),
    ...(budget === undefined ? {} : { budget }),
  };
}
