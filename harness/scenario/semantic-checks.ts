import type { DraftIssue, Locator } from '../../src/config/yaml/index.js';
import { isRecord } from '../../src/config/yaml/index.js';
import { expectationChecks } from './expectation-checks.js';
import { faultsCheck } from './faults-check.js';
import { loadChecks } from './load-checks.js';

/** The JavaScript engine's reason, without the pattern it already repeats. */
function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error: unknown) {
    const text = error instanceof Error ? error.message : String(error);
    return text.split(': ').at(-1) ?? text;
  }
}

function checkRequest(request: Record<string, unknown>, at: PropertyKey[]): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const { messages, expect } = request;
  const last = Array.isArray(messages) ? messages.at(-1) : undefined;
  if (isRecord(last) && last.role === 'assistant') {
    issues.push({
      path: [...at, 'messages', (messages as unknown[]).length - 1, 'role'],
      anchor: 'value',
      message: 'the last message must be from the user, not the assistant',
      fix: 'end the list with { role: user, content: "…" }',
    });
  }
  if (!isRecord(expect)) return issues;
  issues.push(...expectationChecks(expect, [...at, 'expect']));
  if (typeof expect.regex === 'string') {
    const reason = regexError(expect.regex);
    if (reason !== undefined) {
      issues.push({
        path: [...at, 'expect', 'regex'],
        anchor: 'value',
        message: `invalid regular expression: ${reason}`,
        fix: 'escape special characters with a backslash, e.g. \\( for a literal "("',
      });
    }
  }
  const handoffs = expect.handoffs;
  const path = expect.path;
  if (Array.isArray(handoffs) && (path === 'simple' || path === 'complex')) {
    issues.push({
      path: [...at, 'expect', 'handoffs'],
      anchor: 'key',
      message: `handoffs only happen on the full path, but expect.path is "${path}"`,
      fix: 'remove handoffs, or set expect.path: full',
    });
  }
  if (Array.isArray(expect.contains) && Array.isArray(expect.notContains)) {
    const wanted = new Set(expect.contains.map((s) => String(s).toLowerCase()));
    expect.notContains.forEach((s, index) => {
      if (typeof s !== 'string' || !wanted.has(s.toLowerCase())) return;
      issues.push({
        path: [...at, 'expect', 'notContains', index],
        anchor: 'value',
        message: `"${s}" is also in contains, so this request can never pass`,
        fix: 'remove it from one of the two lists',
      });
    });
  }
  return issues;
}

/**
 * Rules a schema cannot express. They run on the raw data even when the schema fails, so a
 * file's problems all show up in one pass.
 */
export function semanticChecks(data: unknown, locate: Locator): DraftIssue[] {
  if (!isRecord(data)) return [];
  const issues = [...loadChecks(data), ...faultsCheck(data)];
  if (!Array.isArray(data.requests)) return issues;
  const firstUse = new Map<string, number>();
  data.requests.forEach((request: unknown, index) => {
    if (!isRecord(request)) return;
    const at = ['requests', index];
    if (typeof request.id === 'string') {
      const first = firstUse.get(request.id);
      if (first === undefined) firstUse.set(request.id, index);
      else {
        const { line } = locate(['requests', first, 'id']);
        issues.push({
          path: [...at, 'id'],
          anchor: 'value',
          message: `duplicate id "${request.id}"`,
          fix: `ids must be unique: first used at line ${line}`,
        });
      }
    }
    issues.push(...checkRequest(request, at));
  });
  return issues;
}
