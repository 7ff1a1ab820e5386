import { describe, expect, it } from 'vitest';
import { closedSchedule, openSchedule, slotsIn } from './send-schedule.js';

describe('openSchedule', () => {
  it('puts slot k at start + k / rate, whatever the caller’s time, until the end', () => {
    const schedule = openSchedule({ startMs: 1000, endMs: 2000, rate: 4 });
    const slots = [500, 5000, 0, 1999, 3000].map((now) => schedule.next(now));
    expect(slots.map((s) => s?.atMs)).toEqual([1000, 1250, 1500, 1750, undefined]);
    expect(slots.map((s) => s?.index)).toEqual([0, 1, 2, 3, undefined]);
    expect(schedule.issued).toBe(4);
    expect(schedule.loop).toBe('open');
  });

  it('keeps fractional intervals exact over many slots', () => {
    const schedule = openSchedule({ startMs: 0, endMs: 1000, rate: 3 });
    const times: number[] = [];
    for (let s = schedule.next(0); s; s = schedule.next(0)) times.push(s.atMs);
    expect(times).toHaveLength(3);
    expect(times[2]).toBeCloseTo(666.667, 3);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => openSchedule({ startMs: 0, endMs: 1, rate: 0 })).toThrow(RangeError);
    expect(() => openSchedule({ startMs: 0, endMs: 1, rate: Number.NaN })).toThrow(RangeError);
  });
});

describe('closedSchedule', () => {
  it('gives a slot at the asking time until the end', () => {
    const schedule = closedSchedule({ endMs: 100 });
    expect(schedule.next(5)).toEqual({ index: 0, atMs: 5 });
    expect(schedule.next(99)).toEqual({ index: 1, atMs: 99 });
    expect(schedule.next(100)).toBeUndefined();
    expect(schedule.issued).toBe(2);
  });
});

describe('slotsIn', () => {
  it('counts the slots of a window, as the schedule hands them out', () => {
    expect(slotsIn(0, 4, 0, 1000)).toBe(4);
    expect(slotsIn(0, 4, 250, 1000)).toBe(3);
    expect(slotsIn(0, 4, 251, 1000)).toBe(2);
    expect(slotsIn(0, 200, 1000, 21_000)).toBe(4000);
    expect(slotsIn(0, 3, 1000, 2000)).toBe(3);
  });
});
