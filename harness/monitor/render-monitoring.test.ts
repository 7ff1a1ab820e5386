import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { alertName, alertRules, type RuleFixture } from './alert-rules.js';
import { renderDashboard } from './dashboard.js';
import { durationMs } from './durations.js';
import { formatGoG, formatPercent } from './format-number.js';
import { jsonText } from './json-text.js';
import { MONITORING_FILES, renderMonitoring, writeMonitoringFiles } from './render-monitoring.js';
import { ALERTS_OF_EVERY_KIND, deploymentWithAlerts } from './testing.js';

interface RuleFile {
  groups: {
    name: string;
    rules: {
      alert: string;
      expr: string;
      for: string;
      labels: Record<string, string>;
      annotations: Record<string, string>;
    }[];
  }[];
}

const wide = deploymentWithAlerts(ALERTS_OF_EVERY_KIND);

describe('alertRules', () => {
  const rules = alertRules(wide);
  const byName = new Map(rules.rules.map((r) => [r.source.name, r]));

  it('writes one rule per alert, with its severity and path', () => {
    expect(rules.group).toBe('hybrid-bench-customer-support');
    expect(rules.rules.map((r) => r.alert)).toEqual([
      'LatencyAll',
      'LatencySimpleZero',
      'LatencyFullBeyond',
      'LatencyFullSlow',
      'ErrorsComplex',
      'ErrorsNever',
      'SuccessAll',
      'SuccessFull',
      'SuccessNever',
      'CostAll',
      'CostZero',
      'CostSimple',
      'BreakersTwo',
    ]);
    expect(byName.get('errors-complex')?.labels).toEqual({
      severity: 'critical',
      deployment: 'customer-support',
      path: 'complex',
    });
    // Breakers have no path: the label would be wrong.
    expect(byName.get('breakers-two')?.labels).toEqual({
      severity: 'warning',
      deployment: 'customer-support',
    });
    expect(byName.get('success-all')?.for).toBe('1h30m');
    expect(byName.get('latency-simple-zero')?.for).toBe('5m');
  });

  it('queries the series the bridge exports, in their units', () => {
    expect(byName.get('latency-all')?.expr).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(hybrid_request_duration_seconds_bucket[5m]))) * 1000 > 2500',
    );
    expect(byName.get('latency-simple-zero')?.expr).toContain(
      'hybrid_request_duration_seconds_bucket{served_by="simple"}[5m]',
    );
    expect(byName.get('errors-complex')?.expr).toBe(
      '(sum(rate(hybrid_requests_total{served_by="complex",outcome!~"ok|degraded"}[5m])) or vector(0)) / sum(rate(hybrid_requests_total{served_by="complex"}[5m])) > 0.1',
    );
    expect(byName.get('success-all')?.expr).toBe(
      '(sum(rate(hybrid_requests_total{outcome=~"ok|degraded"}[5m])) or vector(0)) / sum(rate(hybrid_requests_total[5m])) < 0.9',
    );
    expect(byName.get('cost-all')?.expr).toBe(
      'sum(rate(hybrid_cost_usd_total[5m])) / sum(rate(hybrid_requests_total[5m])) > 0.0125',
    );
    // A path's cost over its requests: both series carry the same mode and served_by.
    expect(byName.get('cost-simple')?.expr).toBe(
      'sum(rate(hybrid_cost_usd_total{mode="hybrid",served_by="simple"}[5m])) / sum(rate(hybrid_requests_total{mode="hybrid",served_by="simple"}[5m])) > 0.007',
    );
    expect(byName.get('cost-simple')?.labels).toEqual({
      severity: 'warning',
      deployment: 'customer-support',
      path: 'simple',
    });
    expect(byName.get('breakers-two')?.expr).toBe(
      'count(max by (key) (hybrid_breaker_state) == 2) > 1',
    );
  });

  it('says which alerts it left out or changed, and which can never fire', () => {
    expect(rules.notes).toEqual([
      'alert latency-full-beyond can never fire: its threshold 90000 ms is not below the largest latency bucket (90000 ms), which caps histogram_quantile',
      'alert errors-never can never fire: an error rate cannot exceed 100%',
      'alert success-never can never fire: a success rate cannot fall below 0%',
      'alert breakers-two: breakers are per provider and model, not per path, so its path (simple) is ignored',
    ]);
    expect(byName.get('latency-full-beyond')?.firing).toBeUndefined();
    expect(byName.get('errors-never')?.firing).toBeUndefined();
  });

  it('builds inputs past each threshold, and the value the alert then shows', () => {
    expect(byName.get('latency-all')?.firing?.shownValue).toBe('4900.0'); // all in (3 s, 5 s]
    expect(byName.get('latency-simple-zero')?.firing?.shownValue).toBe('47.5');
    expect(byName.get('latency-simple-zero')?.quiet).toBeUndefined(); // nothing is below 0 ms
    // Past the largest bucket (90 s) histogram_quantile answers 90 s: above 75 s, not above 90 s.
    expect(byName.get('latency-full-slow')?.firing?.shownValue).toBe('90000.0');
    expect(byName.get('errors-complex')?.firing?.shownValue).toBe('11%');
    expect(byName.get('success-all')?.firing?.shownValue).toBe('89%');
    expect(byName.get('success-full')?.firing?.shownValue).toBe('0%');
    expect(byName.get('cost-all')?.firing?.shownValue).toBe('0.02500');
    expect(byName.get('cost-zero')?.firing?.shownValue).toBe('0.00100');
    expect(byName.get('cost-simple')?.firing?.shownValue).toBe('0.01400');
    expect(byName.get('breakers-two')?.firing?.shownValue).toBe('2');
    // Every fixture runs longer than the longest `for` (1h30m) plus the rate window.
    const minutes = byName.get('cost-all')?.firing?.series[0]?.values;
    expect(minutes).toBe('0+60x110');
  });

  it('tests a path’s cost alert against the other paths’ requests, which count neither way', () => {
    const rule = byName.get('cost-simple');
    const series = (fixture: RuleFixture | undefined) =>
      Object.fromEntries((fixture?.series ?? []).map((s) => [s.series, s.values]));
    // Fires on the path's cost although free complex requests would halve an all-paths mean.
    expect(series(rule?.firing)).toEqual({
      'hybrid_requests_total{mode="hybrid",served_by="simple",outcome="ok"}': '0+60x110',
      'hybrid_cost_usd_total{mode="hybrid",served_by="simple",kind="success"}': '0+0.672x110',
      'hybrid_cost_usd_total{mode="hybrid",served_by="simple",kind="reliability"}': '0+0.168x110',
      'hybrid_requests_total{mode="hybrid",served_by="complex",outcome="ok"}': '0+60x110',
      'hybrid_cost_usd_total{mode="hybrid",served_by="complex",kind="success"}': '0+0x110',
      'hybrid_cost_usd_total{mode="hybrid",served_by="complex",kind="reliability"}': '0+0x110',
    });
    // Silent at half its threshold although costly complex requests lift the all-paths mean.
    expect(series(rule?.quiet)).toMatchObject({
      'hybrid_cost_usd_total{mode="hybrid",served_by="simple",kind="success"}': '0+0.168x110',
      'hybrid_cost_usd_total{mode="hybrid",served_by="complex",kind="success"}': '0+2.688x110',
    });
  });

  it('names alerts in CamelCase', () => {
    expect(alertName('simple-latency-sla')).toBe('SimpleLatencySla');
    expect(alertName('a--b_c')).toBe('ABC');
  });
});

