import type { AgentRunResult } from '../../agents/run-agent.js';
import type {
  HandoffKind,
  HandoffRecord,
  ModelCallRecord,
  RunFailure,
} from '../../agents/run-records.js';
import type { AgentTeam } from '../../agents/team.js';

/** The conversation's chain so far: who held it, and every handoff made. */
export interface HandoffChain {
  agents: readonly string[];
  handoffs: readonly HandoffRecord[];
}

/** What happens after an agent's turn. */
export type NextStep =
  | { kind: 'answer'; text: string; finalCall: ModelCallRecord }
  | { kind: 'handoff'; handoff: HandoffRecord }
  | { kind: 'fail'; error: RunFailure };

export interface TurnEnding {
  /** The agent whose turn it was. */
  agent: string;
  run: AgentRunResult;
  /** The agent's own budget ran out (not the request's). */
  budget?: 'time' | 'cost' | undefined;
  /** The request itself is over: its deadline passed or its caller left. */
  requestStopped: boolean;
}

/**
 * The handoff protocol's rules, shared by the in-process path and the agent workers:
 * - an answer ends the conversation;
 * - a handoff the agent asks for goes ahead unless it repeats an earlier one (A → B a second
 *   time: a loop) or would pass `maxHandoffs` agent-requested handoffs;
 * - an agent that fails (model error, too many steps, its own time or cost budget) does not end
 *   the conversation;
 * - a loop, the limit or a failure hands the conversation to the team's escalation agent once,
 *   with the reason; when there is none, or it has already held the conversation, the request
 *   fails with `handoff_loop`, `max_handoffs` or the agent's error (the production layer then
 *   degrades it).
 * A request that is over (deadline, caller gone, the request's cost cap) fails at once.
 */
export function nextStep(
  team: AgentTeam,
  chain: HandoffChain,
  ending: TurnEnding,
  maxHandoffs: number,
): NextStep {
  const { run, agent } = ending;
  const escalate = (kind: HandoffKind, reason: string, summary: string): NextStep | undefined =>
    team.escalation === undefined || chain.agents.includes(team.escalation)
      ? undefined
      : { kind: 'handoff', handoff: { from: agent, to: team.escalation, reason, summary, kind } };

  if (run.state === 'completed')
    return { kind: 'answer', text: run.text, finalCall: run.finalCall };
  if (run.state === 'handoff') {
    if (chain.handoffs.some((h) => h.from === agent && h.to === run.to)) {
      const message = `Handoff loop: ${agent} → ${run.to} was asked for a second time`;
      return (
        escalate('loop', `handoff loop (${agent} → ${run.to} again)`, run.summary) ?? {
          kind: 'fail',
          error: { code: 'handoff_loop', message },
        }
      );
    }
    const requested = chain.handoffs.filter((h) => (h.kind ?? 'agent') === 'agent').length;
    if (requested >= maxHandoffs) {
      return (
        escalate('limit', `handoff limit of ${maxHandoffs} reached`, run.summary) ?? {
          kind: 'fail',
          error: { code: 'max_handoffs', message: `More than ${maxHandoffs} handoffs` },
        }
      );
    }
    return {
      kind: 'handoff',
      handoff: { from: agent, to: run.to, reason: run.reason, summary: run.summary },
    };
  }
  const requestCapSpent = run.error.code === 'budget_exceeded' && ending.budget === undefined;
  if (ending.requestStopped || requestCapSpent) return { kind: 'fail', error: run.error };
  const step = ending.budget
    ? escalate('budget', `agent over its ${ending.budget} budget`, run.error.message)
    : escalate('failure', `agent failed (${run.error.code})`, run.error.message);
  return step ?? { kind: 'fail', error: run.error };
}
