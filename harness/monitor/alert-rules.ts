import type { Deployment } from '../../src/index.js';
import { REQUEST_BUCKETS_S } from '../../src/telemetry/index.js';
import {
  ANSWERED_OUTCOMES,
  BREAKER_OPEN,
  HYBRID_MODE,
  METRIC,
  PATH_LABEL,
  RULE_RATE_WINDOW,
} from './bridge-metrics.js';
import { durationMs } from './durations.js';
import { formatPercent, promqlNumber } from './format-number.js';

export type Alert = Deployment['spec']['monitoring']['alerts'][number];

/** One input series of a promtool unit test: `series` in PromQL notation, `values` expanding. */
export interface InputSeries {
  series: string;
  values: string;
}

/** Inputs for a rule's promtool unit test, and what the alert then reports. */
export interface RuleFixture {
  series: InputSeries[];
  /** How the rule's annotations show `$value` on these inputs; absent: it must not fire. */
  shownValue?: string;
}

export interface AlertRule {
  /** The deployment's alert this rule comes from. */
  source: Alert;
  /** The Prometheus alert name: the deployment alert's name in CamelCase. */
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  /** The annotations, with `value` standing where the alert shows its current value. */
  annotations(value: string): { summary: string; description: string };
  /** Inputs that make it fire; absent when no input can (a note says why). */
  firing?: RuleFixture;
  /** Inputs on which it stays silent; absent when there are none worth testing. */
  quiet?: RuleFixture;
}

export interface AlertRules {
  group: string;
  rules: AlertRule[];
  /** Alerts left out or changed, and alerts that can never fire, each with the reason. */
  notes: string[];
}

