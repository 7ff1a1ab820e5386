import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json' with { type: 'json' };
import { didYouMean, valueAt } from '../../src/config/yaml/index.js';

/** One problem of a JSON Schema, at its place inside the schema (`['properties', 'id', 'type']`). */
export interface AnswerSchemaProblem {
  path: PropertyKey[];
  message: string;
  fix?: string;
}

export type AnswerCheck = { pass: true } | { pass: false; detail: string };

// strictSchema: an unknown keyword (`tpye`) is a mistake, not an annotation. Formats are not
// validated (no format plugin; 2020-12 treats them as annotations by default). Nothing is kept
// by $id, so two suites' schemas never collide.
const ajv = new Ajv2020({
  allErrors: true,
  strictSchema: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  validateFormats: false,
  addUsedSchema: false,
  logger: false,
});
// Schemas copied from elsewhere often say `$schema: http://json-schema.org/draft-07/schema#`.
ajv.addMetaSchema(draft07);

const compiled = new WeakMap<object, ValidateFunction>();

function compile(schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** `/properties/a~1b/items/0` → ['properties', 'a/b', 'items', 0], numbers where `schema` has a list. */
function pointerPath(pointer: string, schema: unknown): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    path.push(Array.isArray(valueAt(schema, path)) ? Number(key) : key);
  }
  return path;
}

function metaSchemaProblem(error: ErrorObject, schema: unknown): AnswerSchemaProblem {
  const path = pointerPath(error.instancePath, schema);
  const allowed: unknown = error.params.allowedValues;
  if (Array.isArray(allowed)) {
    const values = allowed.map(String);
    const input = valueAt(schema, path);
    const meant = typeof input === 'string' ? didYouMean(input, values) : undefined;
    const list = values.join(' | ');
    const fix = meant ? `did you mean "${meant}"? allowed: ${list}` : `use one of: ${list}`;
    return { path, message: `invalid JSON Schema: ${error.message ?? 'invalid'}`, fix };
  }
  return { path, message: `invalid JSON Schema: ${error.message ?? 'invalid'}` };
}

/**
 * What is wrong with a JSON Schema given for an answer, or nothing: checked against its
 * meta-schema (one problem per place), then compiled (unknown keywords, unresolvable $ref).
 */
export function answerSchemaProblems(schema: Record<string, unknown>): AnswerSchemaProblem[] {
  try {
    if (!ajv.validateSchema(schema)) {
      const first = new Map<string, ErrorObject>();
      for (const error of ajv.errors ?? []) {
        if (!first.has(error.instancePath)) first.set(error.instancePath, error);
      }
      return [...first.values()].map((error) => metaSchemaProblem(error, schema));
    }
    // Compiled only to find what the meta-schema cannot (unknown keywords, dangling $ref);
    // dropped again so validating files over and over keeps nothing.
    ajv.compile(schema);
    ajv.removeSchema(schema);
    return [];
  } catch (error: unknown) {
    // An unknown $schema, an unknown keyword, a $ref that leads nowhere.
    const reason = error instanceof Error ? error.message : String(error);
    return [{ path: [], message: `invalid JSON Schema: ${reason}` }];
  }
}

/**
 * Parses an answer as JSON and validates it against `schema`; the detail says why not.
 * @example
 * checkAnswerSchema({ type: 'object', required: ['orderId'] }, '{"orderId":"ORD-10001"}'); // { pass: true }
 */
export function checkAnswerSchema(schema: Record<string, unknown>, text: string): AnswerCheck {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return { pass: false, detail: `the answer is not JSON: ${reason}` };
  }
  let validate: ValidateFunction;
  try {
    validate = compile(schema);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return { pass: false, detail: `the schema does not compile: ${reason}` };
  }
  if (validate(answer)) return { pass: true };
  return { pass: false, detail: ajv.errorsText(validate.errors, { dataVar: 'answer' }) };
}
