import type { IService } from 'kubernetes-models/v1/Service';
import { objectNames, PORT_NAME, type Track } from './deploy-names.js';
import type { DeployPlan } from './deploy-plan.js';
import { objectLabels, selectorLabels } from './render-deployment.js';

/**
 * The ClusterIP Service in front of the pods. In blue-green it selects `liveTrack` only, and
 * switching is a patch of that one selector label.
 */
export function serviceManifest(plan: DeployPlan, liveTrack?: Track): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: objectNames(plan.name).service, labels: objectLabels(plan) },
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(plan, liveTrack),
      ports: [{ name: PORT_NAME, port: plan.port, targetPort: PORT_NAME, protocol: 'TCP' }],
    },
  };
}
