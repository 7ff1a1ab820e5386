import type { Agent } from '../../agents/agent.js';
import type { ContextDraft } from '../../agents/context/context-store.js';
import { type AgentRunResult, runAgent } from '../../agents/run-agent.js';
import type { AgentTurnRecord } from '../../agents/run-records.js';
import type { AgentTeam } from '../../agents/team.js';
import { ConfigError, ErrorCodes } from '../../errors.js';
import { noTelemetry } from '../../telemetry/telemetry.js';
import { endTurn, startTurn } from '../agent-turn.js';
import type { PathContext } from '../path-result.js';
import { runOptionsFor } from '../single-agent.js';
import { type AgentBudget, enterAgentBudget } from './agent-budget.js';
import { absorbToolRuns, agentInput } from './conversation-state.js';
import { type HandoffChain, type NextStep, nextStep } from './handoff-guard.js';

export interface FullPathOptions {
  /** Most handoffs the agents may ask for; past it the guard escalates (see `nextStep`). */
  maxHandoffs: number;
  maxStepsPerAgent: number;
  maxOutputTokens: number;
  /** Messages of the customer's conversation a receiving agent sees after a handoff. */
  handoffTranscriptMessages?: number;
  /** Every agent's budget, unless `agentBudgets` names the agent. */
  agentBudget?: AgentBudget;
  agentBudgets?: Readonly<Record<string, AgentBudget>>;
}

const DEFAULT_HANDOFF_TRANSCRIPT_MESSAGES = 12;

/** One agent's turn as taken: its run, its record, and what the protocol says comes next. */
export interface TakenTurn {
  run: AgentRunResult;
  record: AgentTurnRecord;
  step: NextStep;
}

/**
 * One agent's turn of the full path, the same in process and in a worker: the agent reads its
 * brief of `state`, runs its tool loop under its own budget inside the request's (a span per
 * turn), its tool results become facts in `state`, and {@link nextStep} decides what follows.
 * `firstCall` is where the turn's model calls start in the caller's trail.
 */
export type TakeTurn = (
  agent: Agent,
  state: ContextDraft,
  chain: HandoffChain,
  context: PathContext,
  firstCall: number,
) => Promise<TakenTurn>;

/** The turn-taker for a team and its full-path settings; unknown agents in budgets are refused. */
export function createTurnTaker(team: AgentTeam, options: FullPathOptions): TakeTurn {
  for (const name of Object.keys(options.agentBudgets ?? {})) {
    if (!team.agents.has(name))
      throw new ConfigError(
        ErrorCodes.unknownAgent,
        `paths.full.agentBudgets.${name}: no agent "${name}" in the team; use one of ${[...team.agents.keys()].join(', ')}.`,
      );
  }
  const limits = { maxSteps: options.maxStepsPerAgent, maxOutputTokens: options.maxOutputTokens };
  const transcriptMessages =
    options.handoffTranscriptMessages ?? DEFAULT_HANDOFF_TRANSCRIPT_MESSAGES;

  return async (agent, state, chain, context, firstCall) => {
    const telemetry = context.telemetry ?? noTelemetry;
    const start = startTurn(agent, context, firstCall);
    const budgeted = enterAgentBudget(
      context,
      options.agentBudgets?.[agent.name] ?? options.agentBudget,
    );
    const input = agentInput(agent, state, transcriptMessages);
    let run: AgentRunResult;
    try {
      run = await telemetry.span('agent_turn', { agent: agent.name }, () =>
        runAgent(agent, input, runOptionsFor(budgeted.context, limits)),
      );
    } finally {
      budgeted.dispose();
    }
    const budget = budgeted.exhausted();
    const record = endTurn(start, run, context, budget);
    absorbToolRuns(state, agent, run.toolRuns);
    const step = nextStep(
      team,
      chain,
      { agent: agent.name, run, budget, requestStopped: context.signal.aborted },
      options.maxHandoffs,
    );
    return { run, record, step };
  };
}
