import { basename, extname } from 'node:path';
import type { FileIssue } from '../../src/config/yaml/index.js';
import { isRecord, placeIssue, sortIssues } from '../../src/config/yaml/index.js';
import { createRouter, DEFAULT_ROUTING, type Router } from '../../src/index.js';
import { SUITE_DEFAULTS } from './defaults.js';
import type { RecordedRequest } from './jsonl-schema.js';
import { toKebab } from './kebab-wording.js';
import { JSONL_EXAMPLE, type JsonlLine, parseJsonlLine } from './parse-jsonl-line.js';
import type { ScenarioRequest, SuiteLoadResult } from './types.js';

let defaultRouter: Router | undefined;

/** The path the default routing rules give a request, for lines without `expectedPath`. */
function routedPath(request: RecordedRequest) {
  defaultRouter ??= createRouter(DEFAULT_ROUTING);
  return defaultRouter({ messages: request.messages }).path;
}

function arrivalOf(entry: JsonlLine): number | undefined {
  const atMs = isRecord(entry.data) ? entry.data.atMs : undefined;
  return typeof atMs === 'number' && Number.isFinite(atMs) && atMs >= 0 ? atMs : undefined;
}

/** Arrival times go forward, and either every line has one or none does. */
function arrivalIssues(entries: readonly JsonlLine[], file: string): FileIssue[] {
  const issues: FileIssue[] = [];
  const first = entries.find((entry) => isRecord(entry.data));
  if (first === undefined) return issues;
  const timed = isRecord(first.data) && Object.hasOwn(first.data, 'atMs');
  let previous: { atMs: number; line: number } | undefined;
  for (const entry of entries) {
    if (!isRecord(entry.data)) continue;
    const has = Object.hasOwn(entry.data, 'atMs');
    if (has !== timed) {
      const message = has
        ? `atMs is set here but not on line ${first.line}`
        : `missing atMs: line ${first.line} has one`;
      const fix = 'give every line an atMs, or none (then requests are sent as fast as allowed)';
      const path = has ? ['atMs'] : [];
      issues.push(placeIssue({ path, anchor: 'key', message, fix }, file, entry.locate));
    }
    const atMs = arrivalOf(entry);
    if (atMs === undefined) continue;
    if (previous !== undefined && atMs < previous.atMs) {
      const message = `atMs ${atMs} is earlier than ${previous.atMs} on line ${previous.line}`;
      const fix = 'sort the lines by atMs: recorded traffic is replayed in order';
      issues.push(
        placeIssue({ path: ['atMs'], anchor: 'value', message, fix }, file, entry.locate),
      );
    }
    previous = { atMs, line: entry.line };
  }
  return issues;
}

function resolveRequest(request: RecordedRequest, line: number): ScenarioRequest {
  const { atMs, userId, messages, expectedPath } = request;
  return {
    id: `line-${line}`,
    tags: [],
    weight: SUITE_DEFAULTS.weight,
    ...(userId === undefined ? {} : { userId }),
    messages,
    metadata: {},
    expect: {
      path: expectedPath ?? routedPath(request),
      pathSource: expectedPath === undefined ? 'router' : 'label',
      contains: [],
      notContains: [],
      toolsCalled: [],
    },
    line,
    ...(atMs === undefined ? {} : { atMs }),
  };
}

/** `scenarios/Peak Hour.jsonl` → `peak-hour`. */
function suiteName(file: string): string {
  return toKebab(basename(file, extname(file))) || 'recorded-traffic';
}

/**
 * Recorded traffic, one JSON request per line: every problem of every line at once, each at its
 * line (and column); blank lines are skipped. Requests are `line-<n>`, with no outcome assertion.
 */
export function parseJsonlSuite(text: string, file: string): SuiteLoadResult {
  const entries = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .flatMap((content, index) =>
      content.trim() === '' ? [] : [parseJsonlLine(content, index + 1, file)],
    );
  if (entries.length === 0) {
    const fix = `write one JSON object per line: ${JSONL_EXAMPLE}`;
    const issue = { file, line: 1, column: 1, path: '', message: 'the file has no requests', fix };
    return { state: 'invalid', issues: [issue] };
  }
  const issues = [...entries.flatMap((entry) => entry.issues), ...arrivalIssues(entries, file)];
  if (issues.length > 0) {
    return { state: 'invalid', issues: sortIssues(issues) };
  }
  const requests = entries.flatMap((entry) =>
    entry.request === undefined ? [] : [resolveRequest(entry.request, entry.line)],
  );
  return {
    state: 'ok',
    suite: {
      file,
      name: suiteName(file),
      version: SUITE_DEFAULTS.version,
      sla: {},
      repetitions: SUITE_DEFAULTS.repetitions,
      requests,
    },
  };
}
