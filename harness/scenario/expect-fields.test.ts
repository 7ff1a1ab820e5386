import { describe, expect, it } from 'vitest';
import { parseSuite } from './parse-suite.js';
import type { Expectation, SuiteIssue } from './types.js';

const head = ['suite: { name: tiny }', 'requests:', '  - id: hello', '    messages: hi'];

function parse(expectLines: string[]) {
  return parseSuite([...head, ...expectLines].join('\n'), 'x.yaml');
}
function expectation(...expectLines: string[]): Expectation {
  const result = parse(expectLines);
  if (result.state !== 'ok') throw new Error(JSON.stringify(result.issues, null, 2));
  const [request] = result.suite.requests;
  if (request === undefined) throw new Error('no request');
  return request.expect;
}
function issues(...expectLines: string[]): SuiteIssue[] {
  const result = parse(expectLines);
  if (result.state === 'ok') throw new Error('expected the suite to be invalid');
  return result.issues;
}

describe('expect.escalated', () => {
  it.each([
    [true, 'escalated'],
    [false, 'resolved'],
  ])('escalated: %s is outcome %s', (escalated, outcome) => {
    const resolved = expectation(`    expect: { path: full, escalated: ${escalated} }`);
    expect(resolved.outcome).toBe(outcome);
    expect(resolved).not.toHaveProperty('escalated');
  });

  it('may not be given with outcome', () => {
    const [issue, ...rest] = issues(
      '    expect: { path: full, outcome: resolved, escalated: true }',
    );
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      line: 5,
      column: 46,
      path: 'requests[0].expect.escalated',
      message: 'give outcome or escalated, not both',
    });
  });

  it('or outcome is required in a YAML suite', () => {
    const [issue, ...rest] = issues('    expect: { path: full }');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      line: 5,
      column: 5,
      path: 'requests[0].expect.outcome',
      message: 'missing required field "outcome"',
      fix: 'add outcome: resolved | escalated (or escalated: true | false)',
    });
  });

  it('must be true or false', () => {
    const [issue] = issues('    expect: { path: full, escalated: yes please }');
    expect(issue).toMatchObject({ path: 'requests[0].expect.escalated', column: 38 });
    expect(issue?.message).toBe('expected true or false, got "yes please"');
  });

  it('labels the path of a YAML request as written', () => {
    expect(expectation('    expect: { path: full, escalated: true }').pathSource).toBe('label');
  });
});

describe('expect.jsonSchema', () => {
  it('keeps a valid schema for the answer check', () => {
    const resolved = expectation(
      '    expect:',
      '      path: complex',
      '      outcome: resolved',
      '      jsonSchema:',
      '        type: object',
      '        required: [orderId]',
      "        properties: { orderId: { type: string, pattern: '^ORD-\\d{5}$' } }",
    );
    expect(resolved.jsonSchema).toEqual({
      type: 'object',
      required: ['orderId'],
      properties: { orderId: { type: 'string', pattern: '^ORD-\\d{5}$' } },
    });
  });

  it('accepts a draft-07 schema copied from elsewhere', () => {
    const resolved = expectation(
      '    expect:',
      '      path: complex',
      '      outcome: resolved',
      "      jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: array }",
    );
    expect(resolved.jsonSchema).toMatchObject({ type: 'array' });
  });

  it('reports a wrong value inside the schema at its line, with the allowed values', () => {
    const [issue, ...rest] = issues(
      '    expect:',
      '      path: complex',
      '      outcome: resolved',
      '      jsonSchema:',
      '        type: object',
      '        properties:',
      '          orderId: { type: strng }',
    );
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      line: 11,
      column: 28,
      path: 'requests[0].expect.jsonSchema.properties.orderId.type',
      message: 'invalid JSON Schema: must be equal to one of the allowed values',
    });
    expect(issue?.fix).toMatch(/^did you mean "string"\? allowed: array \| boolean \| /);
  });

  it('rejects an unknown keyword, which would otherwise check nothing', () => {
    const [issue] = issues(
      '    expect:',
      '      path: complex',
      '      outcome: resolved',
      '      jsonSchema: { tpye: object }',
    );
    expect(issue).toMatchObject({
      line: 8,
      column: 7,
      path: 'requests[0].expect.jsonSchema',
      message: 'invalid JSON Schema: strict mode: unknown keyword: "tpye"',
    });
  });

  it('rejects a $ref that leads nowhere', () => {
    const [issue] = issues(
      '    expect:',
      '      path: complex',
      '      outcome: resolved',
      "      jsonSchema: { $ref: '#/$defs/order' }",
    );
    expect(issue?.message).toMatch(
      /^invalid JSON Schema: can't resolve reference #\/\$defs\/order/,
    );
  });

  it('must be a mapping', () => {
    const [issue] = issues('    expect: { path: complex, outcome: resolved, jsonSchema: object }');
    expect(issue).toMatchObject({
      path: 'requests[0].expect.jsonSchema',
      message: 'expected a mapping, got "object"',
    });
  });
});
