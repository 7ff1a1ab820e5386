import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from './json-syntax-error.js';

describe('jsonSyntaxError', () => {
  it.each([
    '{"a": [1, -2.5e3, true, false, null, {"b": "\\u00e9\\n\\"q\\""}]}',
    ' {} ',
    '"just a string"',
    '0',
  ])('finds nothing wrong in JSON: %s', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(jsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 8, 'expected a "key" after ","', 'remove the trailing comma'],
    ['[1, 2,]', 6, 'expected a value after ","', 'remove the trailing comma'],
    ['{a: 1}', 1, `expected a "key", got 'a'`, 'put keys in double quotes'],
    ['{"a": \'x\'}', 6, `unexpected "'"`, 'JSON strings use double quotes'],
    ['{"a": True}', 6, `expected a value, got 'True'`, 'write true'],
    [
      '{"a": 1 "b": 2}',
      8,
      `expected "," or "}" after a value, got '"'`,
      'add a comma between the fields',
    ],
    ['[1 2]', 3, `expected "," or "]" after a value, got '2'`, 'add a comma between the items'],
    ['{"a": "\\x"}', 8, 'bad escape \\x', 'write \\\\ for a backslash'],
    ['{"a": "line\nbreak"}', 11, 'a control character in a string', 'write \\n for a line break'],
    [
      '{"a": 01}',
      7,
      `expected "," or "}" after a value, got '1'`,
      'add a comma between the fields',
    ],
    ['{"a": 1} {}', 9, `unexpected '{' after the end of the value`, 'one JSON value per line'],
    ['{"a": [1, 2}', 11, `expected "," or "]" after a value, got '}'`, undefined],
  ])('places %j at offset %i', (text, offset, message, fix) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(jsonSyntaxError(text)).toEqual(
      fix === undefined ? { offset, message } : { offset, message, fix },
    );
  });

  it('points one past the end when the text stops early', () => {
    expect(jsonSyntaxError('{"a": "b')).toEqual({
      offset: 8,
      message: 'the line ends too early',
      fix: 'close every {, [ and "',
    });
  });
});
