import { PATH_NAMES, type PathName } from './path.js';
import type { RouteInput, Router } from './router.js';

export interface LabelledRequest extends RouteInput {
  id: string;
  expectedPath: PathName;
}

export interface RoutingAccuracy {
  total: number;
  correct: number;
  accuracy: number;
  /** confusion[expected][routed] = count. */
  confusion: Record<PathName, Record<PathName, number>>;
  misses: Array<{ id: string; expected: PathName; routed: PathName; rule?: string }>;
}

/** How often the router picks the labelled path, with a confusion matrix and the misses. */
export function measureRoutingAccuracy(
  router: Router,
  requests: readonly LabelledRequest[],
): RoutingAccuracy {
  const row = () => Object.fromEntries(PATH_NAMES.map((p) => [p, 0])) as Record<PathName, number>;
  const confusion = Object.fromEntries(
    PATH_NAMES.map((p) => [p, row()]),
  ) as RoutingAccuracy['confusion'];
  const misses: RoutingAccuracy['misses'] = [];
  for (const request of requests) {
    // Accuracy is about the rules: an explicit override would score itself.
    const decision = router({ messages: request.messages });
    confusion[request.expectedPath][decision.path] += 1;
    if (decision.path !== request.expectedPath) {
      misses.push({
        id: request.id,
        expected: request.expectedPath,
        routed: decision.path,
        ...(decision.rule === undefined ? {} : { rule: decision.rule }),
      });
    }
  }
  const total = requests.length;
  const correct = total - misses.length;
  return { total, correct, accuracy: total === 0 ? 0 : correct / total, confusion, misses };
}
