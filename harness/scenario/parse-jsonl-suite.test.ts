import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from './format-issue.js';
import { parseSuite } from './parse-suite.js';
import type { Suite, SuiteIssue } from './types.js';

const user = (content: string) => JSON.stringify([{ role: 'user', content }]);
const line = (fields: string) => `{${fields}}`;

function ok(text: string, file = 'traffic.jsonl'): Suite {
  const result = parseSuite(text, file);
  if (result.state !== 'ok') throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.suite;
}
function issues(...lines: string[]): SuiteIssue[] {
  const result = parseSuite(lines.join('\n'), 't.jsonl');
  if (result.state === 'ok') throw new Error('expected the file to be invalid');
  return result.issues;
}

describe('parseSuite on recorded traffic (.jsonl)', () => {
  it('reads the sample recording in scenarios/', () => {
    const file = new URL('../../scenarios/recorded-sample.jsonl', import.meta.url);
    const suite = ok(readFileSync(file, 'utf8'), 'scenarios/recorded-sample.jsonl');
    expect(suite).toMatchObject({ name: 'recorded-sample', version: '1', repetitions: 1, sla: {} });
    expect(suite.requests).toHaveLength(12);
    expect(suite.requests.at(-1)?.atMs).toBeGreaterThan(9000);
  });

  it('turns each line into a request named after its line, skipping blank lines', () => {
    const text = [
      line(`"atMs": 0, "userId": "u-1", "messages": ${user('Where is ORD-10001?')}`),
      '',
      '   ',
      line(`"atMs": 1500.5, "messages": ${user('Hi')}, "expectedPath": "complex"`),
    ].join('\r\n');
    const suite = ok(`\uFEFF${text}\n`, 'recordings/Peak Hour_2024.jsonl');
    expect(suite.name).toBe('peak-hour-2024');
    expect(suite.requests).toEqual([
      {
        id: 'line-1',
        tags: [],
        weight: 1,
        userId: 'u-1',
        messages: [{ role: 'user', content: 'Where is ORD-10001?' }],
        metadata: {},
        expect: {
          path: 'complex',
          pathSource: 'router',
          contains: [],
          notContains: [],
          toolsCalled: [],
        },
        line: 1,
        atMs: 0,
      },
      expect.objectContaining({ id: 'line-4', line: 4, atMs: 1500.5 }),
    ]);
    expect(suite.requests[1]?.expect).toMatchObject({ path: 'complex', pathSource: 'label' });
    expect(suite.requests[1]?.expect).not.toHaveProperty('outcome');
  });

  it('labels unlabelled lines with the path the default router picks', () => {
    const suite = ok(
      [
        line(`"messages": ${user('Do gift cards expire?')}`),
        line(`"messages": ${user('I want a refund for order ORD-10002')}`),
        line(`"messages": ${user('My router DEV-2001 keeps dropping the connection')}`),
        line(`"messages": ${user('My router is fine, thanks')}, "expectedPath": "simple"`),
      ].join('\n'),
    );
    expect(suite.requests.map((r) => `${r.expect.path}/${r.expect.pathSource}`)).toEqual([
      'simple/router',
      'complex/router',
      'full/router',
      'simple/label',
    ]);
  });
});

