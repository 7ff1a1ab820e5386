/** Values a deployment file may leave out; applied once, by the schema. */
export const DEPLOYMENT_DEFAULTS = {
  /** One replica and no autoscaling until asked for. */
  scaling: { minReplicas: 1, maxReplicas: 1, targetCPUUtilizationPercentage: 70 },
  /** Enough for the bridge's Node process with a modest response cache. */
  resources: {
    requests: { cpu: '250m', memory: '512Mi' },
    limits: { cpu: '1', memory: '1Gi' },
  },
  metricsPath: '/metrics',
  tracingSampleRatio: 1,
  logLevel: 'info',
  /** How long an alert condition must hold before it fires (Prometheus `for`). */
  alertFor: '5m',
  alertSeverity: 'warning',
  /** Per-call ceiling of a backend; the path's attempt timeout usually ends a call first. */
  serviceTimeoutMs: 30_000,
  experimentSticky: 'userId',
} as const;

/** The arm of every request that is in no experiment. */
export const CONTROL_ARM = 'control';

/** The API version and kind a deployment file declares. */
export const DEPLOYMENT_API_VERSION = 'hybrid-bench/v1';
export const DEPLOYMENT_KIND = 'AgentDeployment';
