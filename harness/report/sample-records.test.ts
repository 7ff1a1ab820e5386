import { describe, expect, it } from 'vitest';
import { sampleRecords } from './sample-records.js';

const records = (n: number, failing: (i: number) => boolean) =>
  Array.from({ length: n }, (_, i) => ({ i, success: !failing(i) }));

describe('sampleRecords', () => {
  it('keeps every record when they fit', () => {
    expect(
      sampleRecords(
        records(10, () => false),
        10,
      ),
    ).toHaveLength(10);
  });

  it('lists failures first (up to half), then an even spread, in run order', () => {
    const all = records(1_000, (i) => i % 100 === 7); // 10 failures
    const listed = sampleRecords(all, 100);
    expect(listed).toHaveLength(100);
    expect(listed.filter((r) => !r.success)).toHaveLength(10);
    expect(listed.map((r) => r.i)).toEqual([...listed.map((r) => r.i)].sort((a, b) => a - b));
    expect(listed.at(-1)?.i).toBeGreaterThan(900); // the spread reaches the end of the run
  });

  it('reserves no more than half the room for failures, and is the same every time', () => {
    const all = records(1_000, (i) => i < 600);
    const listed = sampleRecords(all, 100);
    // The first 50 failures, then 50 spread over the other 950 (failures among them too).
    expect(listed.slice(0, 50).map((r) => r.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(listed.filter((r) => r.success).length).toBeGreaterThan(15);
    expect(listed.at(-1)?.i).toBeGreaterThan(900);
    expect(sampleRecords(all, 100)).toEqual(listed);
  });
});
