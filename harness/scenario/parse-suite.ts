import { type Document, LineCounter, parseDocument } from 'yaml';
import { formatPath } from '../../src/index.js';
import { type DraftIssue, describeIssue } from './describe-issue.js';
import { createLocator, type Locator } from './locate-path.js';
import { describeValue, isRecord } from './raw-data.js';
import { resolveSuite } from './resolve-suite.js';
import { suiteSchema } from './schema.js';
import { semanticChecks } from './semantic-checks.js';
import type { SuiteIssue, SuiteLoadResult } from './types.js';
import { yamlIssues } from './yaml-issues.js';

const SHAPE_FIX =
  'a suite is a mapping with suite: { name }, requests: [ … ] and optional sla, defaults';

function invalid(issues: SuiteIssue[]): SuiteLoadResult {
  const sorted = [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
  return { state: 'invalid', issues: sorted };
}

/** An unknown key that probably meant a missing one says it all; drop the "missing" twin. */
function withoutTwins(drafts: DraftIssue[]): DraftIssue[] {
  const meant = new Set(
    drafts
      .filter((d) => d.suggests !== undefined)
      .map((d) => formatPath([...d.path.slice(0, -1), d.suggests as string])),
  );
  return drafts.filter((d) => d.anchor !== 'missing' || !meant.has(formatPath(d.path)));
}

function place(draft: DraftIssue, file: string, locate: Locator): SuiteIssue {
  const { line, column } = locate(draft.path, draft.anchor);
  const issue: SuiteIssue = {
    file,
    line,
    column,
    path: formatPath(draft.path),
    message: draft.message,
  };
  return draft.fix === undefined ? issue : { ...issue, fix: draft.fix };
}

function toData(doc: Document, file: string): { data: unknown } | { issue: SuiteIssue } {
  try {
    return { data: doc.toJS({ maxAliasCount: 1000 }) as unknown };
  } catch (error: unknown) {
    const message = `YAML: ${error instanceof Error ? error.message : String(error)}`;
    return { issue: { file, line: 1, column: 1, path: '', message } };
  }
}

/**
 * Validates suite text and resolves it, reporting every problem with its line and column.
 * Pure: `file` only labels the issues.
 * @example
 * const result = parseSuite(text, 'scenarios/customer-support.yaml');
 * if (result.state === 'invalid') for (const issue of result.issues) stderr.write(formatIssue(issue));
 */
export function parseSuite(text: string, file: string): SuiteLoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = yamlIssues(doc, lineCounter, file);
  if (syntax.length > 0) return invalid(syntax);
  const locate = createLocator(doc, lineCounter);
  const converted = toData(doc, file);
  if ('issue' in converted) return invalid([converted.issue]);
  const { data } = converted;
  if (data === null || data === undefined) {
    return invalid([
      { file, line: 1, column: 1, path: '', message: 'the file is empty', fix: SHAPE_FIX },
    ]);
  }
  if (!isRecord(data)) {
    const { line, column } = locate([]);
    const message = `the top level must be a mapping, not ${describeValue(data)}`;
    return invalid([{ file, line, column, path: '', message, fix: SHAPE_FIX }]);
  }
  const parsed = suiteSchema.safeParse(data);
  const drafts = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => describeIssue(issue, data, suiteSchema));
  drafts.push(...semanticChecks(data, locate));
  if (!parsed.success || drafts.length > 0) {
    return invalid(withoutTwins(drafts).map((draft) => place(draft, file, locate)));
  }
  const lineOf = (index: number) => locate(['requests', index]).line;
  return { state: 'ok', suite: resolveSuite(parsed.data, file, lineOf) };
}
