import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.js';

describe('createSeededRandom', () => {
  it('repeats its numbers for the same parts', () => {
    const a = createSeededRandom([1, 'x', 3]);
    const b = createSeededRandom([1, 'x', 3]);
    expect([a.float(), a.int(0, 100), a.normal()]).toEqual([b.float(), b.int(0, 100), b.normal()]);
  });

  it('differs when any part differs', () => {
    expect(createSeededRandom([1, 'x']).float()).not.toBe(createSeededRandom([1, 'y']).float());
    expect(createSeededRandom([1, 'x']).float()).not.toBe(createSeededRandom([2, 'x']).float());
  });

  it('draws standard normals', () => {
    const random = createSeededRandom(['normal']);
    const values = Array.from({ length: 20_000 }, () => random.normal());
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createSeededRandom([0]).pick([])).toThrow(RangeError);
  });
});
