import type { PlannedRun } from './plan-run.js';

/*
 * Metrics as agno 2.9 serialises them: `RunMetrics`/`MessageMetrics.to_dict()` drop None and
 * integer zeros (libs/agno/agno/metrics.py). Times are seconds, as floats.
 */

/** Every model of the mock is an OpenAI model; Agno's `OpenAIChat.provider`. */
export const MODEL_PROVIDER = 'OpenAI';

const seconds = (ms: number) => ms / 1000;

/** Drops the keys Agno's metrics serialisers leave out: None and integer zeros. */
function compact(fields: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== 0) out[key] = value;
  }
  return out;
}

/** Token counts of one model call or of the whole run. */
export function tokenFields(inputTokens: number, outputTokens: number) {
  return compact({
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
  });
}

/**
 * `RunMetrics.to_dict()`: summed tokens, `time_to_first_token` (run start to the first model
 * chunk, or to the first response when not streaming), `duration`, and the per-model breakdown.
 */
export function runMetrics(plan: PlannedRun, ttftMs: number) {
  const tokens = tokenFields(plan.inputTokens, plan.outputTokens);
  return {
    ...tokens,
    time_to_first_token: seconds(ttftMs),
    duration: seconds(plan.durationMs),
    details: { model: [{ ...tokens, id: plan.agent.model, provider: MODEL_PROVIDER }] },
  };
}
