import type { ModelCaller } from '../../agents/run-agent.js';
import { createDeadline } from '../../pipeline/deadline.js';
import type { ModelOutcome } from '../../providers/provider.js';
import type { PathContext } from '../path-result.js';

/** What one agent may use of a request on the full path; absent limits are the request's own. */
export interface AgentBudget {
  /** Longest the agent may hold the conversation, in milliseconds. */
  maxMs?: number;
  /** Most the agent's model calls may cost, in US dollars (checked before each call). */
  maxCostUsd?: number;
}

/** One agent's turn under its budget: its own context, and what (if anything) ran out. */
export interface BudgetedTurn {
  context: PathContext;
  /** `time` or `cost` once the agent's own budget ended its turn; the request's limits never count. */
  exhausted(): 'time' | 'cost' | undefined;
  dispose(): void;
}

const unlimited = (context: PathContext): BudgetedTurn => ({
  context,
  exhausted: () => undefined,
  dispose: () => undefined,
});

/**
 * Narrows a request's context to one agent's budget: a deadline of its own inside the request's,
 * and a cost ceiling that refuses the agent's next model call (`budget_exceeded`) once its calls
 * have spent `maxCostUsd`. The request's own deadline and cap still apply.
 */
export function enterAgentBudget(
  context: PathContext,
  budget: AgentBudget | undefined,
): BudgetedTurn {
  if (budget?.maxMs === undefined && budget?.maxCostUsd === undefined) return unlimited(context);
  const deadline =
    budget.maxMs === undefined
      ? undefined
      : createDeadline(context.clock, budget.maxMs, context.signal);
  const { maxCostUsd } = budget;
  const startSpentUsd = context.spentUsd();
  let overCost = false;
  const call: ModelCaller =
    maxCostUsd === undefined
      ? context.call
      : (request, options) => {
          const spentUsd = context.spentUsd() - startSpentUsd;
          if (spentUsd < maxCostUsd) return context.call(request, options);
          overCost = true;
          return Promise.resolve(costRefusal(request.model, spentUsd, maxCostUsd));
        };
  return {
    context: { ...context, call, signal: deadline?.signal ?? context.signal },
    exhausted: () => {
      if (overCost) return 'cost';
      return deadline?.signal.aborted && !context.signal.aborted ? 'time' : undefined;
    },
    dispose: () => deadline?.dispose(),
  };
}

function costRefusal(model: string, spentUsd: number, maxCostUsd: number): ModelOutcome {
  return {
    state: 'error',
    model,
    latencyMs: 0,
    error: {
      code: 'budget_exceeded',
      message: `The agent's cost budget of $${maxCostUsd} is spent ($${spentUsd.toFixed(5)})`,
      isNetwork: false,
      isAbort: false,
    },
  };
}
