import { formatPath } from '../format-path.js';
import { type BridgeConfig, BridgeConfigSchema } from '../schema.js';
import { deepFreeze } from './deep-freeze.js';
import { CONTROL_ARM } from './defaults.js';
import { DeploymentError, DeploymentErrorCodes } from './errors.js';
import { mergeOverrides } from './merge-overrides.js';
import type { Deployment, Experiment } from './schema.js';
import { unitHash } from './stable-hash.js';

/** Who a request is for; the user id keeps a caller in one arm across requests. */
export interface ArmKeys {
  userId?: string;
  requestId: string;
}

/** `control`, or the name of the experiment the request runs in. */
export interface ArmAssignment {
  arm: string;
}

/** Whether a feature flag is on; a flag the deployment does not mention is off. */
export function isFeatureEnabled(deployment: Deployment, name: string): boolean {
  return (
    Object.hasOwn(deployment.spec.features.flags, name) &&
    deployment.spec.features.flags[name] === true
  );
}

/**
 * The arm of a request, the same every time for the same keys. Experiments are taken in order;
 * each claims a request when the hash of its name and the sticky key falls below its share of
 * the traffic not yet claimed, so experiment i gets percentage_i % overall. A disabled
 * experiment still claims its share but sends it to control, so no other arm moves. A request
 * without a user id is keyed by its request id.
 *
 * @example
 * const { arm } = assignArm(deployment.testing.experiments, { userId: 'u-42', requestId });
 * const config = loaded.arms[arm];
 */
export function assignArm(experiments: readonly Experiment[], keys: ArmKeys): ArmAssignment {
  let unclaimed = 100;
  for (const experiment of experiments) {
    if (unclaimed <= 0) break;
    const key = experiment.sticky === 'userId' ? (keys.userId ?? keys.requestId) : keys.requestId;
    const claims = unitHash(`${experiment.name}\u0000${key}`) < experiment.percentage / unclaimed;
    if (claims) return { arm: experiment.enabled ? experiment.name : CONTROL_ARM };
    unclaimed -= experiment.percentage;
  }
  return { arm: CONTROL_ARM };
}

const cache = new WeakMap<BridgeConfig, WeakMap<Experiment, BridgeConfig>>();

/**
 * The runtime config of an experiment's arm: its overrides deep-merged over `bridgeConfig`
 * (lists replace, `null` restores a default) and validated again. Computed once per config
 * snapshot and experiment, then served from a cache, so calling it per request is cheap.
 *
 * @throws DeploymentError (HB_DEPLOYMENT_EXPERIMENT_INVALID) naming the experiment and each
 * problem's path.
 */
export function configForArm(
  bridgeConfig: BridgeConfig,
  experiment: Experiment | undefined,
): BridgeConfig {
  if (experiment === undefined) return bridgeConfig;
  let arms = cache.get(bridgeConfig);
  const cached = arms?.get(experiment);
  if (cached !== undefined) return cached;
  const parsed = BridgeConfigSchema.safeParse(mergeOverrides(bridgeConfig, experiment.overrides));
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${formatPath(i.path) || '(root)'}: ${i.message}`,
    );
    const count = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
    const message = `Experiment "${experiment.name}": its overrides make an invalid runtime config (${count}):\n${lines.join('\n')}`;
    throw new DeploymentError(
      DeploymentErrorCodes.experimentInvalid,
      `experiment ${experiment.name}`,
      message,
    );
  }
  const config = Object.isFrozen(bridgeConfig) ? deepFreeze(parsed.data) : parsed.data;
  if (arms === undefined) {
    arms = new WeakMap();
    cache.set(bridgeConfig, arms);
  }
  arms.set(experiment, config);
  return config;
}
