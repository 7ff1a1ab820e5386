import type { Provider } from '../../src/index.js';
import { scenarioIdOf } from '../runner/plan.js';

/** The request header that carries a call's traffic class (its scenario's labelled path). */
export const PATH_LABEL_HEADER = 'x-bench-path';

/** The request header that carries the id of the suite request a call serves. */
export const SCENARIO_LABEL_HEADER = 'x-bench-scenario';

/** What a model call is labelled with: the suite request it serves, and that request's path. */
export interface CallLabels {
  /** The request's labelled path (`simple`, `complex`, `full`). */
  path: string;
  /** The request's id in the suite (`tech-agent-failure`), without the repetition. */
  scenario: string;
}

/**
 * Tags every model call with the suite request it serves and that request's labelled path, so a
 * mock backend can apply faults scoped to a path or a scenario. The labels are the suite's, not
 * the router's: agno-only and hybrid calls for the same request carry the same labels and meet
 * the same faults (unless a rule also names an agent).
 */
export function labelCalls(
  provider: Provider,
  labelsOf: (requestId: string) => CallLabels | undefined,
): Provider {
  return {
    id: provider.id,
    // Who retries is the wrapped provider's call: the pipeline must not add its own on top.
    ...(provider.retryOwner === undefined ? {} : { retryOwner: provider.retryOwner }),
    complete(request, options = {}) {
      const labels = options.requestId === undefined ? undefined : labelsOf(options.requestId);
      if (labels === undefined) return provider.complete(request, options);
      return provider.complete(request, {
        ...options,
        headers: {
          ...options.headers,
          [PATH_LABEL_HEADER]: labels.path,
          [SCENARIO_LABEL_HEADER]: labels.scenario,
        },
      });
    },
  };
}

/**
 * The labels of a suite's calls, looked up by the job's request id (`<request id>#<repetition>`,
 * see `scenarioIdOf`); an id the suite does not have gets none.
 */
export function suiteCallLabels(
  requests: readonly { id: string; expect: { path: string } }[],
): (requestId: string) => CallLabels | undefined {
  const pathOf = new Map(requests.map((r) => [r.id, r.expect.path]));
  return (requestId) => {
    const scenario = scenarioIdOf(requestId);
    const path = pathOf.get(scenario);
    return path === undefined ? undefined : { path, scenario };
  };
}
