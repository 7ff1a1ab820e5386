import { describe, expect, it } from 'vitest';
import { mergeOverrides } from './merge-overrides.js';

describe('mergeOverrides', () => {
  const base = Object.freeze({ a: { b: 1, c: [1, 2] }, d: 'x' });

  it('merges mappings key by key and replaces lists', () => {
    expect(mergeOverrides(base, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] }, d: 'x' });
  });

  it('removes keys set to null, at any depth', () => {
    expect(mergeOverrides(base, { d: null, a: { b: null }, e: { f: null, g: 1 } })).toEqual({
      a: { c: [1, 2] },
      e: { g: 1 },
    });
  });

  it('leaves both inputs untouched', () => {
    const overrides = { a: { b: 2 } };
    const merged = mergeOverrides(base, overrides) as { a: { b: number } };
    merged.a.b = 9;
    expect(base.a.b).toBe(1);
    expect(overrides.a.b).toBe(2);
  });
});