/** `simple-latency-sla` → `SimpleLatencySla`. */
export function alertName(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `{served_by="simple",outcome!~"ok|degraded"}`, or `` when there is nothing to match. */
function matchers(pairs: readonly (readonly [string, string, string])[]): string {
  if (pairs.length === 0) return '';
  return `{${pairs.map(([name, op, value]) => `${name}${op}${JSON.stringify(value)}`).join(',')}}`;
}

function pathMatcher(alert: Alert): [string, string, string][] {
  return alert.path === undefined ? [] : [[PATH_LABEL, '=', alert.path]];
}

const RATE = RULE_RATE_WINDOW;
/** Observations a minute in every fixture: one request a second. */
const PER_MINUTE = 60;

/** A counter rising by `perMinute` for `minutes` minutes, in promtool's expanding notation. */
function rising(perMinute: number, minutes: number): string {
  return `0+${promqlNumber(perMinute)}x${minutes}`;
}

function requestSeries(labels: Record<string, string>): string {
  const all = { mode: HYBRID_MODE, ...labels };
  return `${METRIC.requests}${matchers(Object.entries(all).map(([k, v]) => [k, '=', v] as const))}`;
}

interface Context {
  /** Length of every fixture series, in minutes. */
  minutes: number;
}

type Built = Omit<AlertRule, 'source' | 'alert' | 'for' | 'labels' | 'annotations'> & {
  summary: string;
  /** The description, `value` standing for the alert's current value. */
  describe(value: string): string;
};

function latencyRule(alert: Alert, ctx: Context, notes: string[]): Built {
  const onPath = alert.path === undefined ? '' : ` of the ${alert.path} path`;
  const servedOn =
    alert.path === undefined ? 'requests' : `requests served on the ${alert.path} path`;
  const bucket = `${METRIC.requestDuration}_bucket${matchers(pathMatcher(alert))}`;
  const expr = `histogram_quantile(0.95, sum by (le) (rate(${bucket}[${RATE}]))) * 1000 > ${promqlNumber(alert.threshold)}`;
  const thresholdS = alert.threshold / 1000;
  const edges = [0, ...REQUEST_BUCKETS_S];
  // All observations in the first bucket that lies wholly above the threshold.
  const upperIndex = edges.findIndex((_edge, i) => i > 0 && (edges[i - 1] ?? 0) >= thresholdS);
  const histogram = (upper: number): InputSeries[] => {
    const labels = {
      mode: HYBRID_MODE,
      [PATH_LABEL]: alert.path ?? 'simple',
      outcome: 'ok',
    };
    const les = [...REQUEST_BUCKETS_S.map(String), '+Inf'];
    return les.map((le) => ({
      series: `${METRIC.requestDuration}_bucket${matchers(
        Object.entries({ ...labels, le }).map(([k, v]) => [k, '=', v] as const),
      )}`,
      values:
        le === '+Inf' || Number(le) >= upper ? rising(PER_MINUTE, ctx.minutes) : `0x${ctx.minutes}`,
    }));
  };
  let firing: RuleFixture | undefined;
  const upper = edges[upperIndex];
  const lower = edges[upperIndex - 1];
  const largest = REQUEST_BUCKETS_S[REQUEST_BUCKETS_S.length - 1] ?? 0;
  if (upperIndex > 0 && upper !== undefined && lower !== undefined) {
    const p95Ms = (lower + (upper - lower) * 0.95) * 1000;
    firing = { series: histogram(upper), shownValue: p95Ms.toFixed(1) };
  } else if (thresholdS < largest) {
    // Past the largest finite bucket histogram_quantile answers that bucket's bound.
    firing = {
      series: histogram(Number.POSITIVE_INFINITY),
      shownValue: (largest * 1000).toFixed(1),
    };
  } else {
    notes.push(
      `alert ${alert.name} can never fire: its threshold ${alert.threshold} ms is not below the largest latency bucket (${largest * 1000} ms), which caps histogram_quantile`,
    );
  }
  const first = REQUEST_BUCKETS_S[0];
  const quietP95Ms = first * 0.95 * 1000;
  return {
    expr,
    summary: `p95 latency${onPath} above ${alert.threshold} ms`,
    describe: (value) =>
      `The p95 latency of ${servedOn} is ${value} ms, above the SLA of ${alert.threshold} ms for ${alert.for}.`,
    ...(firing ? { firing } : {}),
    ...(quietP95Ms <= alert.threshold ? { quiet: { series: histogram(first) } } : {}),
  };
}

function shareRule(alert: Alert, ctx: Context, notes: string[]): Built {
  const errors = alert.metric === 'error_rate';
  const scope = pathMatcher(alert);
  const onPath = alert.path === undefined ? '' : ` of the ${alert.path} path`;
  const servedOn =
    alert.path === undefined ? 'requests' : `requests served on the ${alert.path} path`;
  const counted = matchers([...scope, ['outcome', errors ? '!~' : '=~', ANSWERED_OUTCOMES]]);
  const all = matchers(scope);
  const share = `(sum(rate(${METRIC.requests}${counted}[${RATE}])) or vector(0)) / sum(rate(${METRIC.requests}${all}[${RATE}]))`;
  const expr = `${share} ${errors ? '>' : '<'} ${promqlNumber(alert.threshold)}`;
  const path = alert.path ?? 'simple';
  // Per 100 requests a minute: how many fail, for a share just past the threshold.
  const traffic = (failed: number, failedPath = path): InputSeries[] => [
    {
      series: requestSeries({ [PATH_LABEL]: path, outcome: 'ok' }),
      values: rising(100 - (failedPath === path ? failed : 0), ctx.minutes),
    },
    ...(failed > 0
      ? [
          {
            series: requestSeries({ [PATH_LABEL]: failedPath, outcome: 'timeout' }),
            values: rising(failed, ctx.minutes),
          },
        ]
      : []),
  ];
  const thresholdText = formatPercent(alert.threshold);
  let firing: RuleFixture | undefined;
  if (errors) {
    const failed = Math.floor(alert.threshold * 100) + 1;
    if (failed <= 100)
      firing = { series: traffic(failed), shownValue: formatPercent(failed / 100) };
    else notes.push(`alert ${alert.name} can never fire: an error rate cannot exceed 100%`);
  } else {
    const answered = Math.ceil(alert.threshold * 100) - 1;
    if (answered >= 0) {
      firing = { series: traffic(100 - answered), shownValue: formatPercent(answered / 100) };
    } else notes.push(`alert ${alert.name} can never fire: a success rate cannot fall below 0%`);
  }
  // Silent: every request on the path answered; with a path, failures elsewhere do not count.
  const other = alert.path === 'simple' ? 'complex' : 'simple';
  const quiet = { series: alert.path === undefined ? traffic(0) : traffic(50, other) };
  return {
    expr,
    summary: errors
      ? `Error rate${onPath} above ${thresholdText}`
      : `Success rate${onPath} below ${thresholdText}`,
    describe: (value) =>
      errors
        ? `${value} of ${servedOn} ended in an error over the last ${RATE}, above ${thresholdText} for ${alert.for}.`
        : `Only ${value} of ${servedOn} were answered (ok or degraded) over the last ${RATE}, below ${thresholdText} for ${alert.for}.`,
    ...(firing ? { firing } : {}),
    quiet,
  };
}

/** A multiple of `threshold` (or a small amount at 0) whose 5-decimal rounding is no tie. */
function costAbove(threshold: number): number {
  if (threshold === 0) return 0.001;
  for (let times = 2; ; times += 1) {
    const scaled = threshold * times * 1e5;
    if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) return threshold * times;
  }
}

