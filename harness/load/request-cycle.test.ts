import { describe, expect, it } from 'vitest';
import { parseSuite } from '../scenario/index.js';
import { loadRequestsOf, weightedCycle } from './request-cycle.js';

describe('weightedCycle', () => {
  it('walks equal weights in order, over and over', () => {
    const next = weightedCycle(['a', 'b', 'c'], [1, 1, 1]);
    expect(Array.from({ length: 7 }, next).join('')).toBe('abcabca');
  });

  it('gives each item its share, spread out, in a deterministic order', () => {
    const next = weightedCycle(['a', 'b'], [2, 1]);
    expect(Array.from({ length: 9 }, next).join('')).toBe('abaabaaba');
    const many = weightedCycle(['x', 'y', 'z'], [0.5, 0.25, 0.25]);
    const counts = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const item = many();
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ x: 200, y: 100, z: 100 });
  });

  it('refuses no items, missing weights and weights that are not positive', () => {
    expect(() => weightedCycle([], [])).toThrow(RangeError);
    expect(() => weightedCycle(['a'], [])).toThrow(RangeError);
    expect(() => weightedCycle(['a', 'b'], [1, 0])).toThrow(RangeError);
  });
});

describe('loadRequestsOf', () => {
  it('sends the labelled path as the forced one, and none for unlabelled recorded traffic', () => {
    const yaml = parseSuite(
      `suite: { name: t }
requests:
  - id: one
    messages: How long does shipping take?
    weight: 3
    expect: { path: simple, outcome: resolved }
`,
      't.yaml',
    );
    const jsonl = parseSuite(
      '{"atMs": 0, "userId": "u-1", "messages": [{"role": "user", "content": "hi"}]}\n',
      't.jsonl',
    );
    if (yaml.state !== 'ok' || jsonl.state !== 'ok') throw new Error('fixture suites must parse');
    const [labelled] = loadRequestsOf(yaml.suite, { stream: true });
    expect(labelled).toMatchObject({ id: 'one', path: 'simple', weight: 3 });
    expect(JSON.parse(labelled?.body ?? '')).toEqual({
      model: 'hybrid-bench',
      messages: [{ role: 'user', content: 'How long does shipping take?' }],
      stream: true,
    });
    const [recorded] = loadRequestsOf(jsonl.suite, { stream: false });
    expect(recorded?.path).toBeUndefined();
    expect(JSON.parse(recorded?.body ?? '')).toMatchObject({ user: 'u-1' });
    expect(JSON.parse(recorded?.body ?? '').stream).toBeUndefined();
  });
});
