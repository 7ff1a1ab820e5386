import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path.js';

describe('formatPath', () => {
  it('writes indexes in brackets and keys with dots', () => {
    expect(formatPath(['requests', 3, 'expect', 'path'])).toBe('requests[3].expect.path');
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['sla', 'max latency'])).toBe('sla["max latency"]');
  });
});
