import { type BridgeConfig, BridgeConfigSchema } from '../schema.js';
import type { DraftIssue } from '../yaml/index.js';
import { describeIssue, isRecord, recordsOf, valueAt } from '../yaml/index.js';
import { mergeOverrides } from './merge-overrides.js';

/** Every model some external service serves; undefined when none is declared. */
function servedModels(data: Record<string, unknown>): Set<string> | undefined {
  const services = recordsOf(valueAt(data, ['spec', 'integrations', 'externalServices']));
  if (services.length === 0) return undefined;
  const models = services.flatMap(([s]) => (Array.isArray(s.models) ? s.models : []));
  return new Set(models.filter((m): m is string => typeof m === 'string'));
}

/** A path model an experiment sets must have a backend, like the deployment's own. */
function unservedModels(
  overrides: Record<string, unknown>,
  served: ReadonlySet<string>,
  prefix: PropertyKey[],
): DraftIssue[] {
  return (['simple', 'complex'] as const).flatMap((path): DraftIssue[] => {
    const model = valueAt(overrides, ['paths', path, 'model']);
    if (typeof model !== 'string' || served.has(model)) return [];
    return [
      {
        path: [...prefix, 'paths', path, 'model'],
        anchor: 'value',
        message: `"${model}" is served by no external service`,
        fix: 'add it to the models of a service in spec.integrations.externalServices',
      },
    ];
  });
}

/**
 * Each experiment's overrides merged over the runtime config, validated as its arm will be,
 * so a bad override fails the load (at its line) rather than the first request in its arm.
 * `base` is the deployment's runtime config, or the defaults when that is itself invalid.
 */
export function checkOverrides(data: Record<string, unknown>, base: BridgeConfig): DraftIssue[] {
  const served = servedModels(data);
  return recordsOf(valueAt(data, ['testing', 'experiments'])).flatMap(([experiment, index]) => {
    if (!isRecord(experiment.overrides)) return [];
    const prefix = ['testing', 'experiments', index, 'overrides'];
    const merged = mergeOverrides(base, experiment.overrides);
    const parsed = BridgeConfigSchema.safeParse(merged);
    const drafts = parsed.success
      ? []
      : parsed.error.issues
          .flatMap((issue) => describeIssue(issue, merged, BridgeConfigSchema))
          .map((draft) => ({ ...draft, path: [...prefix, ...draft.path] }));
    if (served !== undefined) drafts.push(...unservedModels(experiment.overrides, served, prefix));
    return drafts;
  });
}
