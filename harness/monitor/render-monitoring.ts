import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deployment } from '../../src/index.js';
import { alertRules } from './alert-rules.js';
import { renderDashboard } from './dashboard.js';
import { jsonText } from './json-text.js';
import { metricNamesIn } from './metric-names.js';
import { rulesYaml, ruleTestsYaml } from './rules-yaml.js';

/** The files `bench monitor render` writes, by role. */
export const MONITORING_FILES = {
  rules: 'alerts.rules.yaml',
  ruleTests: 'alerts.test.yaml',
  dashboard: 'dashboard.json',
} as const;

export interface MonitoringFile {
  name: string;
  text: string;
}

/** A PromQL expression of the rendered files, and where it is. */
export interface MonitoringExpression {
  where: string;
  expr: string;
}

export interface RenderedMonitoring {
  files: MonitoringFile[];
  /** Every PromQL expression in the rules and the dashboard. */
  expressions: MonitoringExpression[];
  /** Every metric name those expressions read, sorted. */
  metricNames: string[];
  /** Alerts left out or adjusted, and alerts that can never fire, each with the reason. */
  notes: string[];
  counts: { rules: number; ruleTests: number; panels: number };
}

/**
 * The monitoring artefacts of a deployment: Prometheus alerting rules from
 * `spec.monitoring.alerts`, promtool unit tests of those rules, and a Grafana dashboard.
 *
 * @example
 * const { deployment } = await loadDeployment('config/agent-deployment.yaml');
 * const { files, notes } = renderMonitoring(deployment);
 */
export function renderMonitoring(deployment: Deployment): RenderedMonitoring {
  const rules = alertRules(deployment);
  const { dashboard, panelCount, expressions: panelExpressions } = renderDashboard(deployment);
  const expressions = [
    ...rules.rules.map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr })),
    ...panelExpressions,
  ];
  const metricNames = [...new Set(expressions.flatMap((e) => metricNamesIn(e.expr)))].sort();
  return {
    files: [
      { name: MONITORING_FILES.rules, text: rulesYaml(deployment, rules) },
      {
        name: MONITORING_FILES.ruleTests,
        text: ruleTestsYaml(deployment, rules, MONITORING_FILES.rules),
      },
      { name: MONITORING_FILES.dashboard, text: jsonText(dashboard) },
    ],
    expressions,
    metricNames,
    notes: rules.notes,
    counts: {
      rules: rules.rules.length,
      ruleTests: rules.rules.reduce((n, r) => n + (r.firing ? 1 : 0) + (r.quiet ? 1 : 0), 0),
      panels: panelCount,
    },
  };
}

/** Writes `files` into `dir` (created if missing), each through a temporary file and a rename. */
export async function writeMonitoringFiles(
  dir: string,
  files: readonly MonitoringFile[],
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const target = join(dir, file.name);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, file.text);
    await rename(temporary, target);
    written.push(target);
  }
  return written;
}
