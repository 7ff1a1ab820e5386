import type { Provider } from '../../src/index.js';

/** The request header that carries a call's traffic class (its scenario's labelled path). */
export const PATH_LABEL_HEADER = 'x-bench-path';

/**
 * Tags every model call with the labelled path of the scenario it serves, so a mock backend
 * can apply path-scoped faults. The label is the suite's, not the router's: agno-only and
 * hybrid calls for the same scenario carry the same label and meet the same faults.
 */
export function labelCalls(
  provider: Provider,
  labelOf: (requestId: string) => string | undefined,
): Provider {
  return {
    id: provider.id,
    complete(request, options = {}) {
      const label = options.requestId === undefined ? undefined : labelOf(options.requestId);
      if (label === undefined) return provider.complete(request, options);
      return provider.complete(request, {
        ...options,
        headers: { ...options.headers, [PATH_LABEL_HEADER]: label },
      });
    },
  };
}
