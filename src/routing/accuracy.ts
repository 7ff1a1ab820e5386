import { PATH_NAMES, type PathName } from './path.js';
import type { RouteInput, Router } from './router.js';

export interface LabelledRequest extends RouteInput {
  id: string;
  expectedPath: PathName;
}

/** One routing decision against its label. */
export interface RoutedLabel {
  id: string;
  expected: PathName;
  routed: PathName;
  rule?: string;
}

export interface RoutingAccuracy {
  total: number;
  correct: number;
  accuracy: number;
  /** confusion[expected][routed] = count. */
  confusion: Record<PathName, Record<PathName, number>>;
  misses: RoutedLabel[];
}

/** Scores routing decisions against their labels: accuracy, a confusion matrix and the misses. */
export function scoreRouting(decisions: readonly RoutedLabel[]): RoutingAccuracy {
  const row = () => Object.fromEntries(PATH_NAMES.map((p) => [p, 0])) as Record<PathName, number>;
  const confusion = Object.fromEntries(
    PATH_NAMES.map((p) => [p, row()]),
  ) as RoutingAccuracy['confusion'];
  const misses = decisions.filter((d) => d.routed !== d.expected);
  for (const d of decisions) confusion[d.expected][d.routed] += 1;
  const total = decisions.length;
  const correct = total - misses.length;
  return {
    total,
    correct,
    accuracy: total === 0 ? 0 : correct / total,
    confusion,
    misses: [...misses],
  };
}

/** How often the router picks the labelled path of each request. */
export function measureRoutingAccuracy(
  router: Router,
  requests: readonly LabelledRequest[],
): RoutingAccuracy {
  return scoreRouting(
    requests.map((request) => {
      // Accuracy is about the rules: an explicit override would score itself.
      const decision = router({ messages: request.messages });
      return {
        id: request.id,
        expected: request.expectedPath,
        routed: decision.path,
        ...(decision.rule === undefined ? {} : { rule: decision.rule }),
      };
    }),
  );
}
