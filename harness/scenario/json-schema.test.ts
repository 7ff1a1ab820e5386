import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SUITE_JSON_SCHEMA_PATH, suiteJsonSchema, suiteJsonSchemaText } from './json-schema.js';

const committed = new URL(`../../${SUITE_JSON_SCHEMA_PATH}`, import.meta.url);

describe('the published JSON Schema', () => {
  it('matches the zod schema (regenerate: npx tsx harness/scenario/write-json-schema.ts)', async () => {
    expect(await readFile(committed, 'utf8')).toBe(suiteJsonSchemaText());
  });

  it('leaves defaulted and optional fields optional, and rejects unknown keys', () => {
    const schema = suiteJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: { requests: { items: { required: string[] } } };
    };
    expect(schema.required).toEqual(['suite', 'requests']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.requests.items.required).toEqual(['id', 'messages', 'expect']);
  });

  it('accepts the example suite and the new fields, as an editor would check them', async () => {
    const validate = new Ajv2020({ strict: false }).compile(suiteJsonSchema());
    const example: unknown = parse(
      await readFile(new URL('../../scenarios/customer-support.yaml', import.meta.url), 'utf8'),
    );
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const withNewFields = {
      suite: { name: 'tiny', version: '2' },
      load: { open: { executor: 'ramping-arrival-rate', stages: [{ target: 5, duration: '1m' }] } },
      faults: 'mixed-20',
      requests: [
        { id: 'a', messages: 'hi', expect: { path: 'simple', escalated: false, jsonSchema: {} } },
      ],
    };
    expect(validate(withNewFields), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what the loader rejects: both outcome and escalated, a duration without a unit', () => {
    const validate = new Ajv2020({ strict: false }).compile(suiteJsonSchema());
    const request = { id: 'a', messages: 'hi', expect: { path: 'simple', outcome: 'resolved' } };
    const both = { ...request, expect: { ...request.expect, escalated: false } };
    expect(validate({ suite: { name: 'tiny' }, requests: [both] })).toBe(false);
    const load = { open: { executor: 'constant-arrival-rate', rate: 5, duration: '30' } };
    expect(validate({ suite: { name: 'tiny' }, load, requests: [request] })).toBe(false);
  });
});
