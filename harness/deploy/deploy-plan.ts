import { parseQuantity } from '../../src/config/deployment/index.js';
import type { LoadedDeployment } from '../../src/index.js';
import {
  API_KEYS_ENV,
  COMPONENT_LABEL,
  METRICS_PATH,
  NAME_LABEL,
  PART_OF_LABEL,
  REDIS_URL_ENV,
  RPS_METRIC,
} from './deploy-names.js';
import { serveArgs, servedService } from './serve-args.js';

/** One value the pod reads from the Secret, and what it is for (the example's comment). */
export interface SecretEntry {
  key: string;
  purpose: string;
}

/** Everything the artefacts say, taken from one loaded deployment. */
export interface DeployPlan {
  name: string;
  /** The config file as named on the command line, for the headers. */
  configFile: string;
  /** Its text, as the ConfigMap carries it. */
  configText: string;
  revision: string;
  environment: string;
  image: string;
  port: number;
  /** The config's labels and the render's own, on every object. */
  labels: Record<string, string>;
  replicas: number;
  maxReplicas: number;
  cpuTargetPercent: number;
  requestsPerSecondTarget?: number;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  /** After `bench`: the Dockerfile's CMD and the Deployment's `args`. */
  serveArgs: string[];
  secretEntries: SecretEntry[];
  /** `HB__` overrides the render applied, carried into the pod so it loads the same config. */
  overrides: Array<{ name: string; value: string }>;
  /** V8's old-space ceiling: three quarters of the memory limit, leaving room for the rest. */
  heapMiB: number;
  /** Prometheus scrape target; absent when the config turns metrics off. */
  scrape?: { path: string };
  /** Things to know before applying, one sentence each. */
  notes: string[];
}

export interface PlanInput {
  loaded: LoadedDeployment;
  configFile: string;
  configText: string;
  image: string;
  port: number;
  /** The environment the deployment was loaded with, for the values of its `HB__` overrides. */
  env: Readonly<Record<string, string | undefined>>;
}

function secretEntries(loaded: LoadedDeployment, needsRedis: boolean): SecretEntry[] {
  const entries: SecretEntry[] = [
    {
      key: API_KEYS_ENV,
      purpose:
        'the API keys of bench serve: name:secret role=user|admin|metrics rps=N burst=N, comma-separated, secrets of 16+ characters; Prometheus needs a role=metrics key',
    },
  ];
  for (const service of loaded.deployment.spec.integrations.externalServices) {
    if (service.apiKeyEnv === undefined) continue;
    if (entries.some((entry) => entry.key === service.apiKeyEnv)) continue;
    entries.push({
      key: service.apiKeyEnv,
      purpose: `the key of external service ${service.name} (${service.kind}, ${service.baseUrl})`,
    });
  }
  if (needsRedis)
    entries.push({
      key: REDIS_URL_ENV,
      purpose:
        'the Redis every replica shares rate limits, breakers, budgets and the cache through (redis://[:password@]host:6379)',
    });
  return entries;
}

function notes(loaded: LoadedDeployment, plan: Omit<DeployPlan, 'notes'>): string[] {
  const { deployment } = loaded;
  const services = deployment.spec.integrations.externalServices;
  const out: string[] = [];
  if (plan.maxReplicas > 1)
    out.push(
      `${plan.maxReplicas === plan.replicas ? `${plan.replicas} replicas` : `${plan.replicas} to ${plan.maxReplicas} replicas`}: the pods read ${REDIS_URL_ENV} from the Secret so they share rate limits, breakers, budgets and the cache; deploy a Redis and set it before applying`,
    );
  const served = servedService(deployment);
  if (served === undefined)
    out.push(
      'spec.integrations.externalServices is empty: the pods serve the mock backend, not a model provider',
    );
  else if (services.length > 1)
    out.push(
      `bench serve calls one backend, the first service (${served.name}); ${services
        .slice(1)
        .map((s) => s.name)
        .join(', ')} ${services.length === 2 ? 'is' : 'are'} declared but not called`,
    );
  const metrics = deployment.spec.monitoring.metrics;
  if (!metrics.enabled)
    out.push(
      'spec.monitoring.metrics.enabled is false: no Prometheus scrape annotations (the server still answers /metrics to a metrics key)',
    );
  else {
    if (metrics.path !== METRICS_PATH)
      out.push(
        `spec.monitoring.metrics.path is ${metrics.path}, but bench serve serves its metrics at ${METRICS_PATH} only: the scrape annotations say ${METRICS_PATH}`,
      );
    out.push(
      `${METRICS_PATH} answers only a bearer key with role metrics or admin: give Prometheus's scrape job such a key from ${API_KEYS_ENV} (authorization credentials)`,
    );
  }
  if (plan.requestsPerSecondTarget !== undefined)
    out.push(
      `the HPA's requests-per-second target is a Pods metric (${RPS_METRIC}): it needs a custom-metrics adapter such as prometheus-adapter; without one only the CPU target acts`,
    );
  for (const { name } of plan.overrides)
    out.push(
      `${name} was applied from the environment: the pods get it too, so they load the same config`,
    );
  return out;
}

/** What to render for a deployment that loaded (and passed `checkDeployable`). */
export function planDeploy(input: PlanInput): DeployPlan {
  const { deployment } = input.loaded;
  const { scaling, resources } = deployment.spec;
  const needsRedis = scaling.minReplicas > 1 || scaling.maxReplicas > 1;
  const memory = parseQuantity(resources.limits.memory) ?? 2 ** 30;
  const plan: Omit<DeployPlan, 'notes'> = {
    name: deployment.metadata.name,
    configFile: input.configFile,
    configText: input.configText,
    revision: input.loaded.revision,
    environment: deployment.metadata.environment,
    image: input.image,
    port: input.port,
    labels: {
      ...deployment.metadata.labels,
      [NAME_LABEL]: deployment.metadata.name,
      [COMPONENT_LABEL]: 'bridge',
      [PART_OF_LABEL]: 'hybrid-bench',
    },
    replicas: scaling.minReplicas,
    maxReplicas: scaling.maxReplicas,
    cpuTargetPercent: scaling.targetCPUUtilizationPercentage,
    ...(scaling.targetRequestsPerSecond === undefined
      ? {}
      : { requestsPerSecondTarget: scaling.targetRequestsPerSecond }),
    resources: {
      requests: { cpu: resources.requests.cpu, memory: resources.requests.memory },
      limits: { cpu: resources.limits.cpu, memory: resources.limits.memory },
    },
    serveArgs: serveArgs(deployment, input.port),
    secretEntries: secretEntries(input.loaded, needsRedis),
    overrides: input.loaded.overrides.map(({ variable }) => ({
      name: variable,
      value: input.env[variable] ?? '',
    })),
    heapMiB: Math.max(64, Math.floor((memory * 0.75) / 2 ** 20)),
    ...(deployment.spec.monitoring.metrics.enabled ? { scrape: { path: METRICS_PATH } } : {}),
  };
  return { ...plan, notes: notes(input.loaded, plan) };
}