describe('renderMonitoring', () => {
  const rendered = renderMonitoring(wide);
  const file = (name: string) => rendered.files.find((f) => f.name === name)?.text ?? '';

  it('writes the rules, their unit tests and the dashboard', () => {
    expect(rendered.files.map((f) => f.name)).toEqual([
      MONITORING_FILES.rules,
      MONITORING_FILES.ruleTests,
      MONITORING_FILES.dashboard,
    ]);
    expect(rendered.counts).toEqual({ rules: 13, ruleTests: 22, panels: 24 });
  });

  it('writes the files into a new folder, and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hb-monitor-'));
    try {
      const out = join(dir, 'nested', 'monitoring');
      const written = await writeMonitoringFiles(out, rendered.files);
      expect(written).toEqual(rendered.files.map((f) => join(out, f.name)));
      expect((await readdir(out)).sort()).toEqual(rendered.files.map((f) => f.name).sort());
      expect(await readFile(join(out, MONITORING_FILES.dashboard), 'utf8')).toBe(
        file(MONITORING_FILES.dashboard),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the rule file carries the templates of the values and the notes as comments', () => {
    const text = file(MONITORING_FILES.rules);
    expect(text).toMatch(/^# Prometheus alerting rules of the AgentDeployment customer-support/);
    expect(text).toContain('# - alert breakers-two: breakers are per provider and model');
    expect(text).not.toContain('not rendered');
    const rules = (parse(text) as RuleFile).groups[0]?.rules ?? [];
    const latency = rules.find((r) => r.alert === 'LatencyAll');
    expect(latency?.annotations).toEqual({
      summary: 'p95 latency above 2500 ms',
      description:
        'The p95 latency of requests is {{ $value | printf "%.1f" }} ms, above the SLA of 2500 ms for 10m. Deployment customer-support (production), alert latency-all.',
    });
    expect(rules.find((r) => r.alert === 'ErrorsComplex')?.annotations.summary).toBe(
      'Error rate of the complex path above 10%',
    );
    for (const rule of rules) expect(rule.expr).not.toContain('\n');
  });

  it('the rule tests expect each firing alert with its labels and annotations', () => {
    const tests = parse(file(MONITORING_FILES.ruleTests)) as {
      rule_files: string[];
      tests: {
        name: string;
        alert_rule_test: {
          eval_time: string;
          alertname: string;
          exp_alerts: { exp_labels: Record<string, string> }[];
        }[];
      }[];
    };
    expect(tests.rule_files).toEqual([MONITORING_FILES.rules]);
    const success = tests.tests.find((t) => t.name === 'SuccessAll fires');
    expect(success?.alert_rule_test[0]?.eval_time).toBe('105m');
    expect(success?.alert_rule_test[0]?.exp_alerts[0]?.exp_labels).toEqual({
      severity: 'warning',
      deployment: 'customer-support',
    });
    expect(tests.tests.find((t) => t.name === 'SuccessAll stays silent')?.alert_rule_test).toEqual([
      { eval_time: '105m', alertname: 'SuccessAll', exp_alerts: [] },
    ]);
  });
});

