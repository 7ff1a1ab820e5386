import { describe, expect, it } from 'vitest';
import type { LoadProfile } from '../scenario/index.js';
import { DEFAULT_CONCURRENCY, resolveTraffic } from './resolve-traffic.js';

const file = 'suite.yaml';
const closed = { model: 'closed', concurrency: 3, requests: 40 } as const;
const open = {
  model: 'open',
  executor: 'constant-arrival-rate',
  rate: 4,
  timeUnitMs: 1000,
  durationMs: 2000,
} as const;

describe('resolveTraffic', () => {
  it('runs the whole suite at the default concurrency when nothing says otherwise', () => {
    expect(resolveTraffic({ file }, {})).toEqual({
      concurrency: DEFAULT_CONCURRENCY,
      description: `closed: ${DEFAULT_CONCURRENCY} in flight, the whole suite`,
    });
  });

  it("takes the suite's closed and open loads", () => {
    expect(resolveTraffic({ file, load: closed }, {})).toMatchObject({
      concurrency: 3,
      requests: 40,
    });
    const traffic = resolveTraffic({ file, load: open }, {});
    expect(traffic.arrivalsMs).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750]);
    expect(traffic.description).toBe('open (suite load): constant-arrival-rate, 8 requests');
  });

  it('lets flags win, keeping what they do not set from a closed load', () => {
    expect(resolveTraffic({ file, load: closed }, { concurrency: 10 })).toMatchObject({
      concurrency: 10,
      requests: 40,
    });
    const overridden = resolveTraffic({ file, load: open }, { requests: 5 });
    expect(overridden).toMatchObject({ concurrency: DEFAULT_CONCURRENCY, requests: 5 });
    expect(overridden.arrivalsMs).toBeUndefined();
  });

  it('refuses an open load that starts nothing, naming the file', () => {
    const idle: LoadProfile = {
      model: 'open',
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnitMs: 1000,
      stages: [{ target: 0, durationMs: 5000 }],
    };
    expect(() => resolveTraffic({ file, load: idle }, {})).toThrow(
      /suite\.yaml: load\.open starts no requests/,
    );
  });
});
