import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IMetricSpec } from 'kubernetes-models/autoscaling/v2/MetricSpec';
import { objectNames, RPS_METRIC, type Track } from './deploy-names.js';
import type { DeployPlan } from './deploy-plan.js';
import { objectLabels } from './render-deployment.js';

/** A Kubernetes quantity for a rate: whole numbers as they are, fractions in thousandths. */
export function rateQuantity(rate: number): string {
  return Number.isInteger(rate) ? String(rate) : `${Math.round(rate * 1000)}m`;
}

function metrics(plan: DeployPlan): IMetricSpec[] {
  const cpu: IMetricSpec = {
    type: 'Resource',
    resource: {
      name: 'cpu',
      target: { type: 'Utilization', averageUtilization: plan.cpuTargetPercent },
    },
  };
  if (plan.requestsPerSecondTarget === undefined) return [cpu];
  return [
    cpu,
    {
      type: 'Pods',
      pods: {
        metric: { name: RPS_METRIC },
        target: { type: 'AverageValue', averageValue: rateQuantity(plan.requestsPerSecondTarget) },
      },
    },
  ];
}

/** autoscaling/v2 from `spec.scaling`: replicas between min and max on CPU (and request rate). */
export function hpaManifest(plan: DeployPlan, track?: Track): IHorizontalPodAutoscaler {
  const names = objectNames(plan.name, track);
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: names.hpa, labels: objectLabels(plan, track) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: names.deployment },
      minReplicas: plan.replicas,
      maxReplicas: plan.maxReplicas,
      metrics: metrics(plan),
    },
  };
}

/** What the HPA file's header says about the request-rate metric, when there is one. */
export function rpsMetricComment(plan: DeployPlan): string[] {
  if (plan.requestsPerSecondTarget === undefined) return [];
  return [
    `The ${RPS_METRIC} target (spec.scaling.targetRequestsPerSecond) is a Pods metric: it needs a`,
    'custom-metrics adapter serving custom.metrics.k8s.io, e.g. prometheus-adapter with a rule like',
    '  - seriesQuery: hybrid_requests_total{namespace!="",pod!=""}',
    '    resources: { overrides: { namespace: { resource: namespace }, pod: { resource: pod } } }',
    `    name: { matches: "^hybrid_requests_total$", as: "${RPS_METRIC}" }`,
    '    metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)',
    'Without an adapter the HPA reports the metric as unavailable and scales on CPU alone.',
  ];
}
