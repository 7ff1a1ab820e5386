import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import {
  APP_UID,
  CONFIG_DIR,
  CONFIG_KEY,
  CONTAINER_NAME,
  LIVE_PATH,
  NAME_LABEL,
  objectNames,
  PORT_NAME,
  PRE_STOP_SECONDS,
  READY_PATH,
  REVISION_ANNOTATION,
  TERMINATION_GRACE_SECONDS,
  TRACK_LABEL,
  type Track,
} from './deploy-names.js';
import type { DeployPlan } from './deploy-plan.js';

/** The labels that pick this deployment's pods (and one track's, in blue-green). */
export function selectorLabels(plan: DeployPlan, track?: Track): Record<string, string> {
  return {
    [NAME_LABEL]: plan.name,
    ...(track === undefined ? {} : { [TRACK_LABEL]: track }),
  };
}

export function objectLabels(plan: DeployPlan, track?: Track): Record<string, string> {
  return { ...plan.labels, ...selectorLabels(plan, track) };
}

function probe(path: string, timing: Omit<IProbe, 'httpGet'>): IProbe {
  return { httpGet: { path, port: PORT_NAME }, timeoutSeconds: 2, ...timing };
}

function env(plan: DeployPlan): IEnvVar[] {
  const { secret } = objectNames(plan.name);
  return [
    ...plan.secretEntries.map(({ key }) => ({
      name: key,
      valueFrom: { secretKeyRef: { name: secret, key } },
    })),
    { name: 'NODE_OPTIONS', value: `--max-old-space-size=${plan.heapMiB}` },
    ...plan.overrides.map(({ name, value }) => ({ name, value })),
  ];
}

function container(plan: DeployPlan): IContainer {
  return {
    name: CONTAINER_NAME,
    image: plan.image,
    imagePullPolicy: 'IfNotPresent',
    args: [...plan.serveArgs],
    ports: [{ name: PORT_NAME, containerPort: plan.port, protocol: 'TCP' }],
    env: env(plan),
    resources: {
      requests: { ...plan.resources.requests },
      limits: { ...plan.resources.limits },
    },
    // The first start compiles the TypeScript: up to a minute before liveness takes over.
    startupProbe: probe(LIVE_PATH, { periodSeconds: 2, failureThreshold: 30 }),
    livenessProbe: probe(LIVE_PATH, { periodSeconds: 10, failureThreshold: 3 }),
    readinessProbe: probe(READY_PATH, { periodSeconds: 5, failureThreshold: 2 }),
    // Stay up while the endpoints controller and kube-proxy stop routing here; SIGTERM then drains.
    lifecycle: { preStop: { exec: { command: ['sleep', String(PRE_STOP_SECONDS)] } } },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    },
    volumeMounts: [
      { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
      // tsx caches what it compiles under the temporary directory.
      { name: 'tmp', mountPath: '/tmp' },
    ],
  };
}

function annotations(plan: DeployPlan): Record<string, string> {
  return {
    [REVISION_ANNOTATION]: plan.revision,
    ...(plan.scrape === undefined
      ? {}
      : {
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': String(plan.port),
          'prometheus.io/path': plan.scrape.path,
        }),
  };
}

/**
 * The Deployment running `bench serve` for the plan: one per deployment, or one per track in
 * blue-green (`<name>-blue`, `<name>-green`, each with its own ConfigMap).
 */
export function deploymentManifest(plan: DeployPlan, track?: Track): IDeployment {
  const names = objectNames(plan.name, track);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: names.deployment, labels: objectLabels(plan, track) },
    spec: {
      replicas: plan.replicas,
      selector: { matchLabels: selectorLabels(plan, track) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: objectLabels(plan, track), annotations: annotations(plan) },
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: APP_UID,
            runAsGroup: APP_UID,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [container(plan)],
          volumes: [
            {
              name: 'config',
              configMap: { name: names.configMap, items: [{ key: CONFIG_KEY, path: CONFIG_KEY }] },
            },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      },
    },
  };
}
