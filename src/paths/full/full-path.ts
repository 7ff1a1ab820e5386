import type { AgentTurnRecord, HandoffRecord } from '../../agents/run-records.js';
import type { AgentTeam } from '../../agents/team.js';
import type { ChatMessage } from '../../providers/provider.js';
import { noTelemetry } from '../../telemetry/telemetry.js';
import type { PathContext, PathResult } from '../path-result.js';
import { addHandoff, openConversation } from './conversation-state.js';
import { createTurnTaker, type FullPathOptions } from './take-turn.js';

export type { FullPathOptions } from './take-turn.js';

/**
 * The multi-agent path: the team's entry agent takes the conversation and agents hand it on
 * with a reason and a summary, sharing one conversation state. The handoff protocol (loops,
 * limits, failures, budgets → escalation) is `nextStep`'s, and each turn (the agent under its
 * own budget inside the request's) is taken as in the agent workers (`createTurnTaker`).
 */
export function createFullPath(team: AgentTeam, options: FullPathOptions) {
  const takeTurn = createTurnTaker(team, options);

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
      const { run, record, step } = await takeTurn(
        agent,
        state,
        trail,
        context,
        trail.calls.length,
      );
      trail.turns.push(record);
      trail.calls.push(...run.calls);
      trail.toolRuns.push(...run.toolRuns);
      telemetry.agentTurnEnded(record);

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
