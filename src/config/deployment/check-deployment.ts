import type { DraftIssue, Locator } from '../yaml/index.js';
import { recordAt, valueAt } from '../yaml/index.js';
import { checkCapacity } from './check-capacity.js';
import { checkMonitoring } from './check-monitoring.js';
import { checkRateLimits } from './check-rate-limits.js';
import { checkServices } from './check-services.js';
import { checkTesting } from './check-testing.js';
import { duplicateNames } from './duplicate-names.js';

const NAMED_LISTS = [
  ['spec', 'integrations', 'externalServices'],
  ['spec', 'security', 'rateLimiting', 'rules'],
  ['spec', 'monitoring', 'alerts'],
  ['testing', 'experiments'],
] as const;

/**
 * Rules across fields that a schema cannot express: min ≤ max, names that refer to each other,
 * shares that add up. They run on the raw data even when the schema fails, so a file's
 * problems all show up in one pass.
 */
export function checkDeployment(data: Record<string, unknown>, locate: Locator): DraftIssue[] {
  const spec = recordAt(data, 'spec');
  const duplicates = NAMED_LISTS.flatMap((at) => duplicateNames(valueAt(data, at), at, locate));
  return [
    ...duplicates,
    ...checkCapacity(spec),
    ...checkServices(spec),
    ...checkRateLimits(spec, locate),
    ...checkMonitoring(spec),
    ...checkTesting(data),
  ];
}
