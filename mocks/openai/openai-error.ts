import type { z } from 'zod';

/** The `error` object of an OpenAI error response. */
export interface OpenAIErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** An OpenAI-format error response: `{"error":{...}}` with the usual headers. */
export function openAIErrorResponse(
  status: number,
  error: OpenAIErrorBody,
  headers: Record<string, string>,
): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { ...headers, 'content-type': 'application/json' },
  });
}

/** `['messages', 2, 'role']` → `messages[2].role`, the way OpenAI names a field. */
export function formatParam(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function quoteList(values: readonly unknown[]): string {
  const quoted = values.map((value) => `'${String(value)}'`);
  if (quoted.length < 2) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const param = formatParam(issue.path);
  const value = valueAt(body, issue.path);
  if (issue.code === 'invalid_type' && value === undefined) {
    return `Missing required parameter: '${param}'.`;
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && 'options' in issue) {
    const options = Array.isArray(issue.options) ? issue.options : [];
    return `Invalid value: '${String(value)}'. Supported values are: ${quoteList(options)}.`;
  }
  if (issue.code === 'invalid_type') {
    return `Invalid type for '${param}': expected ${issue.expected}, but got ${value === null ? 'null' : typeof value}.`;
  }
  return `Invalid '${param}': ${issue.message}.`;
}

/**
 * One 400 body for every problem zod found: `param` names the first field, the message lists
 * them all, so a caller fixing a request sees everything at once.
 */
export function invalidRequestError(
  issues: readonly z.core.$ZodIssue[],
  body: unknown,
): OpenAIErrorBody {
  const first = issues[0];
  return {
    message: issues.map((issue) => describeIssue(issue, body)).join(' '),
    type: 'invalid_request_error',
    param: first ? formatParam(first.path) : null,
    code: null,
  };
}
