import { describe, expect, it } from 'vitest';
import { arrivalSchedule } from './arrival-schedule.js';

const at = (...times: Array<number | undefined>) =>
  times.map((atMs, index) =>
    atMs === undefined ? { id: `r${index}` } : { id: `r${index}`, atMs },
  );

describe('arrivalSchedule', () => {
  it('sends each request at its recorded offset from the first', () => {
    expect(arrivalSchedule(at(1000, 1000, 1250, 4000))).toEqual([0, 0, 250, 3000]);
  });

  it('divides the offsets by the speed', () => {
    expect(arrivalSchedule(at(0, 500, 3000), { speed: 2 })).toEqual([0, 250, 1500]);
    expect(arrivalSchedule(at(0, 500, 3000), { speed: 0.5 })).toEqual([0, 1000, 6000]);
  });

  it('has no schedule for requests without arrival times (a YAML suite)', () => {
    expect(arrivalSchedule(at(undefined, undefined))).toBeUndefined();
    expect(arrivalSchedule([])).toBeUndefined();
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects --speed %s', (speed) => {
    expect(() => arrivalSchedule(at(0, 10), { speed })).toThrow(RangeError);
    expect(() => arrivalSchedule(at(0, 10), { speed })).toThrow(
      /--speed must be a positive number/,
    );
  });

  it('refuses to guess when only some requests have an arrival time', () => {
    expect(() => arrivalSchedule(at(0, undefined, 20))).toThrow(
      new RangeError('request r1 has no atMs, but others do: give all or none'),
    );
  });
});
