import type { ISecret } from 'kubernetes-models/v1/Secret';
import { objectNames } from './deploy-names.js';
import type { DeployPlan } from './deploy-plan.js';
import { objectLabels } from './render-deployment.js';

/**
 * What an unfilled value says. Deliberately not a usable value: left as is, HB_API_KEYS fails
 * `bench serve`'s key check, so the pod stops at start instead of serving with a known key.
 */
export const PLACEHOLDER = 'REPLACE_ME';

/** The Secret the pods read, with every key they need and placeholders only. */
export function secretManifest(plan: DeployPlan): ISecret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: objectNames(plan.name).secret, labels: objectLabels(plan) },
    type: 'Opaque',
    stringData: Object.fromEntries(plan.secretEntries.map(({ key }) => [key, PLACEHOLDER])),
  };
}

/** The same Secret made in one command, values left for the reader to fill in. */
export function createSecretCommand(plan: DeployPlan): string {
  const literals = plan.secretEntries.map(({ key }) => `--from-literal=${key}="$${key}"`);
  return `kubectl create secret generic ${objectNames(plan.name).secret} ${literals.join(' ')}`;
}
