import { describe, expect, it } from 'vitest';
import { parseSuite } from './parse-suite.js';
import type { SuiteIssue } from './types.js';

function issues(text: string): SuiteIssue[] {
  const result = parseSuite(text, 'x.yaml');
  if (result.state === 'ok') throw new Error('expected the suite to be invalid');
  return result.issues;
}

describe('parseSuite on files that are not suites at all', () => {
  it('reports a YAML syntax error at its line and column, with the field it sits in', () => {
    const [issue, ...rest] = issues(
      'suite:\n  name: tiny\nrequests:\n  - id: a\n    tags: [faq\n    messages: hi\n',
    );
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: 'x.yaml', line: 6, column: 5 });
    expect(issue?.path).toMatch(/^requests\[0\]\.tags/);
    expect(issue?.message).toMatch(/^YAML: .*end with a \]/);
  });

  it('explains a backslash in double quotes', () => {
    const [issue] = issues('suite: { name: tiny }\nrequests:\n  - regex: "ORD-\\d{5}"\n');
    expect(issue).toMatchObject({
      line: 3,
      column: 17,
      message: 'YAML: Invalid escape sequence \\d',
    });
    expect(issue?.fix).toContain('single quotes');
  });

  it('rejects a key given twice instead of keeping the last', () => {
    const [issue] = issues('suite: { name: tiny }\nsuite: { name: other }\nrequests: []\n');
    expect(issue).toMatchObject({ line: 2, column: 1, fix: 'remove one of the two keys' });
  });

  it('rejects an unknown tag instead of reading it as a string', () => {
    const [issue] = issues('suite: { name: !secret tiny }\nrequests: []\n');
    expect(issue).toMatchObject({ line: 1, column: 16, path: 'suite.name' });
  });

  it.each([
    ['an empty file', ''],
    ['a file of comments', '# nothing yet\n\n'],
  ])('reports %s at line 1', (_label, text) => {
    expect(issues(text)).toEqual([
      expect.objectContaining({ line: 1, column: 1, path: '', message: 'the file is empty' }),
    ]);
  });

  it('requires a mapping at the top level', () => {
    const [issue] = issues('# a list by mistake\n- id: a\n- id: b\n');
    expect(issue).toMatchObject({
      line: 2,
      column: 1,
      message: 'the top level must be a mapping, not a list',
    });
    expect(issue?.fix).toContain('requests');
  });
});
