import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/index.js';
import { exportedFamilies, familyOf, metricNamesIn, unknownMetrics } from './metric-names.js';
import { renderMonitoring } from './render-monitoring.js';
import { ALERTS_OF_EVERY_KIND, deploymentWithAlerts } from './testing.js';

describe('metricNamesIn', () => {
  it('finds names before selectors and ranges, not functions, labels, strings or numbers', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le, served_by) (rate(x_seconds_bucket{path="a{b}[c]",le!="1"}[5m]))) * 1000 > 3e3',
      ),
    ).toEqual(['x_seconds_bucket']);
    expect(
      metricNamesIn(
        '(sum(rate(a_total{outcome!~"ok|degraded"}[5m])) or vector(0)) / sum without (mode) (rate(a_total[5m] offset 1h)) > bool 0.5',
      ),
    ).toEqual(['a_total']);
    expect(
      metricNamesIn('count(max by (key) (b_state) == 2) > 0 unless on (key) c:recorded'),
    ).toEqual(['b_state', 'c:recorded']);
    expect(metricNamesIn(`sum(rate(d_total{x='it\\'s'}[$__rate_interval])) * \${factor}`)).toEqual([
      'd_total',
    ]);
    expect(metricNamesIn('group_left (a) e / ignoring (b) f and g or NaN + Inf')).toEqual([
      'e',
      'f',
      'g',
    ]);
  });
});

describe('checking names against an exposition', () => {
  const exposition = [
    '# HELP h_seconds A histogram.',
    '# TYPE h_seconds histogram',
    'h_seconds_bucket{le="+Inf"} 1',
    '# TYPE s_seconds summary',
    '# TYPE c_total counter',
    'c_total{x="1"} 3',
    'u_untyped 1',
  ].join('\n');

  it('knows histogram and summary series by their family, and untyped samples', () => {
    const families = exportedFamilies(exposition);
    expect(familyOf('h_seconds_bucket', families)).toBe('h_seconds');
    expect(familyOf('h_seconds_count', families)).toBe('h_seconds');
    expect(familyOf('s_seconds_sum', families)).toBe('s_seconds');
    expect(familyOf('s_seconds_bucket', families)).toBeUndefined();
    expect(familyOf('c_total', families)).toBe('c_total');
    expect(familyOf('c_total_bucket', families)).toBeUndefined();
    expect(familyOf('u_untyped', families)).toBe('u_untyped');
  });

  it('reports every name an expression reads that the scrape lacks, and where', () => {
    expect(
      unknownMetrics(
        [
          { where: 'alert A', expr: 'sum(rate(c_total[5m])) / sum(rate(h_seconds_count[5m]))' },
          { where: 'panel "B"', expr: 'rate(no_such_total[5m]) + rate(c_total_bucket[5m])' },
        ],
        exposition,
      ),
    ).toEqual([
      {
        where: 'panel "B"',
        name: 'no_such_total',
        expr: 'rate(no_such_total[5m]) + rate(c_total_bucket[5m])',
      },
      {
        where: 'panel "B"',
        name: 'c_total_bucket',
        expr: 'rate(no_such_total[5m]) + rate(c_total_bucket[5m])',
      },
    ]);
  });

  it('every metric the rules and dashboard read is registered by the bridge', async () => {
    const rendered = renderMonitoring(deploymentWithAlerts(ALERTS_OF_EVERY_KIND));
    const exposition = await createMetrics().text();
    expect(unknownMetrics(rendered.expressions, exposition)).toEqual([]);
    expect(rendered.metricNames).toContain('hybrid_request_duration_seconds_bucket');
    expect(rendered.metricNames).toContain('hybrid_breaker_state');
  });
});
