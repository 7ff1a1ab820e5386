import { describe, expect, it } from 'vitest';
import { parseSuite } from './parse-suite.js';
import type { Suite, SuiteIssue } from './types.js';

const requests = [
  'requests:',
  '  - id: hello',
  '    messages: hi',
  '    expect: { path: simple, outcome: resolved }',
];

function parse(head: string[]) {
  return parseSuite([...head, ...requests].join('\n'), 'x.yaml');
}
function ok(...head: string[]): Suite {
  const result = parse(head);
  if (result.state !== 'ok') throw new Error(JSON.stringify(result.issues, null, 2));
  return result.suite;
}
function issues(...head: string[]): SuiteIssue[] {
  const result = parse(head);
  if (result.state === 'ok') throw new Error('expected the suite to be invalid');
  return result.issues;
}

describe('suite.version', () => {
  it('is "1" unless the suite says otherwise', () => {
    expect(ok('suite: { name: tiny }').version).toBe('1');
    expect(ok('suite: { name: tiny, version: "2024.06" }').version).toBe('2024.06');
  });

  it('must be written as a string', () => {
    const [issue] = issues('suite: { name: tiny, version: 2 }');
    expect(issue).toMatchObject({
      line: 1,
      column: 31,
      path: 'suite.version',
      message: 'expected a string, got 2',
      fix: 'quote it: "2"',
    });
  });
});

describe('faults', () => {
  it('keeps a built-in profile name, or a file, for the harness to resolve', () => {
    expect(ok('suite: { name: tiny }', 'faults: mixed-20').faults).toBe('mixed-20');
    expect(ok('suite: { name: tiny }', 'faults: profiles/peak.yaml').faults).toBe(
      'profiles/peak.yaml',
    );
  });

  it('suggests the built-in profile meant by a typo', () => {
    const [issue] = issues('suite: { name: tiny }', 'faults: mixed-2');
    expect(issue).toMatchObject({ line: 2, column: 9, path: 'faults' });
    expect(issue?.message).toBe('unknown fault profile "mixed-2"');
    expect(issue?.fix).toMatch(/^did you mean "mixed-20"\? built-in profiles: none \| mixed-20/);
  });

  it('validates an inline profile and applies its defaults', () => {
    const suite = ok(
      'suite: { name: tiny }',
      'faults:',
      '  name: peak',
      '  rules: [{ fault: rate_limit, probability: 0.1, params: { retryAfterMs: 500 } }]',
    );
    expect(suite.faults).toEqual({
      name: 'peak',
      description: '',
      rules: [{ fault: 'rate_limit', probability: 0.1, params: { retryAfterMs: 500 } }],
    });
  });

  it('reports each problem of an inline profile at its line, with the keys of its fault', () => {
    const found = issues(
      'suite: { name: tiny }',
      'faults:',
      '  name: peak',
      '  rules:',
      '    - { fault: rate_limt, probability: 0.1 }',
      '    - { fault: stall_mid_stream, probability: 2, params: { stalMs: 300 } }',
      '    - { probability: 0.1 }',
    );
    expect(found.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`)).toEqual([
      '5:16 faults.rules[0].fault: invalid value "rate_limt"',
      '6:47 faults.rules[1].probability: must be at most 1',
      '6:60 faults.rules[1].params.stalMs: unknown key "stalMs"',
      '7:7 faults.rules[2].fault: missing required field "fault"',
    ]);
    expect(found[0]?.fix).toMatch(/^did you mean "rate_limit"\? allowed: rate_limit \| /);
    expect(found[2]?.fix).toBe('did you mean "stallMs"?');
    expect(found[3]?.fix).toMatch(/^add fault: one of rate_limit \| server_error \| /);
  });

  it('takes agent and scenario matches as lists, and names the field when one is not', () => {
    const suite = ok(
      'suite: { name: tiny }',
      'faults:',
      '  name: one-agent',
      '  rules:',
      '    - fault: server_error',
      '      probability: 1',
      '      match: { scenarios: [hello], agents: [technical-support] }',
    );
    expect(typeof suite.faults === 'object' && suite.faults.rules[0]?.match).toEqual({
      scenarios: ['hello'],
      agents: ['technical-support'],
    });
    const found = issues(
      'suite: { name: tiny }',
      'faults:',
      '  name: one-agent',
      '  rules: [{ fault: server_error, probability: 1, match: { agents: x } }]',
    );
    expect(found.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`)).toEqual([
      '4:67 faults.rules[0].match.agents: expected a list, got "x"',
    ]);
    expect(found[0]?.fix).toBe('write a list: [x]');
  });
});
