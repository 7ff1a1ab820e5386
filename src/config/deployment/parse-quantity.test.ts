import { describe, expect, it } from 'vitest';
import { parseQuantity } from './parse-quantity.js';

describe('parseQuantity', () => {
  it('reads Kubernetes quantities', () => {
    expect(parseQuantity('250m')).toBe(0.25);
    expect(parseQuantity('1')).toBe(1);
    expect(parseQuantity(1.5)).toBe(1.5);
    expect(parseQuantity('512Mi')).toBe(512 * 2 ** 20);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('.5')).toBe(0.5);
  });

  it('refuses what Kubernetes would refuse', () => {
    for (const text of ['one', '1 Gi', '1gi', '1GB', '-1', ''])
      expect(parseQuantity(text)).toBeUndefined();
  });
});
