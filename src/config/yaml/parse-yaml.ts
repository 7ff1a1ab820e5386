import { type Document, LineCounter, parseDocument } from 'yaml';
import { type FileIssue, sortIssues } from './file-issue.js';
import { createLocator, type Locator } from './locate-path.js';
import { describeValue, isRecord } from './raw-data.js';
import { YAML_FIXES, yamlSyntaxIssues } from './yaml-syntax-issues.js';

export interface ParseYamlOptions {
  /** Fixes by `yaml` error code; default {@link YAML_FIXES}. */
  fixes?: Readonly<Partial<Record<string, string>>>;
  /** What the top level should look like, offered when the file is empty or not a mapping. */
  shapeFix?: string;
}

/** A YAML mapping with the means to point back into its text, or why there is none. */
export type ParsedYaml =
  | { state: 'ok'; doc: Document; data: Record<string, unknown>; locate: Locator }
  | { state: 'invalid'; reason: 'syntax' | 'shape'; issues: FileIssue[] };

function toData(doc: Document): { data: unknown } | { error: string } {
  try {
    return { data: doc.toJS({ maxAliasCount: 1000 }) as unknown };
  } catch (error: unknown) {
    return { error: `YAML: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Parses YAML text whose top level must be a mapping. Syntax errors come back as issues with
 * line, column and the field path they sit in; `locate` maps a field path to its position.
 * Pure: `file` only labels the issues.
 *
 * @example
 * const parsed = parseYaml(text, 'config/agent-deployment.yaml');
 * if (parsed.state === 'ok') parsed.locate(['spec', 'scaling']); // { line: 12, column: 3 }
 */
export function parseYaml(text: string, file: string, options: ParseYamlOptions = {}): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = yamlSyntaxIssues(doc, lineCounter, file, options.fixes ?? YAML_FIXES);
  if (syntax.length > 0) return { state: 'invalid', reason: 'syntax', issues: sortIssues(syntax) };
  const locate = createLocator(doc, lineCounter);
  const converted = toData(doc);
  const shape = options.shapeFix === undefined ? {} : { fix: options.shapeFix };
  if ('error' in converted) {
    const issue = { file, line: 1, column: 1, path: '', message: converted.error };
    return { state: 'invalid', reason: 'syntax', issues: [issue] };
  }
  const { data } = converted;
  if (data === null || data === undefined) {
    const issue = { file, line: 1, column: 1, path: '', message: 'the file is empty', ...shape };
    return { state: 'invalid', reason: 'shape', issues: [issue] };
  }
  if (!isRecord(data)) {
    const { line, column } = locate([]);
    const message = `the top level must be a mapping, not ${describeValue(data)}`;
    const issue = { file, line, column, path: '', message, ...shape };
    return { state: 'invalid', reason: 'shape', issues: [issue] };
  }
  return { state: 'ok', doc, data, locate };
}
