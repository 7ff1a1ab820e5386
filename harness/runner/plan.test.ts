import { describe, expect, it } from 'vitest';
import type { ScenarioRequest, Suite } from '../scenario/index.js';
import { planJobs } from './plan.js';

const request = (id: string, weight = 1): ScenarioRequest => ({
  id,
  tags: [],
  weight,
  messages: [{ role: 'user', content: id }],
  metadata: {},
  expect: {
    path: 'simple',
    pathSource: 'label',
    outcome: 'resolved',
    contains: [],
    notContains: [],
    toolsCalled: [],
  },
  line: 1,
});
const suite = (requests: ScenarioRequest[], repetitions = 1): Suite => ({
  file: 's.yaml',
  name: 's',
  version: '1',
  sla: {},
  repetitions,
  requests,
});

describe('planJobs', () => {
  it('runs every request once per repetition, pairing the modes with alternating order', () => {
    const jobs = planJobs(suite([request('a'), request('b')], 2), {
      modes: ['agno-only', 'hybrid'],
      seed: 1,
    });
    expect(jobs.map((j) => `${j.pairId}:${j.mode}`)).toEqual([
      'a#0:agno-only',
      'a#0:hybrid',
      'b#0:hybrid',
      'b#0:agno-only',
      'a#1:agno-only',
      'a#1:hybrid',
      'b#1:hybrid',
      'b#1:agno-only',
    ]);
  });

  it('lets --repetitions override the suite', () => {
    expect(
      planJobs(suite([request('a')], 3), { modes: ['hybrid'], seed: 1, repetitions: 1 }),
    ).toHaveLength(1);
  });

  it('draws a fixed number of requests by weight, the same for the same seed', () => {
    const requests = [request('rare', 1), request('common', 9)];
    const first = planJobs(suite(requests), { modes: ['hybrid'], seed: 7, requests: 1000 });
    const again = planJobs(suite(requests), { modes: ['hybrid'], seed: 7, requests: 1000 });
    expect(first.map((j) => j.pairId)).toEqual(again.map((j) => j.pairId));
    const common = first.filter((j) => j.request.id === 'common').length;
    expect(common).toBeGreaterThan(850);
    expect(common).toBeLessThan(950);
    expect(new Set(first.map((j) => j.pairId)).size).toBe(1000);
  });
});
