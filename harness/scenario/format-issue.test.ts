import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/config/yaml/index.js';
import { formatIssue } from './format-issue.js';

describe('formatIssue', () => {
  const issue = {
    file: 's.yaml',
    line: 12,
    column: 7,
    path: 'requests[3].expect.path',
    message: 'bad',
  };

  it('leads with file:line:column and ends with the fix', () => {
    expect(formatIssue({ ...issue, fix: 'use simple' })).toBe(
      's.yaml:12:7 requests[3].expect.path: bad (fix: use simple)',
    );
  });

  it('leaves out an empty path and a missing fix', () => {
    expect(formatIssue({ ...issue, path: '' })).toBe('s.yaml:12:7 bad');
  });
});

describe('didYouMean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('expcet', 'expect')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('finds typos, case and separator slips', () => {
    const keys = ['maxLatencyMs', 'maxCostUsd', 'expect'];
    expect(didYouMean('expcet', keys)).toBe('expect');
    expect(didYouMean('max_latency_ms', keys)).toBe('maxLatencyMs');
  });

  it('stays quiet when nothing is close', () => {
    expect(didYouMean('owner', ['name', 'description'])).toBeUndefined();
  });
});
