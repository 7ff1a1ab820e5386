import type { z } from 'zod';

/** The `error` object of an Anthropic error response. */
export interface AnthropicErrorBody {
  type: string;
  message: string;
}

/**
 * An Anthropic-format error response, as recorded: `{"type":"error","error":{...},"request_id"}`,
 * the same id in the `request-id` header, and `x-should-retry` saying whether a retry can help.
 */
export function anthropicErrorResponse(
  status: number,
  error: AnthropicErrorBody,
  requestId: string,
): Response {
  return new Response(JSON.stringify({ type: 'error', error, request_id: requestId }), {
    status,
    headers: {
      'content-type': 'application/json',
      'request-id': requestId,
      'x-should-retry': String(status === 408 || status === 409 || status === 429 || status >= 500),
    },
  });
}

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'dictionary',
  array: 'list',
  int: 'integer',
};

function quoted(values: readonly unknown[]): string {
  const items = values.map((value) => `'${String(value)}'`);
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/**
 * A union of alternatives (content as string or blocks) reports each branch; the useful one is
 * the branch whose type matched, so its issues move up with the union's path in front.
 */
function unwrap(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || 'discriminator' in issue) return [issue];
  const matched = issue.errors.find(
    (branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  if (!matched) return [issue];
  return matched.flatMap((inner) => unwrap({ ...inner, path: [...issue.path, ...inner.path] }));
}

/** One issue in the API's words (its validator is pydantic): `messages.0.role: Input should be ...`. */
function describeIssue(issue: Issue, body: unknown): string {
  let path = issue.path;
  let text = issue.message;
  const value = valueAt(body, path);
  if (issue.code === 'invalid_type') {
    text =
      value === undefined
        ? 'Field required'
        : `Input should be a valid ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  } else if (issue.code === 'invalid_value') {
    text = `Input should be ${quoted(issue.values)}`;
  } else if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
    path = path.slice(0, -1);
    text = `Input tag '${String(value)}' found using '${String(issue.discriminator)}' does not match any of the expected tags: ${options.map((o) => `'${String(o)}'`).join(', ')}`;
  } else if (issue.code === 'invalid_union') {
    text = 'Input should be a valid string or a valid list';
  } else if (issue.code === 'too_small') {
    text =
      issue.origin === 'array'
        ? `List should have at least ${String(issue.minimum)} item after validation, not ${Array.isArray(value) ? value.length : 0}`
        : `Input should be greater than or equal to ${String(issue.minimum)}`;
  } else if (issue.code === 'too_big') {
    text = `Input should be less than or equal to ${String(issue.maximum)}`;
  } else if (issue.code === 'invalid_format' && 'pattern' in issue) {
    text = `String should match pattern '${String(issue.pattern)}'`;
  }
  return path.length === 0 ? text : `${path.map(String).join('.')}: ${text}`;
}

/**
 * One 400 `invalid_request_error` for every problem zod found, each named by its dotted path as
 * the API names it (`messages.0.content.1: ...`), so a caller fixing a request sees all at once.
 */
export function invalidRequestError(issues: readonly Issue[], body: unknown): AnthropicErrorBody {
  const messages = issues.flatMap(unwrap).map((issue) => describeIssue(issue, body));
  return { type: 'invalid_request_error', message: messages.join('; ') };
}