/** `x` without the binary noise of its last digits: `0.6720000000000002` → `0.672`. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** The cost series of requests served on `path` (`mode`, `served_by`, `kind` as the bridge labels them). */
function costSeries(path: string, kind: 'success' | 'reliability'): string {
  return `${METRIC.cost}${matchers([
    ['mode', '=', HYBRID_MODE],
    [PATH_LABEL, '=', path],
    ['kind', '=', kind],
  ])}`;
}

function costRule(alert: Alert, ctx: Context): Built {
  // A path's cost and requests carry the same mode and served_by; without a path, all requests.
  const scope = matchers(
    alert.path === undefined
      ? []
      : [
          ['mode', '=', HYBRID_MODE],
          [PATH_LABEL, '=', alert.path],
        ],
  );
  const expr = `sum(rate(${METRIC.cost}${scope}[${RATE}])) / sum(rate(${METRIC.requests}${scope}[${RATE}])) > ${promqlNumber(alert.threshold)}`;
  const path = alert.path ?? 'simple';
  /** A minute of requests on `on`, each costing `costPerRequest`: 80% the answer, 20% retries. */
  const traffic = (costPerRequest: number, on = path): InputSeries[] => [
    {
      series: requestSeries({ [PATH_LABEL]: on, outcome: 'ok' }),
      values: rising(PER_MINUTE, ctx.minutes),
    },
    {
      series: costSeries(on, 'success'),
      values: rising(tidy(costPerRequest * 0.8 * PER_MINUTE), ctx.minutes),
    },
    {
      series: costSeries(on, 'reliability'),
      values: rising(tidy(costPerRequest * 0.2 * PER_MINUTE), ctx.minutes),
    },
  ];
  const above = costAbove(alert.threshold);
  const onPath = alert.path === undefined ? '' : ` of the ${alert.path} path`;
  const servedOn =
    alert.path === undefined ? 'Requests' : `Requests served on the ${alert.path} path`;
  // With a path, other paths' requests count neither way: free ones beside a costly path do not
  // silence it, and costly ones beside a cheap path do not fire it.
  const other = alert.path === 'simple' ? 'complex' : 'simple';
  return {
    expr,
    summary: `Cost per request${onPath} above $${alert.threshold}`,
    describe: (value) =>
      `${servedOn} cost $${value} each on average over the last ${RATE} (answers plus what retries and fallbacks added), above $${alert.threshold} for ${alert.for}.`,
    firing: {
      series: alert.path === undefined ? traffic(above) : [...traffic(above), ...traffic(0, other)],
      shownValue: above.toFixed(5),
    },
    quiet: {
      series:
        alert.path === undefined
          ? traffic(alert.threshold / 2)
          : [...traffic(alert.threshold / 2), ...traffic(costAbove(alert.threshold) * 4, other)],
    },
  };
}