describe('parseSuite on bad recorded traffic', () => {
  it('says where a line stops being JSON', () => {
    expect(issues(`{"atMs": 0 "messages": []}`)).toEqual([
      {
        file: 't.jsonl',
        line: 1,
        column: 12,
        path: '',
        message: `not valid JSON: expected "," or "}" after a value, got '"'`,
        fix: 'add a comma between the fields',
      },
    ]);
  });

  it.each([
    ['hello', 1, `expected a value, got 'hello'`],
    [`{"messages": [], }`, 18, `expected a "key" after ","`],
    [`{'messages': []}`, 2, `expected a "key", got "'"`],
    [`{"messages": [{"role": "user", "content": "hi"}]`, 49, 'the line ends too early'],
    [`{"a": tru}`, 7, `expected a value, got 'tru'`],
  ])('reports %s with the parser position', (text, column, reason) => {
    const [issue] = issues(text);
    expect(issue).toMatchObject({ line: 1, column, message: `not valid JSON: ${reason}` });
  });

  it('wants an object on each line', () => {
    const [issue] = issues('[1, 2]');
    expect(issue?.message).toBe('each line must be a JSON object, not an array');
  });

  it('points a wrong type at its field, in JSON words', () => {
    const [issue] = issues(line(`"atMs": "5", "messages": "hi"`));
    expect(issue).toMatchObject({
      column: 10,
      path: 'atMs',
      message: 'expected a number, got "5"',
    });
    expect(issues(line(`"messages": "hi"`))[0]).toMatchObject({
      column: 14,
      path: 'messages',
      message: 'expected an array, got "hi"',
      fix: 'write [{"role": "user", "content": "hi"}]',
    });
  });

  it('suggests the known key closest to an unknown one', () => {
    const [issue] = issues(line(`"messages": ${user('hi')}, "expected_path": "simple"`));
    expect(issue).toMatchObject({
      column: 48,
      path: 'expected_path',
      message: 'unknown key "expected_path"',
      fix: 'did you mean "expectedPath"?',
    });
  });

  it('lists the path names for an unknown one', () => {
    const [issue] = issues(line(`"messages": ${user('hi')}, "expectedPath": "medium"`));
    expect(issue).toMatchObject({
      column: 64,
      path: 'expectedPath',
      message: 'invalid value "medium"',
      fix: 'use one of: simple | complex | full',
    });
  });

  it('points inside a conversation', () => {
    const [issue] = issues(line(`"messages": [{"role": "usr", "content": "hi"}]`));
    expect(issue).toMatchObject({ column: 24, path: 'messages[0].role' });
    expect(issue?.fix).toContain('did you mean "user"?');
  });

  it('reports an arrival that goes back in time at the line that does it', () => {
    const found = issues(
      line(`"atMs": 0, "messages": ${user('a')}`),
      line(`"atMs": 900, "messages": ${user('b')}`),
      line(`"atMs": 400, "messages": ${user('c')}`),
      line(`"atMs": -1, "messages": ${user('d')}`),
    );
    expect(found.map(formatIssue)).toEqual([
      't.jsonl:3:10 atMs: atMs 400 is earlier than 900 on line 2 (fix: sort the lines by atMs: recorded traffic is replayed in order)',
      't.jsonl:4:10 atMs: must be at least 0',
    ]);
  });

  it('wants arrival times on every line or none', () => {
    const found = issues(
      line(`"atMs": 0, "messages": ${user('a')}`),
      line(`"messages": ${user('b')}`),
    );
    expect(found).toEqual([
      expect.objectContaining({ line: 2, column: 1, message: 'missing atMs: line 1 has one' }),
    ]);
  });

  it('reports an empty file', () => {
    expect(issues('', '  ', '')).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: 'the file has no requests' }),
    ]);
  });

  it('reports every problem of every line at once, in order', () => {
    const found = issues(
      line(`"atMs": 100, "messages": [{"role": "user"}]`),
      'not json',
      line(`"atMs": 50, "messages": ${user('hi')}, "expectedPath": "medium", "tags": []`),
      line(
        `"atMs": 200, "messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]`,
      ),
    );
    expect(found.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`)).toEqual([
      '1:28 messages[0].content: missing required field "content"',
      `2:1 : not valid JSON: expected a value, got 'not'`,
      '3:10 atMs: atMs 50 is earlier than 100 on line 1',
      '3:76 expectedPath: invalid value "medium"',
      '3:86 tags: unknown key "tags"',
      '4:71 messages[1].role: the last message must be from the user, not the assistant',
    ]);
  });
});
