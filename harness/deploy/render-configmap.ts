import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { CONFIG_KEY, objectNames, type Track } from './deploy-names.js';
import type { DeployPlan } from './deploy-plan.js';
import { objectLabels } from './render-deployment.js';

/** The deployment config itself, byte for byte, as the file the pod mounts and serves with. */
export function configMapManifest(plan: DeployPlan, track?: Track): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: objectNames(plan.name, track).configMap, labels: objectLabels(plan, track) },
    data: { [CONFIG_KEY]: plan.configText },
  };
}
