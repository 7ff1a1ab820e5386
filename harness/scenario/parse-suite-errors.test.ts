import { describe, expect, it } from 'vitest';
import { parseSuite } from './parse-suite.js';
import type { SuiteIssue } from './types.js';

/** Parses lines joined by newlines, so line N of the file is lines[N - 1]. */
function issues(...lines: string[]): SuiteIssue[] {
  const result = parseSuite(lines.join('\n'), 'x.yaml');
  if (result.state === 'ok') throw new Error('expected the suite to be invalid');
  return result.issues;
}

const head = ['suite:', '  name: tiny', 'requests:'];

describe('parseSuite reports schema problems where they are', () => {
  it('names the allowed values for a wrong enum', () => {
    const [issue, ...rest] = issues(
      ...head,
      '  - id: hello',
      '    messages: hi',
      '    expect:',
      '      path: simple',
      '      outcome: resolvd',
    );
    expect(rest).toEqual([]);
    expect(issue).toEqual({
      file: 'x.yaml',
      line: 8,
      column: 16,
      path: 'requests[0].expect.outcome',
      message: 'invalid value "resolvd"',
      fix: 'did you mean "resolved"? allowed: resolved | escalated',
    });
  });

  it('points a missing field at the key of its parent mapping', () => {
    const found = issues(
      ...head,
      '  - id: hello',
      '    messages: hi',
      '    expect:',
      '      outcome: resolved',
    );
    expect(found).toEqual([
      expect.objectContaining({
        line: 6,
        column: 5,
        path: 'requests[0].expect.path',
        message: 'missing required field "path"',
        fix: 'add path: one of simple | complex | full',
      }),
    ]);
  });

  it('points a field missing from a list item at the item', () => {
    const [issue] = issues(...head, '  - id: hello', '    messages: hi');
    expect(issue).toMatchObject({ line: 4, column: 5, path: 'requests[0].expect' });
  });

  it('points a missing top-level field at the first line', () => {
    const [issue] = issues('suite: { name: tiny }');
    expect(issue).toMatchObject({
      line: 1,
      column: 1,
      path: 'requests',
      fix: 'add requests: a list',
    });
  });

  it('suggests the known key closest to an unknown one, without a "missing" twin', () => {
    const found = issues(
      ...head,
      '  - id: hello',
      '    messages: hi',
      '    expcet: { path: simple, outcome: resolved }',
    );
    expect(found).toEqual([
      {
        file: 'x.yaml',
        line: 6,
        column: 5,
        path: 'requests[0].expcet',
        message: 'unknown key "expcet"',
        fix: 'did you mean "expect"?',
      },
    ]);
  });

  it('lists the allowed keys when no known key is close', () => {
    const [issue] = issues('suite: { name: tiny, owner: me }', 'requests: []');
    expect(issue).toMatchObject({ line: 1, column: 22, path: 'suite.owner' });
    expect(issue?.fix).toBe('allowed keys here: name, description, version');
  });

  it.each([
    ['weight: "2"', 'requests[0].weight', 'expected a number, got "2"', 'remove the quotes: 2'],
    ['tags: faq', 'requests[0].tags', 'expected a list, got "faq"', 'write a list: [faq]'],
    ['userId: 42', 'requests[0].userId', 'expected a string, got 42', 'quote it: "42"'],
    ['weight: 0', 'requests[0].weight', 'must be greater than 0', 'use a positive number'],
  ])('explains a wrong value: %s', (line, path, message, fix) => {
    const [issue] = issues(
      ...head,
      '  - id: hello',
      '    messages: hi',
      `    ${line}`,
      '    expect: { path: full, outcome: resolved }',
    );
    expect(issue).toMatchObject({ line: 6, path, message, fix });
    expect(issue?.column).toBe(line.indexOf(':') + 7);
  });

  it('asks for a whole number of repetitions', () => {
    const [issue] = issues(
      'suite: { name: tiny }',
      'defaults:',
      '  repetitions: 1.5',
      'requests: []',
    );
    expect(issue).toMatchObject({
      line: 3,
      column: 16,
      path: 'defaults.repetitions',
      message: 'expected an integer, got 1.5',
      fix: 'use a whole number, e.g. 2',
    });
  });

  it('suggests a kebab-case id', () => {
    const [issue] = issues(
      ...head,
      '  - id: Shipping Time',
      '    messages: hi',
      '    expect: { path: simple, outcome: resolved }',
    );
    expect(issue).toMatchObject({
      line: 4,
      column: 9,
      message: '"Shipping Time" is not kebab-case',
    });
    expect(issue?.fix).toContain('"shipping-time"');
  });

  it('reports a bad role inside a conversation, not the whole union', () => {
    const [issue, ...rest] = issues(
      ...head,
      '  - id: hello',
      '    messages:',
      '      - { role: usr, content: hi }',
      '    expect: { path: simple, outcome: resolved }',
    );
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ line: 6, column: 17, path: 'requests[0].messages[0].role' });
    expect(issue?.fix).toContain('did you mean "user"?');
  });

  it('says what messages may be when it is neither a string nor a list', () => {
    const [issue] = issues(
      ...head,
      '  - id: hello',
      '    messages: 5',
      '    expect: { path: simple, outcome: resolved }',
    );
    expect(issue?.message).toBe('expected a string or a list, got 5');
  });

  it('checks the SLA keys against the path names', () => {
    const found = issues(
      'suite: { name: tiny }',
      'sla:',
      '  simpel: { latency: { stat: p999, maxMs: 3000 } }',
      'requests: []',
    );
    expect(found.map((i) => [i.line, i.column, i.path, i.fix])).toEqual([
      [3, 3, 'sla.simpel', 'did you mean "simple"?'],
      [4, 11, 'requests', 'add at least 1 item'],
    ]);
  });

  it('lists the cost statistics for a wrong one', () => {
    const [issue] = issues(
      'suite: { name: tiny }',
      'sla:',
      '  full: { cost: { stat: average, maxUsd: 0.065 } }',
      'requests: []',
    );
    expect(issue).toMatchObject({ line: 3, column: 25, path: 'sla.full.cost.stat' });
    expect(issue?.fix).toBe('use one of: mean | p50 | p90 | p95 | p99 | max');
  });
});
