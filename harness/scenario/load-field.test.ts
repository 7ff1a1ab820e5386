import { describe, expect, it } from 'vitest';
import { parseSuite } from './parse-suite.js';
import type { Suite, SuiteIssue } from './types.js';

const requests = [
  'requests:',
  '  - id: hello',
  '    messages: hi',
  '    expect: { path: simple, outcome: resolved }',
];

/** A suite whose `load:` section is `lines`, starting at line 2 of the file. */
function parse(...lines: string[]) {
  return parseSuite(['suite: { name: tiny }', ...lines, ...requests].join('\n'), 'x.yaml');
}
function ok(...lines: string[]): Suite {
  const result = parse(...lines);
  if (result.state !== 'ok') throw new Error(JSON.stringify(result.issues, null, 2));
  return result.suite;
}
function issues(...lines: string[]): SuiteIssue[] {
  const result = parse(...lines);
  if (result.state === 'ok') throw new Error('expected the suite to be invalid');
  return result.issues;
}
const where = (found: SuiteIssue[]) =>
  found.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message} (fix: ${i.fix})`);

describe('a suite with load', () => {
  it('has no load unless it asks for one', () => {
    expect(ok().load).toBeUndefined();
  });

  it('resolves a closed model', () => {
    expect(ok('load: { closed: { concurrency: 4, requests: 200 } }').load).toEqual({
      model: 'closed',
      concurrency: 4,
      requests: 200,
    });
  });

  it('resolves a constant arrival rate, timeUnit defaulting to 1s', () => {
    const load = ok(
      'load:',
      '  open: { executor: constant-arrival-rate, rate: 20, duration: 1m30s }',
    ).load;
    expect(load).toEqual({
      model: 'open',
      executor: 'constant-arrival-rate',
      rate: 20,
      timeUnitMs: 1000,
      durationMs: 90_000,
    });
  });

  it('resolves a ramping arrival rate with its stages in ms', () => {
    const load = ok(
      'load:',
      '  open:',
      '    executor: ramping-arrival-rate',
      '    timeUnit: 1m',
      '    stages: [{ target: 60, duration: 30s }, { target: 120, duration: 1h30m }]',
    ).load;
    expect(load).toEqual({
      model: 'open',
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnitMs: 60_000,
      stages: [
        { target: 60, durationMs: 30_000 },
        { target: 120, durationMs: 5_400_000 },
      ],
    });
  });
});

describe('a suite with a wrong load', () => {
  it('names a duration without a unit and offers one', () => {
    const found = issues(
      'load:',
      '  open: { executor: constant-arrival-rate, rate: 5, duration: 30 }',
    );
    expect(where(found)).toEqual([
      '3:63 load.open.duration: 30 is not a duration (fix: write 30s)',
    ]);
  });

  it.each([
    ['"2 min"', '"2 min" is not a duration', 'write 2m'],
    ['1H', '"1H" is not a duration', 'write 1h'],
    [
      'soon',
      '"soon" is not a duration',
      'write a number and a unit (ms, s, m, h), e.g. 30s, 2m or 1h30m',
    ],
    ['0s', 'must be longer than 0', 'e.g. 30s'],
  ])('explains the duration %s', (written, message, fix) => {
    const [issue, ...rest] = issues(
      'load:',
      '  open:',
      '    executor: ramping-arrival-rate',
      `    stages: [{ target: 5, duration: ${written} }]`,
    );
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ line: 5, column: 37, path: 'load.open.stages[0].duration' });
    expect(issue).toMatchObject({ message, fix });
  });

  it('suggests the model meant by an unknown key', () => {
    const [issue] = issues('load: { closd: { concurrency: 2, requests: 10 } }');
    expect(issue).toMatchObject({ line: 2, column: 9, path: 'load.closd' });
    expect(issue?.fix).toBe('did you mean "closed"?');
  });

  it('asks for one model, not both', () => {
    const found = issues(
      'load:',
      '  closed: { concurrency: 2, requests: 10 }',
      '  open: { executor: constant-arrival-rate, rate: 5, duration: 10s }',
    );
    expect(found).toEqual([
      expect.objectContaining({ line: 4, column: 3, message: 'give closed or open, not both' }),
    ]);
  });

  it('asks for a model when load is empty', () => {
    expect(where(issues('load: {}'))).toEqual([
      '2:7 load: load needs closed or open (fix: add closed: { concurrency, requests } or open: { executor, … })',
    ]);
  });

  it('names what an executor needs, and what belongs to the other one', () => {
    const found = issues(
      'load:',
      '  open:',
      '    executor: constant-arrival-rate',
      '    stages: [{ target: 5, duration: 10s }]',
    );
    expect(where(found)).toEqual([
      '3:3 load.open.rate: constant-arrival-rate needs rate (fix: add rate: requests started per timeUnit, e.g. 10)',
      '3:3 load.open.duration: constant-arrival-rate needs duration (fix: add duration: how long to keep the rate, e.g. 30s)',
      '5:5 load.open.stages: used by ramping-arrival-rate, not by constant-arrival-rate (fix: remove stages, or set executor: ramping-arrival-rate)',
    ]);
  });

  it('lists the executors and time units for wrong ones', () => {
    const found = issues(
      'load:',
      '  open: { executor: constant-arival-rate, timeUnit: 1sec, rate: 5, duration: 10s }',
    );
    expect(found.map((i) => [i.path, i.fix])).toEqual([
      [
        'load.open.executor',
        'did you mean "constant-arrival-rate"? allowed: constant-arrival-rate | ramping-arrival-rate',
      ],
      ['load.open.timeUnit', 'use one of: 1s | 1m'],
    ]);
  });

  it('wants whole, positive numbers of workers and requests', () => {
    const found = issues('load: { closed: { concurrency: 0, requests: 2.5 } }');
    expect(found.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'load.closed.concurrency: must be at least 1',
      'load.closed.requests: expected an integer, got 2.5',
    ]);
  });
});
