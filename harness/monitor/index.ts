export type { Alert, AlertRule, AlertRules, InputSeries, RuleFixture } from './alert-rules.js';
export { alertName, alertRules } from './alert-rules.js';
export {
  ANSWERED_OUTCOMES,
  BREAKER_OPEN,
  HYBRID_MODE,
  METRIC,
  PATH_LABEL,
  RULE_RATE_WINDOW,
} from './bridge-metrics.js';
export type { DashboardExpression, RenderedDashboard } from './dashboard.js';
export { DASHBOARD_SCHEMA_VERSION, renderDashboard } from './dashboard.js';
export { jsonText } from './json-text.js';
export type { UnknownMetric } from './metric-names.js';
export { exportedFamilies, familyOf, metricNamesIn, unknownMetrics } from './metric-names.js';
export type {
  MonitoringExpression,
  MonitoringFile,
  RenderedMonitoring,
} from './render-monitoring.js';
export { MONITORING_FILES, renderMonitoring, writeMonitoringFiles } from './render-monitoring.js';
export { rulesYaml, ruleTestsYaml } from './rules-yaml.js';
