import { describe, expect, it } from 'vitest';
import { parseExposition, sampleValue } from './parse-exposition.js';

const TEXT = `# HELP x_total Things.
# TYPE x_total counter
x_total{a="1",b="two"} 3
x_total{a="1",b="three"} 4
x_total{a="q\\"uote\\\\d\\nline"} 1
up 1 1700000000000
h_bucket{le="+Inf"} 5
not a sample line
`;

describe('parseExposition', () => {
  it('reads names, labels and values, skipping comments and unknown lines', () => {
    const samples = parseExposition(TEXT);
    expect(samples).toHaveLength(5);
    expect(samples[0]).toEqual({ name: 'x_total', labels: { a: '1', b: 'two' }, value: 3 });
    expect(samples[3]).toEqual({ name: 'up', labels: {}, value: 1 });
  });

  it('unescapes label values', () => {
    const samples = parseExposition(TEXT);
    expect(samples[2]?.labels.a).toBe('q"uote\\d\nline');
    expect(samples[4]?.labels.le).toBe('+Inf');
  });

  it('sums the samples that carry every requested label', () => {
    const samples = parseExposition(TEXT);
    expect(sampleValue(samples, 'x_total', { a: '1' })).toBe(7);
    expect(sampleValue(samples, 'x_total', { b: 'two' })).toBe(3);
    expect(sampleValue(samples, 'x_total', { b: 'none' })).toBe(0);
    expect(sampleValue(samples, 'missing')).toBe(0);
  });
});