describe('renderDashboard', () => {
  const { dashboard, expressions, panelCount } = renderDashboard(wide);
  const panels = dashboard.panels as {
    id: number;
    type: string;
    title: string;
    description: string;
    gridPos: { h: number; w: number; x: number; y: number };
    targets: { refId: string; expr: string; legendFormat: string; datasource: { uid: string } }[];
    fieldConfig: { defaults: { thresholds: { steps: { value: number | null }[] } } };
  }[];

  it('is a schemaVersion 39 dashboard whose data source is chosen on import', () => {
    expect(dashboard.schemaVersion).toBe(39);
    expect(dashboard.uid).toBe('hybrid-bench-customer-support');
    expect(panelCount).toBe(panels.length);
    for (const panel of panels) {
      expect(['timeseries', 'stat']).toContain(panel.type);
      for (const target of panel.targets) expect(target.datasource.uid).toBe(`\${datasource}`);
    }
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    expect(expressions).toHaveLength(panels.flatMap((p) => p.targets).length);
  });

  it('lays the panels out on the 24-column grid without overlaps', () => {
    const cells = new Set<string>();
    for (const { gridPos } of panels) {
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x += 1) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y += 1) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('draws each path latency with p50, p95 and p99 and its SLA from the alerts', () => {
    const simple = panels.find((p) => p.title === 'Latency · simple path');
    expect(simple?.targets.map((t) => t.expr)).toEqual([
      'histogram_quantile(0.5, sum by (le) (rate(hybrid_request_duration_seconds_bucket{served_by="simple"}[$__rate_interval])))',
      'histogram_quantile(0.95, sum by (le) (rate(hybrid_request_duration_seconds_bucket{served_by="simple"}[$__rate_interval])))',
      'histogram_quantile(0.99, sum by (le) (rate(hybrid_request_duration_seconds_bucket{served_by="simple"}[$__rate_interval])))',
    ]);
    expect(simple?.fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 0]);
    // complex has no alert of its own: the all-paths latency alert (2.5 s) applies.
    const complex = panels.find((p) => p.title === 'Latency · complex path');
    expect(complex?.fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 2.5]);
    expect(panels.map((p) => p.title)).toContain('Requests per experiment arm');
  });

  it('draws cost per request by path, against the all-paths threshold, naming the path SLAs', () => {
    const cost = panels.find((p) => p.title === 'Cost per request');
    expect(cost?.targets).toMatchObject([
      {
        expr: 'sum by (served_by) (rate(hybrid_cost_usd_total[$__rate_interval])) / sum by (served_by) (rate(hybrid_requests_total[$__rate_interval]))',
        legendFormat: '{{served_by}}',
      },
    ]);
    expect(cost?.fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 0.0125]);
    expect(cost?.description).toContain('($0.0125)');
    expect(cost?.description).toContain('Cost SLAs by path: simple $0.007 (cost-simple).');
    expect(cost?.description).not.toContain('does not export');
  });
});

describe('jsonText', () => {
  it('keeps objects one member a line and short plain arrays on one line', () => {
    expect(
      jsonText({ a: [1, 'b'], c: {}, d: [], e: [{ f: null }], g: 'x'.repeat(95).split('') }),
    ).toBe(
      `{\n  "a": [1, "b"],\n  "c": {},\n  "d": [],\n  "e": [\n    {\n      "f": null\n    }\n  ],\n  "g": [\n${'x'
        .repeat(95)
        .split('')
        .map((x) => `    "${x}"`)
        .join(',\n')}\n  ]\n}\n`,
    );
  });
});

describe('number formats', () => {
  it('prints like Go %.4g and humanizePercentage', () => {
    expect(formatGoG(6.000000000000001)).toBe('6');
    expect(formatGoG(12.345678)).toBe('12.35');
    expect(formatGoG(0.000012345)).toBe('1.234e-05');
    expect(formatGoG(123456)).toBe('1.235e+05');
    expect(formatGoG(0)).toBe('0');
    expect(formatPercent(0.05)).toBe('5%');
    expect(formatPercent(0.125)).toBe('12.5%');
  });

  it('reads Prometheus durations', () => {
    expect(durationMs('1h30m')).toBe(5_400_000);
    expect(durationMs('250ms')).toBe(250);
    expect(durationMs('5 m')).toBeUndefined();
  });
});
