import type { RequestRecord } from '../../harness/metrics/request-record.js';
import type { Mode, PathName } from '../../src/index.js';

/** A plausible record for tests; override what the test is about. */
export function fakeRecord(
  over: Partial<RequestRecord> & { mode?: Mode; expectedPath?: PathName } = {},
): RequestRecord {
  return {
    id: 'faq#0',
    scenarioId: 'faq',
    repetition: 0,
    mode: 'hybrid',
    expectedPath: 'simple',
    pathSource: 'label',
    routedPath: 'simple',
    routeReason: 'default',
    servedBy: 'simple',
    degradedFrom: [],
    state: 'ok',
    success: true,
    outcome: 'resolved',
    assertions: [{ name: 'outcome resolved', pass: true }],
    startedAt: '2026-11-25T09:00:00.000Z',
    latencyMs: 1000,
    ttftMs: 400,
    costUsd: 0.001,
    inputTokens: 500,
    outputTokens: 100,
    calls: [
      {
        agent: 'a',
        model: 'gpt-4o-mini',
        state: 'ok',
        inputTokens: 500,
        outputTokens: 100,
        offsetMs: 0,
        latencyMs: 1000,
        costUsd: 0.001,
      },
    ],
    attempts: [
      {
        tier: 'simple',
        model: 'gpt-4o-mini',
        kind: 'first',
        state: 'ok',
        latencyMs: 1000,
        costUsd: 0.001,
        cached: false,
      },
    ],
    reliability: {
      attempts: 1,
      retries: 0,
      fallbacks: 0,
      hedges: 0,
      failedAttempts: 0,
      cachedCalls: 0,
      extraCalls: 0,
      extraCostUsd: 0,
      extraLatencyMs: 0,
      successCostUsd: 0.001,
      rescued: false,
    },
    toolsCalled: [],
    agents: ['a'],
    handoffs: [],
    text: 'Standard shipping takes 3-5 business days.',
    ...over,
  };
}
