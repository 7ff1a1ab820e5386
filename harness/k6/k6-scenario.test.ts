import { describe, expect, it } from 'vitest';
import { k6Duration, k6Scenario } from './k6-scenario.js';

const BUDGET = { typicalMs: 6000, slowestMs: 45_000, timeoutMs: 90_000 };

describe('k6Duration', () => {
  it.each([
    [120_000, '2m'],
    [3_600_000, '1h'],
    [90_000, '90s'],
    [1500, '1500ms'],
    [5_400_000, '90m'],
  ])('%i ms → %s', (ms, text) => {
    expect(k6Duration(ms)).toBe(text);
  });
});

describe('k6Scenario', () => {
  it('sizes a constant arrival rate by Little’s law: mean ceiling preallocated, slowest allowed', () => {
    const plan = k6Scenario(
      {
        model: 'open',
        executor: 'constant-arrival-rate',
        rate: 20,
        timeUnitMs: 1000,
        durationMs: 120_000,
      },
      BUDGET,
    );
    expect(plan.scenario).toEqual({
      executor: 'constant-arrival-rate',
      rate: 20,
      timeUnit: '1s',
      duration: '2m',
      preAllocatedVUs: 120,
      maxVUs: 900,
      gracefulStop: '90s',
    });
    expect(plan.targetRps).toBe(20);
    expect(plan.description).toBe('constant-arrival-rate 20/1s for 2m');
  });

  it('converts a per-minute rate to requests per second', () => {
    const plan = k6Scenario(
      {
        model: 'open',
        executor: 'constant-arrival-rate',
        rate: 30,
        timeUnitMs: 60_000,
        durationMs: 600_000,
      },
      BUDGET,
    );
    expect(plan.targetRps).toBe(0.5);
    expect(plan.scenario).toMatchObject({
      timeUnit: '1m',
      duration: '10m',
      preAllocatedVUs: 3,
      maxVUs: 23,
    });
  });

  it('ramps with stages, sized for the peak, with no single target rate', () => {
    const plan = k6Scenario(
      {
        model: 'open',
        executor: 'ramping-arrival-rate',
        startRate: 1,
        timeUnitMs: 1000,
        stages: [
          { target: 5, durationMs: 30_000 },
          { target: 2, durationMs: 60_000 },
        ],
      },
      BUDGET,
    );
    expect(plan.scenario).toEqual({
      executor: 'ramping-arrival-rate',
      startRate: 1,
      timeUnit: '1s',
      stages: [
        { target: 5, duration: '30s' },
        { target: 2, duration: '1m' },
      ],
      preAllocatedVUs: 30,
      maxVUs: 225,
      gracefulStop: '90s',
    });
    expect(plan.targetRps).toBeUndefined();
  });

  it('runs a closed loop as shared iterations, with time for every round at the slowest ceiling', () => {
    const plan = k6Scenario({ model: 'closed', concurrency: 4, requests: 10 }, BUDGET);
    expect(plan.scenario).toEqual({
      executor: 'shared-iterations',
      vus: 4,
      iterations: 10,
      maxDuration: '195s',
      gracefulStop: '90s',
    });
    expect(plan.targetRps).toBeUndefined();
  });
});
