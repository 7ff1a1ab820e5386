import type { PriceTable } from '../cost/price-table.js';
import type { Middleware } from './request-scope.js';

/**
 * Innermost middleware: times each real backend call in a `model_call` span, prices it, adds it
 * to the request's spend and attempt list, and reports it. Every attempt is metered, failed ones
 * included (a stream cut after 500 tokens was still billed for them when usage came back).
 */
export function withMeter(prices: PriceTable, providerId: string): Middleware {
  return (next) => async (request, options) => {
    const { scope } = options;
    const outcome = await scope.telemetry.span(
      'model_call',
      { provider: providerId, model: request.model, tier: scope.tier },
      () => next(request, options),
    );
    const ok = outcome.state === 'ok';
    const usage = ok ? outcome.response.usage : { inputTokens: 0, outputTokens: 0 };
    const answered = ok ? outcome.response.model : request.model;
    const pricedModel = prices.has(answered) ? answered : request.model;
    const costUsd = prices.costOf(pricedModel, usage).totalUsd;
    const latencyMs = ok ? outcome.response.latencyMs : outcome.latencyMs;
    scope.spentUsd += costUsd;
    scope.attempts.push({
      tier: scope.tier,
      provider: providerId,
      model: request.model,
      kind: options.attemptKind ?? 'first',
      state: outcome.state,
      ...(outcome.state === 'error' ? { code: outcome.error.code } : {}),
      usage,
      costUsd,
      latencyMs,
      cached: false,
    });
    scope.telemetry.modelCallEnded({
      provider: providerId,
      model: request.model,
      outcome: ok ? 'ok' : outcome.error.code,
      latencyMs,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      costUsd,
      cached: false,
    });
    return outcome;
  };
}
