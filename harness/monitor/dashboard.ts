import { type Deployment, PATH_NAMES } from '../../src/index.js';
import { ANSWERED_OUTCOMES, BREAKER_OPEN, METRIC, PATH_LABEL } from './bridge-metrics.js';

/** The Grafana dashboard JSON model version the dashboard is written in. */
export const DASHBOARD_SCHEMA_VERSION = 39;

/** The dashboard's data source variable, `${datasource}` in Grafana's syntax. */
const DATASOURCE_VARIABLE = 'datasource';
const DATASOURCE = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` } as const;
const RATE = '$__rate_interval';

interface Query {
  expr: string;
  legend: string;
}

interface PanelSpec {
  type: 'timeseries' | 'stat';
  title: string;
  description: string;
  unit: string;
  queries: Query[];
  /** A red line (time series) or colour step (stat) from this value on. */
  threshold?: number;
  min?: number;
  max?: number;
  mappings?: { value: number; text: string; color: string }[];
}

/** An expression of the dashboard and where it is, for checks against a scrape. */
export interface DashboardExpression {
  where: string;
  expr: string;
}

export interface RenderedDashboard {
  dashboard: Record<string, unknown>;
  panelCount: number;
  expressions: DashboardExpression[];
}

function rate(metric: string, selector = ''): string {
  return `rate(${metric}${selector}[${RATE}])`;
}

function quantile(q: number, selector: string, by: readonly string[] = []): string {
  const groups = ['le', ...by].join(', ');
  return `histogram_quantile(${q}, sum by (${groups}) (${rate(`${METRIC.requestDuration}_bucket`, selector)}))`;
}

const answered = `{outcome=~"${ANSWERED_OUTCOMES}"}`;

/** The p95 SLA of `path` in seconds, from the deployment's latency alerts, if one sets it. */
function latencySla(
  deployment: Deployment,
  path: string,
): { seconds: number; alert: string } | undefined {
  const alerts = deployment.spec.monitoring.alerts.filter(
    (a) => a.metric === 'latency_p95_ms' && (a.path === path || a.path === undefined),
  );
  const own = alerts.find((a) => a.path === path) ?? alerts[0];
  return own && { seconds: own.threshold / 1000, alert: own.name };
}

/** The threshold of the deployment's cost alert on all paths, if it has one. */
function costSla(deployment: Deployment): number | undefined {
  return deployment.spec.monitoring.alerts.find(
    (a) => a.metric === 'cost_per_request_usd' && a.path === undefined,
  )?.threshold;
}

/** `simple $0.007 (simple-cost-sla)`, one per cost alert on a path, in the order of the paths. */
function pathCostSlas(deployment: Deployment): string[] {
  const alerts = deployment.spec.monitoring.alerts.filter(
    (a) => a.metric === 'cost_per_request_usd' && a.path !== undefined,
  );
  return PATH_NAMES.flatMap((path) =>
    alerts.filter((a) => a.path === path).map((a) => `${path} $${a.threshold} (${a.name})`),
  );
}

/**
 * The description of the cost-per-request panel. Grafana's time series panel draws one set of
 * thresholds per axis (the first series' on it), so per-path SLAs on one panel cannot each be a
 * line: the all-paths alert's threshold is the line, the per-path ones are named.
 */
function costPerRequestDescription(deployment: Deployment): string {
  const cost = costSla(deployment);
  const perPath = pathCostSlas(deployment);
  return [
    `Mean USD per finished request, by the path (or tier) that served it (${PATH_LABEL}): what its requests cost, answers plus what retries and fallbacks added, over how many there were.`,
    ...(cost === undefined
      ? []
      : [`The red line is the threshold of the cost alert on all paths ($${cost}).`]),
    ...(perPath.length === 0 ? [] : [`Cost SLAs by path: ${perPath.join(', ')}.`]),
  ].join(' ');
}

function panelRows(deployment: Deployment): PanelSpec[][] {
  const latencyPanels = PATH_NAMES.map((path): PanelSpec => {
    const selector = `{${PATH_LABEL}="${path}"}`;
    const sla = latencySla(deployment, path);
    return {
      type: 'timeseries',
      title: `Latency · ${path} path`,
      description: `p50, p95 and p99 of the end-to-end latency of requests served on the ${path} path.${
        sla ? ` The red line is the p95 SLA of alert ${sla.alert} (${sla.seconds} s).` : ''
      }`,
      unit: 's',
      min: 0,
      queries: [0.5, 0.95, 0.99].map((q) => ({
        expr: quantile(q, selector),
        legend: `p${Math.round(q * 100)}`,
      })),
      ...(sla ? { threshold: sla.seconds } : {}),
    };
  });
  const cost = costSla(deployment);
  const experiments = deployment.testing.experiments.length > 0;
  return [
    [
      {
        type: 'stat',
        title: 'Requests per second',
        description: 'Requests the bridge finished, every path and outcome.',
        unit: 'reqps',
        queries: [{ expr: `sum(${rate(METRIC.requests)})`, legend: 'requests/s' }],
      },
      {
        type: 'stat',
        title: 'Success rate',
        description:
          'Share of requests answered: served by their path, or degraded to a cheaper tier or the canned reply.',
        unit: 'percentunit',
        queries: [
          {
            expr: `sum(${rate(METRIC.requests, answered)}) / sum(${rate(METRIC.requests)})`,
            legend: 'answered',
          },
        ],
        min: 0,
        max: 1,
      },
      {
        type: 'stat',
        title: 'Spend per hour',
        description:
          'USD an hour at the current rate: what answers cost plus what retries, fallbacks and failed attempts added.',
        unit: 'currencyUSD',
        queries: [{ expr: `sum(${rate(METRIC.cost)}) * 3600`, legend: 'USD/h' }],
      },
      {
        type: 'stat',
        title: 'Open circuit breakers',
        description: 'Breakers (one per provider and model) that are open now.',
        unit: 'none',
        queries: [
          {
            expr: `count(max by (key) (${METRIC.breakerState}) == ${BREAKER_OPEN}) or vector(0)`,
            legend: 'open',
          },
        ],
        threshold: 1,
      },
    ],
    latencyPanels,
    [
      {
        type: 'timeseries',
        title: 'Requests per second by path and outcome',
        description: `By the path (or tier) that served them (${PATH_LABEL}) and outcome: ok, degraded, or the error code.`,
        unit: 'reqps',
        min: 0,
        queries: [
          {
            expr: `sum by (${PATH_LABEL}, outcome) (${rate(METRIC.requests)})`,
            legend: `{{${PATH_LABEL}}} {{outcome}}`,
          },
        ],
      },
      {
        type: 'timeseries',
        title: 'Success rate by path',
        description: 'Share of requests answered (ok or degraded), by the path that served them.',
        unit: 'percentunit',
        min: 0,
        max: 1,
        queries: [
          {
            expr: `sum by (${PATH_LABEL}) (${rate(METRIC.requests, answered)}) / sum by (${PATH_LABEL}) (${rate(METRIC.requests)})`,
            legend: `{{${PATH_LABEL}}}`,
          },
        ],
      },
    ],
    [
      {
        type: 'timeseries',
        title: 'Spend per hour',
        description:
          'USD an hour: success is what served requests cost, reliability what retries, fallbacks and failed attempts added.',
        unit: 'currencyUSD',
        min: 0,
        queries: [{ expr: `sum by (kind) (${rate(METRIC.cost)}) * 3600`, legend: '{{kind}}' }],
      },
      {
        type: 'timeseries',
        title: 'Spend per hour by model',
        description: 'USD an hour on model calls that reached a backend.',
        unit: 'currencyUSD',
        min: 0,
        queries: [
          {
            expr: `sum by (provider, model) (${rate(METRIC.modelCost)}) * 3600`,
            legend: '{{provider}} {{model}}',
          },
        ],
      },
    ],
    [
      {
        type: 'timeseries',
        title: 'Cost per request',
        description: costPerRequestDescription(deployment),
        unit: 'currencyUSD',
        min: 0,
        queries: [
          {
            expr: `sum by (${PATH_LABEL}) (${rate(METRIC.cost)}) / sum by (${PATH_LABEL}) (${rate(METRIC.requests)})`,
            legend: `{{${PATH_LABEL}}}`,
          },
        ],
        ...(cost === undefined ? {} : { threshold: cost }),
      },
      {
        type: 'timeseries',
        title: 'Circuit breaker state',
        description: 'Per breaker (provider and model): 0 closed, 1 half-open, 2 open.',
        unit: 'none',
        min: 0,
        max: 2,
        queries: [{ expr: `max by (key) (${METRIC.breakerState})`, legend: '{{key}}' }],
        mappings: [
          { value: 0, text: 'closed', color: 'green' },
          { value: 1, text: 'half-open', color: 'orange' },
          { value: BREAKER_OPEN, text: 'open', color: 'red' },
        ],
      },
    ],
    [
      {
        type: 'timeseries',
        title: 'Model calls per second',
        description:
          'Calls that reached a backend, by model and outcome (cache hits are not calls). The bridge exports no per-tool metric: tool calls show as the model calls around them.',
        unit: 'reqps',
        min: 0,
        queries: [
          {
            expr: `sum by (model, outcome) (${rate(`${METRIC.modelCallDuration}_count`)})`,
            legend: '{{model}} {{outcome}}',
          },
        ],
      },
      {
        type: 'timeseries',
        title: 'Model call latency p95',
        description: 'p95 latency of one model call, by model.',
        unit: 's',
        min: 0,
        queries: [
          {
            expr: `histogram_quantile(0.95, sum by (le, model) (${rate(`${METRIC.modelCallDuration}_bucket`)}))`,
            legend: '{{model}}',
          },
        ],
      },
    ],
    [
      {
        type: 'timeseries',
        title: 'Tokens per second',
        description: 'Input and output tokens of model calls that reached a backend.',
        unit: 'short',
        min: 0,
        queries: [
          {
            expr: `sum by (model, direction) (${rate(METRIC.tokens)})`,
            legend: '{{model}} {{direction}}',
          },
        ],
      },
      {
        type: 'timeseries',
        title: 'Retries and fallbacks',
        description:
          'Retries by the failure that caused them, and fallbacks to another model or a cheaper path.',
        unit: 'ops',
        min: 0,
        queries: [
          { expr: `sum by (reason) (${rate(METRIC.retries)})`, legend: 'retry {{reason}}' },
          { expr: `sum by (kind) (${rate(METRIC.fallbacks)})`, legend: 'fallback {{kind}}' },
        ],
      },
      {
        type: 'timeseries',
        title: 'Response cache hit ratio',
        description: 'Share of response cache lookups that hit.',
        unit: 'percentunit',
        min: 0,
        max: 1,
        queries: [
          {
            expr: `sum(${rate(METRIC.cacheLookups, '{result="hit"}')}) / sum(${rate(METRIC.cacheLookups)})`,
            legend: 'hit ratio',
          },
        ],
      },
    ],
    [
      {
        type: 'timeseries',
        title: 'Agent turn latency p95',
        description:
          'How long each agent of the full path held a conversation (p95), from its turn start to its answer, handoff or failure.',
        unit: 's',
        min: 0,
        queries: [
          {
            expr: `histogram_quantile(0.95, sum by (le, agent) (${rate(`${METRIC.agentTurnDuration}_bucket`)}))`,
            legend: '{{agent}}',
          },
        ],
      },
      {
        type: 'timeseries',
        title: 'Agent turns by outcome',
        description:
          'Turns per second by agent and how they ended: answered, handed off, or failed (then escalated or degraded).',
        unit: 'ops',
        min: 0,
        queries: [
          {
            expr: `sum by (agent, outcome) (${rate(`${METRIC.agentTurnDuration}_count`)})`,
            legend: '{{agent}} {{outcome}}',
          },
        ],
      },
      {
        type: 'timeseries',
        title: 'Handoffs by who decided',
        description:
          'Handoffs between agents: asked for by an agent, or decided by the guard (loop, limit, failure, budget: each sends the conversation to escalation).',
        unit: 'ops',
        min: 0,
        queries: [{ expr: `sum by (kind) (${rate(METRIC.handoffs)})`, legend: '{{kind}}' }],
      },
      {
        type: 'timeseries',
        title: 'Spend per hour by agent',
        description: 'What each agent’s model calls cost, in US dollars per hour.',
        unit: 'currencyUSD',
        min: 0,
        queries: [
          { expr: `sum by (agent) (${rate(METRIC.agentCost)}) * 3600`, legend: '{{agent}}' },
        ],
      },
    ],
    [
      {
        type: 'timeseries',
        title: 'Requests refused',
        description:
          'Requests and calls the bridge refused before a backend: rate limits and budgets, by scope.',
        unit: 'reqps',
        min: 0,
        queries: [
          {
            expr: `sum by (reason, scope) (${rate(METRIC.rejections)})`,
            legend: '{{reason}} {{scope}}',
          },
        ],
      },
      ...(experiments
        ? [
            {
              type: 'timeseries' as const,
              title: 'Requests per experiment arm',
              description: `A/B arms of testing.experiments (${deployment.testing.experiments
                .map((e) => e.name)
                .join(', ')}); the control arm is every other request.`,
              unit: 'reqps',
              min: 0,
              queries: [
                {
                  expr: `sum by (arm) (${rate(METRIC.experimentRequests)})`,
                  legend: '{{arm}}',
                },
              ],
            },
          ]
        : []),
    ],
  ];
}

function thresholds(threshold: number | undefined, stat: boolean) {
  return {
    mode: 'absolute',
    steps: [
      { color: stat && threshold === undefined ? 'blue' : 'green', value: null },
      ...(threshold === undefined ? [] : [{ color: 'red', value: threshold }]),
    ],
  };
}

function panel(spec: PanelSpec, id: number, gridPos: Record<string, number>) {
  const stat = spec.type === 'stat';
  const defaults = {
    unit: spec.unit,
    ...(spec.min === undefined ? {} : { min: spec.min }),
    ...(spec.max === undefined ? {} : { max: spec.max }),
    color: { mode: stat ? 'thresholds' : 'palette-classic' },
    thresholds: thresholds(spec.threshold, stat),
    mappings: (spec.mappings ?? []).map((m) => ({
      type: 'value',
      options: { [String(m.value)]: { text: m.text, color: m.color, index: m.value } },
    })),
    ...(stat
      ? {}
      : {
          custom: {
            drawStyle: 'line',
            lineWidth: 1,
            fillOpacity: 10,
            showPoints: 'never',
            spanNulls: false,
            thresholdsStyle: { mode: spec.threshold === undefined ? 'off' : 'line' },
          },
        }),
  };
  const options = stat
    ? {
        reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
        colorMode: 'value',
        graphMode: 'area',
        justifyMode: 'auto',
        orientation: 'auto',
        textMode: 'auto',
      }
    : {
        legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'none' },
      };
  return {
    id,
    type: spec.type,
    title: spec.title,
    description: spec.description,
    datasource: DATASOURCE,
    gridPos,
    fieldConfig: { defaults, overrides: [] },
    options,
    targets: spec.queries.map((query, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: DATASOURCE,
      expr: query.expr,
      legendFormat: query.legend,
      range: true,
    })),
  };
}

/**
 * A Grafana dashboard of the bridge's metrics for a deployment: headline stats, latency per
 * path against its SLA, traffic and success by path, spend, breakers, model calls, cache and
 * refusals. Its Prometheus data source is a dashboard variable, chosen on import.
 */
export function renderDashboard(deployment: Deployment): RenderedDashboard {
  const { name, environment } = deployment.metadata;
  const panels: ReturnType<typeof panel>[] = [];
  const expressions: DashboardExpression[] = [];
  let y = 0;
  for (const row of panelRows(deployment)) {
    const height = row.every((spec) => spec.type === 'stat') ? 4 : 8;
    const width = Math.floor(24 / row.length);
    row.forEach((spec, i) => {
      panels.push(panel(spec, panels.length + 1, { h: height, w: width, x: i * width, y }));
      for (const query of spec.queries) {
        expressions.push({ where: `panel "${spec.title}"`, expr: query.expr });
      }
    });
    y += height;
  }
  const dashboard = {
    uid: `hybrid-bench-${name}`.slice(0, 40),
    title: `hybrid-bench · ${name} (${environment})`,
    description: `The hybrid bridge of the AgentDeployment ${name}, rendered by bench monitor render.`,
    tags: ['hybrid-bench', name, environment],
    timezone: 'browser',
    editable: true,
    graphTooltip: 1,
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    version: 1,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    fiscalYearStartMonth: 0,
    liveNow: false,
    links: [],
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    templating: {
      list: [
        {
          name: DATASOURCE_VARIABLE,
          label: 'Prometheus',
          type: 'datasource',
          query: 'prometheus',
          current: {},
          hide: 0,
          includeAll: false,
          multi: false,
          options: [],
          refresh: 1,
          regex: '',
          skipUrlSync: false,
        },
      ],
    },
    panels,
  };
  return { dashboard, panelCount: panels.length, expressions };
}
