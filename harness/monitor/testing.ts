import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { type Deployment, parseDeployment } from '../../src/index.js';

/** The committed example deployment. */
export const EXAMPLE_DEPLOYMENT = fileURLToPath(
  new URL('../../config/agent-deployment.yaml', import.meta.url),
);

/** The example deployment's YAML with `spec.monitoring.alerts` replaced by `alerts`. */
export function deploymentYamlWithAlerts(alerts: readonly Record<string, unknown>[]): string {
  const doc = parse(readFileSync(EXAMPLE_DEPLOYMENT, 'utf8')) as {
    spec: { monitoring: { alerts: unknown } };
  };
  doc.spec.monitoring.alerts = alerts;
  return stringify(doc);
}

/** The example deployment with `spec.monitoring.alerts` replaced by `alerts`, validated. */
export function deploymentWithAlerts(alerts: readonly Record<string, unknown>[]): Deployment {
  const result = parseDeployment(deploymentYamlWithAlerts(alerts), 'test.yaml', { env: {} });
  if (result.state !== 'ok') {
    throw new Error(`test deployment invalid: ${JSON.stringify(result.issues)}`);
  }
  return result.loaded.deployment;
}

/**
 * One alert of each kind and the edge cases of thresholds: every rule the renderer can write
 * (cost on all paths and on one), and each note it can make (breaker by path, alerts that can
 * never fire).
 */
export const ALERTS_OF_EVERY_KIND: readonly Record<string, unknown>[] = [
  { name: 'latency-all', metric: 'latency_p95_ms', threshold: 2500, for: '10m' },
  { name: 'latency-simple-zero', metric: 'latency_p95_ms', path: 'simple', threshold: 0 },
  { name: 'latency-full-beyond', metric: 'latency_p95_ms', path: 'full', threshold: 90000 },
  { name: 'latency-full-slow', metric: 'latency_p95_ms', path: 'full', threshold: 75000 },
  {
    name: 'errors-complex',
    metric: 'error_rate',
    path: 'complex',
    threshold: 0.1,
    severity: 'critical',
  },
  { name: 'errors-never', metric: 'error_rate', threshold: 1 },
  { name: 'success-all', metric: 'success_rate', threshold: 0.9, for: '1h30m' },
  { name: 'success-full', metric: 'success_rate', path: 'full', threshold: 0.005 },
  { name: 'success-never', metric: 'success_rate', threshold: 0, severity: 'info' },
  { name: 'cost-all', metric: 'cost_per_request_usd', threshold: 0.0125, for: '15m' },
  { name: 'cost-zero', metric: 'cost_per_request_usd', threshold: 0 },
  { name: 'cost-simple', metric: 'cost_per_request_usd', path: 'simple', threshold: 0.007 },
  { name: 'breakers-two', metric: 'breaker_open', path: 'simple', threshold: 1, for: '1m' },
];
