import { describe, expect, it } from 'vitest';
import { parseSuite } from './parse-suite.js';
import type { SuiteIssue } from './types.js';

function issues(...lines: string[]): SuiteIssue[] {
  const result = parseSuite(lines.join('\n'), 'x.yaml');
  if (result.state === 'ok') throw new Error('expected the suite to be invalid');
  return result.issues;
}

const head = ['suite:', '  name: tiny', 'requests:'];
const simple = '    expect: { path: simple, outcome: resolved }';

describe('parseSuite checks what the schema cannot', () => {
  it('rejects a duplicate id, citing the line of its first use', () => {
    const found = issues(
      ...head,
      '  - id: same',
      '    messages: a',
      simple,
      '  - id: same',
      '    messages: b',
      simple,
    );
    expect(found).toEqual([
      {
        file: 'x.yaml',
        line: 7,
        column: 9,
        path: 'requests[1].id',
        message: 'duplicate id "same"',
        fix: 'ids must be unique: first used at line 4',
      },
    ]);
  });

  it('rejects a regex that does not compile, at its line', () => {
    const [issue] = issues(
      ...head,
      '  - id: a',
      '    messages: a',
      '    expect:',
      '      path: simple',
      '      outcome: resolved',
      "      regex: 'ORD-(\\d{5}'",
    );
    expect(issue).toMatchObject({ line: 9, column: 14, path: 'requests[0].expect.regex' });
    expect(issue?.message).toMatch(/^invalid regular expression: .*unterminated group/i);
  });

  it('requires the conversation to end with the user', () => {
    const [issue] = issues(
      ...head,
      '  - id: a',
      '    messages:',
      '      - { role: user, content: hi }',
      '      - { role: assistant, content: hello }',
      simple,
    );
    expect(issue).toMatchObject({
      line: 7,
      column: 17,
      path: 'requests[0].messages[1].role',
      message: 'the last message must be from the user, not the assistant',
    });
  });

  it('rejects handoffs on a path that has no agents to hand off to', () => {
    const [issue] = issues(
      ...head,
      '  - id: a',
      '    messages: a',
      '    expect: { path: simple, outcome: resolved, handoffs: [escalation] }',
    );
    expect(issue).toMatchObject({ line: 6, path: 'requests[0].expect.handoffs' });
    expect(issue?.fix).toBe('remove handoffs, or set expect.path: full');
  });

  it('rejects a phrase that must both appear and not appear', () => {
    const [issue] = issues(
      ...head,
      '  - id: a',
      '    messages: a',
      '    expect: { path: simple, outcome: resolved, contains: [Refund], notContains: [x, refund] }',
    );
    expect(issue).toMatchObject({ path: 'requests[0].expect.notContains[1]' });
  });

  it('still runs when the schema has failed, so all problems show at once', () => {
    const found = issues(
      ...head,
      '  - id: same',
      '    messages: a',
      '    expect: { path: simpel, outcome: resolved }',
      '  - id: same',
      '    weight: -1',
      '    messages: b',
      "    expect: { path: full, outcome: resolved, regex: '[' }",
    );
    expect(found.map((i) => `${i.line}:${i.column} ${i.path}`)).toEqual([
      '6:21 requests[0].expect.path',
      '7:9 requests[1].id',
      '8:13 requests[1].weight',
      '10:53 requests[1].expect.regex',
    ]);
  });
});
