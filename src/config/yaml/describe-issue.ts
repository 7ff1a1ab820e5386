import type { z } from 'zod';
import { tooBig, tooSmall } from './bounds-message.js';
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

export type ZodIssue = z.core.$ZodIssue;

/**
 * A file format's own words for an issue (say, "is not kebab-case" for its one pattern);
 * undefined leaves the issue to the generic wording.
 */
export type IssueWording = (
  issue: ZodIssue,
  input: unknown,
) => { message: string; fix?: string } | undefined;

export interface DescribeIssueOptions {
  /** Prepended to every issue path, for a schema that validates part of a file. */
  prefix?: PropertyKey[];
  wording?: IssueWording;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

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

/** Several union branches failed: report the one whose type matched, else what was expected. */
function unionIssue(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  path: PropertyKey[],
  data: unknown,
  root: z.ZodType,
  options: DescribeIssueOptions,
): DraftIssue[] {
  const wrongType = (branch: ZodIssue[]) =>
    branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
  const matched = issue.errors.filter((branch) => !wrongType(branch));
  const [only] = matched;
  if (matched.length === 1 && only !== undefined) {
    return only.flatMap((inner) => describeIssue(inner, data, root, { ...options, prefix: path }));
  }
  const expected = expectedText(schemaAt(root, path)) ?? 'another type';
  const got = describeValue(valueAt(data, path));
  return [{ path, anchor: 'value', message: `expected ${expected}, got ${got}` }];
}

function unknownKeys(
  issue: Extract<ZodIssue, { code: 'unrecognized_keys' }>,
  path: PropertyKey[],
  root: z.ZodType,
) {
  const known = keysOf(schemaAt(root, path));
  return issue.keys.map((key): DraftIssue => {
    const suggests = didYouMean(key, known);
    const fix = suggests ? `did you mean "${suggests}"?` : `allowed keys here: ${known.join(', ')}`;
    return { path: [...path, key], anchor: 'key', message: `unknown key "${key}"`, fix, suggests };
  });
}

/**
 * Turns one zod issue into messages a person can act on: what is wrong in the words of the
 * file (mapping, list), and a fix where one is obvious (allowed values, did you mean).
 *
 * @example
 * const parsed = schema.safeParse(data);
 * const drafts = parsed.success ? [] : parsed.error.issues.flatMap((i) => describeIssue(i, data, schema));
 */
export function describeIssue(
  issue: ZodIssue,
  data: unknown,
  root: z.ZodType,
  options: DescribeIssueOptions = {},
): DraftIssue[] {
  const path = [...(options.prefix ?? []), ...issue.path];
  if (issue.code === 'unrecognized_keys') return unknownKeys(issue, path, root);
  const schema = schemaAt(root, path);
  if (isMissing(data, path)) {
    const key = String(path.at(-1));
    const expected = expectedText(schema);
    const fix = expected === undefined ? `add ${key}:` : `add ${key}: ${expected}`;
    return [{ path, anchor: 'missing', message: `missing required field "${key}"`, fix }];
  }
  const input = valueAt(data, path);
  const worded = options.wording?.(issue, input);
  if (worded !== undefined) return [{ path, anchor: 'value', ...worded }];
  switch (issue.code) {
    case 'invalid_union':
      return unionIssue(issue, path, data, root, options);
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
    case 'too_big':
      return [{ path, anchor: 'value', ...tooBig(issue) }];
    case 'custom': {
      // A refinement may carry its fix in `params`, where zod keeps whatever it is given.
      const fix: unknown = issue.params?.fix;
      if (typeof fix === 'string') return [{ path, anchor: 'value', message: issue.message, fix }];
      break;
    }
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
      break;
  }
  return [{ path, anchor: 'value', message: issue.message }];
}
