import { describe, expect, it } from 'vitest';
import { resolveSla } from '../verdict/index.js';
import { slaThresholds } from './sla-thresholds.js';

describe('slaThresholds', () => {
  it("states each used path's latency, cost and success SLA on its submetrics", () => {
    expect(slaThresholds(['simple', 'full'], resolveSla())).toEqual({
      'http_req_duration{path:simple}': ['p(95)<3000'],
      'cost_usd{path:simple}': ['avg<0.007'],
      'answered_ok{path:simple}': ['rate>=0.95'],
      'http_req_duration{path:full}': ['p(95)<45000'],
      'cost_usd{path:full}': ['avg<0.065'],
      'answered_ok{path:full}': ['rate>=0.9'],
      checks: ['rate>=0.9'],
    });
  });

  it('names each SLA statistic as k6 does (mean → avg, p50 → med, pN → p(N), max)', () => {
    const sla = resolveSla({
      simple: {
        latency: { stat: 'p50', maxMs: 800 },
        cost: { stat: 'max', maxUsd: 0.01 },
        success: { minRate: 0.99 },
      },
      complex: { latency: { stat: 'mean', maxMs: 9000 }, cost: { stat: 'p99', maxUsd: 0.05 } },
    });
    const thresholds = slaThresholds(['simple', 'complex'], sla);
    expect(thresholds['http_req_duration{path:simple}']).toEqual(['med<800']);
    expect(thresholds['cost_usd{path:simple}']).toEqual(['max<0.01']);
    expect(thresholds['http_req_duration{path:complex}']).toEqual(['avg<9000']);
    expect(thresholds['cost_usd{path:complex}']).toEqual(['p(99)<0.05']);
    expect(thresholds.checks).toEqual(['rate>=0.95']);
  });

  it('leaves out paths without requests (k6 fails a rate threshold that saw no samples)', () => {
    expect(slaThresholds([], resolveSla())).toEqual({});
  });
});
