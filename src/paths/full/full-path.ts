import { type AgentRunResult, runAgent } from '../../agents/run-agent.js';
import type { AgentTurnRecord, HandoffRecord } from '../../agents/run-records.js';
import type { AgentTeam } from '../../agents/team.js';
import { ConfigError, ErrorCodes } from '../../errors.js';
import type { ChatMessage } from '../../providers/provider.js';
import { noTelemetry } from '../../telemetry/telemetry.js';
import { endTurn, startTurn } from '../agent-turn.js';
import type { PathContext, PathResult } from '../path-result.js';
import { runOptionsFor } from '../single-agent.js';
import { type AgentBudget, enterAgentBudget } from './agent-budget.js';
import { absorbToolRuns, addHandoff, agentInput, openConversation } from './conversation-state.js';
import { nextStep } from './handoff-guard.js';

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

/**
 * The multi-agent path: the team's entry agent takes the conversation and agents hand it on
 * with a reason and a summary, sharing one conversation state. The handoff protocol (loops,
 * limits, failures, budgets → escalation) is {@link nextStep}'s; each agent runs under its own
 * budget inside the request's.
 */
export function createFullPath(team: AgentTeam, options: FullPathOptions) {
  const limits = { maxSteps: options.maxStepsPerAgent, maxOutputTokens: options.maxOutputTokens };
  const transcriptMessages =
    options.handoffTranscriptMessages ?? DEFAULT_HANDOFF_TRANSCRIPT_MESSAGES;
  const budgetOf = (agent: string) => options.agentBudgets?.[agent] ?? options.agentBudget;
  for (const name of Object.keys(options.agentBudgets ?? {})) {
    if (!team.agents.has(name))
      throw new ConfigError(
        ErrorCodes.unknownAgent,
        `paths.full.agentBudgets.${name}: no agent "${name}" in the team; use one of ${[...team.agents.keys()].join(', ')}.`,
      );
  }

  return async (messages: readonly ChatMessage[], context: PathContext): Promise<PathResult> => {
    const telemetry = context.telemetry ?? noTelemetry;
    const state = openConversation(context.requestId, messages);
    const trail: Omit<PathResult, 'state'> & {
      handoffs: HandoffRecord[];
      turns: AgentTurnRecord[];
    } = { calls: [], toolRuns: [], handoffs: [], agents: [], turns: [] };
    let current = team.entry;
    for (;;) {
      const agent = team.agents.get(current);
      if (!agent) {
        return {
          ...trail,
          state: 'error',
          error: { code: 'unknown_agent', message: `No agent "${current}" in the team` },
        };
      }
      trail.agents.push(agent.name);
      const start = startTurn(agent, context, trail.calls.length);
      const budgeted = enterAgentBudget(context, budgetOf(agent.name));
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
      const turn = endTurn(start, run, context, budget);
      trail.turns.push(turn);
      trail.calls.push(...run.calls);
      trail.toolRuns.push(...run.toolRuns);
      absorbToolRuns(state, agent, run.toolRuns);
      telemetry.agentTurnEnded(turn);

      const step = nextStep(
        team,
        trail,
        { agent: agent.name, run, budget, requestStopped: context.signal.aborted },
        options.maxHandoffs,
      );
      if (step.kind === 'answer')
        return { ...trail, state: 'ok', text: step.text, finalCall: step.finalCall };
      if (step.kind === 'fail') return { ...trail, state: 'error', error: step.error };
      trail.handoffs.push(step.handoff);
      addHandoff(state, step.handoff, context.clock.wallNow());
      const { from, to, reason, kind = 'agent' } = step.handoff;
      telemetry.handedOff({ from, to, kind });
      // A zero-length span, so a trace shows each handoff (and why) between the agents' turns.
      await telemetry.span('handoff', { from, to, kind, reason }, () => Promise.resolve());
      current = step.handoff.to;
    }
  };
}