function breakerRule(alert: Alert, ctx: Context): Built {
  const expr = `count(max by (key) (${METRIC.breakerState}) == ${BREAKER_OPEN}) > ${promqlNumber(alert.threshold)}`;
  const open = Math.floor(alert.threshold) + 1;
  const breakers = (states: readonly number[]): InputSeries[] =>
    states.map((state, i) => ({
      series: `${METRIC.breakerState}{key="provider-${i + 1}:model"}`,
      values: `${state}x${ctx.minutes}`,
    }));
  const more = alert.threshold === 0 ? '' : ` (more than ${alert.threshold})`;
  return {
    expr,
    summary: 'Circuit breakers open',
    describe: (value) =>
      `Open circuit breakers: ${value}${more}, for ${alert.for}; calls to their models fail fast or fall back.`,
    firing: {
      series: breakers(Array.from({ length: open }, () => BREAKER_OPEN)),
      shownValue: String(open),
    },
    // Closed and half-open breakers are not open ones.
    quiet: { series: breakers([0, 1]) },
  };
}

/** The annotation template of each metric's current value. */
const VALUE_TEMPLATE: Record<Alert['metric'], string> = {
  latency_p95_ms: '{{ $value | printf "%.1f" }}',
  error_rate: '{{ $value | humanizePercentage }}',
  success_rate: '{{ $value | humanizePercentage }}',
  cost_per_request_usd: '{{ $value | printf "%.5f" }}',
  breaker_open: '{{ $value | printf "%.0f" }}',
};

/** The value template of `metric`, for the rules file. */
export function valueTemplate(metric: Alert['metric']): string {
  return VALUE_TEMPLATE[metric];
}

/** Minutes of input each fixture needs: the longest `for`, the rate window and a margin. */
function fixtureMinutes(alerts: readonly Alert[]): number {
  const longest = Math.max(0, ...alerts.map((a) => durationMs(a.for) ?? 0));
  return Math.ceil(longest / 60_000) + 20;
}

/**
 * Prometheus alerting rules for a deployment's `spec.monitoring.alerts`, each with the inputs
 * that make it fire. An alert the bridge's metrics cannot express is left out with a note.
 */
export function alertRules(deployment: Deployment): AlertRules {
  const notes: string[] = [];
  const rules: AlertRule[] = [];
  const { name, environment } = deployment.metadata;
  const ctx: Context = { minutes: fixtureMinutes(deployment.spec.monitoring.alerts) };
  for (const alert of deployment.spec.monitoring.alerts) {
    let built: Built;
    switch (alert.metric) {
      case 'latency_p95_ms':
        built = latencyRule(alert, ctx, notes);
        break;
      case 'error_rate':
      case 'success_rate':
        built = shareRule(alert, ctx, notes);
        break;
      case 'cost_per_request_usd':
        built = costRule(alert, ctx);
        break;
      case 'breaker_open':
        if (alert.path !== undefined) {
          notes.push(
            `alert ${alert.name}: breakers are per provider and model, not per path, so its path (${alert.path}) is ignored`,
          );
        }
        built = breakerRule(alert, ctx);
        break;
    }
    const { summary, describe, ...rest } = built;
    const where = ` Deployment ${name} (${environment}), alert ${alert.name}.`;
    const pathLabel = alert.path !== undefined && alert.metric !== 'breaker_open';
    rules.push({
      source: alert,
      alert: alertName(alert.name),
      for: alert.for,
      labels: {
        severity: alert.severity,
        deployment: name,
        ...(pathLabel && alert.path !== undefined ? { path: alert.path } : {}),
      },
      annotations: (value) => ({ summary, description: `${describe(value)}${where}` }),
      ...rest,
    });
  }
  return { group: `hybrid-bench-${name}`, rules, notes };
}
