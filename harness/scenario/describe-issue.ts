import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import type { Anchor } from './locate-path.js';
import { describeValue, isMissing, valueAt } from './raw-data.js';
import { expectedText, keysOf, schemaAt } from './schema-at.js';

/** A problem before it is given a file position. */
export interface DraftIssue {
  path: PropertyKey[];
  anchor: Anchor;
  message: string;
  fix?: string;
  /** For an unknown key: the known key it probably meant. */
  suggests?: string;
}

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

function toKebab(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function typeFix(expected: string, input: unknown, schema: z.ZodType | undefined) {
  const scalar = typeof input === 'string' || typeof input === 'number';
  if (expected === 'array' && (scalar || typeof input === 'boolean')) {
    return `write a list: [${String(input)}]`;
  }
  const numeric = typeof input === 'string' && input.trim() !== '' && Number.isFinite(+input);
  if ((expected === 'number' || expected === 'int') && numeric) {
    return `remove the quotes: ${input.trim()}`;
  }
  if (expected === 'int' && typeof input === 'number' && Number.isFinite(input)) {
    return `use a whole number, e.g. ${Math.max(1, Math.round(input))}`;
  }
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return `quote it: "${String(input)}"`;
  }
  const text = expectedText(schema);
  return text === undefined ? undefined : `write ${text}`;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>) {
  const min = Number(issue.minimum);
  if (issue.origin === 'array') {
    return {
      message: 'must not be an empty list',
      fix: `add at least ${min} item${min === 1 ? '' : 's'}`,
    };
  }
  if (issue.origin === 'string') return { message: 'must not be empty' };
  if (issue.inclusive === false) {
    return {
      message: `must be greater than ${min}`,
      fix: min === 0 ? 'use a positive number' : undefined,
    };
  }
  return { message: `must be at least ${min}` };
}

/** Several union branches failed: report the one whose type matched, else what was expected. */
function unionIssue(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: PropertyKey[],
  data: unknown,
  root: z.ZodType,
): DraftIssue[] {
  const wrongType = (branch: Issue[]) =>
    branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
  const matched = issue.errors.filter((branch) => !wrongType(branch));
  const [only] = matched;
  if (matched.length === 1 && only !== undefined) {
    return only.flatMap((inner) => describeIssue(inner, data, root, path));
  }
  const expected = expectedText(schemaAt(root, path)) ?? 'another type';
  const got = describeValue(valueAt(data, path));
  return [{ path, anchor: 'value', message: `expected ${expected}, got ${got}` }];
}

/**
 * Turns one zod issue into messages a person can act on: what is wrong in the words of the
 * file (mapping, list), and a fix where one is obvious (allowed values, did you mean).
 */
export function describeIssue(
  issue: Issue,
  data: unknown,
  root: z.ZodType,
  prefix: PropertyKey[] = [],
): DraftIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const known = keysOf(schemaAt(root, path));
    return issue.keys.map((key) => {
      const suggests = didYouMean(key, known);
      const fix = suggests
        ? `did you mean "${suggests}"?`
        : `allowed keys here: ${known.join(', ')}`;
      return {
        path: [...path, key],
        anchor: 'key',
        message: `unknown key "${key}"`,
        fix,
        suggests,
      };
    });
  }
  const schema = schemaAt(root, path);
  if (isMissing(data, path)) {
    const key = String(path.at(-1));
    const expected = expectedText(schema);
    const fix = expected === undefined ? `add ${key}:` : `add ${key}: ${expected}`;
    return [{ path, anchor: 'missing', message: `missing required field "${key}"`, fix }];
  }
  const input = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_union':
      return unionIssue(issue, path, data, root);
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggests = typeof input === 'string' ? didYouMean(input, allowed) : undefined;
      const list = allowed.join(' | ');
      const fix = suggests ? `did you mean "${suggests}"? allowed: ${list}` : `use one of: ${list}`;
      return [{ path, anchor: 'value', message: `invalid value ${describeValue(input)}`, fix }];
    }
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      const message = `expected ${expected}, got ${describeValue(input)}`;
      return [{ path, anchor: 'value', message, fix: typeFix(issue.expected, input, schema) }];
    }
    case 'too_small':
      return [{ path, anchor: 'value', ...tooSmall(issue) }];
    case 'invalid_format': {
      if (issue.format !== 'regex' || typeof input !== 'string') break;
      const suggestion = toKebab(input);
      const fix = `use lowercase letters, digits and dashes${suggestion ? `, e.g. "${suggestion}"` : ''}`;
      return [{ path, anchor: 'value', message: `${describeValue(input)} is not kebab-case`, fix }];
    }
    case 'too_big':
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      break;
  }
  return [{ path, anchor: 'value', message: issue.message }];
}
