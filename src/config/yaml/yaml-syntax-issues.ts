import type { Document, LineCounter, YAMLError } from 'yaml';
import { formatPath } from '../format-path.js';
import type { FileIssue } from './file-issue.js';
import { pathAtOffset } from './locate-path.js';

/** Fixes for the YAML mistakes people make, by the `yaml` package's error codes. */
export const YAML_FIXES: Readonly<Partial<Record<string, string>>> = {
  BAD_DQ_ESCAPE: "use single quotes for patterns ('\\d+'), or write \\\\ for each backslash",
  DUPLICATE_KEY: 'remove one of the two keys',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MULTIPLE_DOCS: 'the file holds one document: remove the second ---',
  TAG_RESOLVE_FAILED: 'remove the !tag; write plain YAML values',
  BAD_INDENT: 'check the indentation and closing brackets around this line',
};

/** `yaml` appends " at line L, column C:" and a source excerpt; we report those as fields. */
function plainMessage(error: YAMLError): string {
  const [first = error.message] = error.message.split(/ at line \d+, column \d+/);
  return first.trim();
}

/**
 * Syntax errors and warnings (an unknown tag silently becomes a string) as file issues, each
 * with the field path it sits in and a fix where the mistake is a common one.
 */
export function yamlSyntaxIssues(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  fixes: Readonly<Partial<Record<string, string>>> = YAML_FIXES,
): FileIssue[] {
  return [...doc.errors, ...doc.warnings].map((error) => {
    const offset = error.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    const issue: FileIssue = {
      file,
      line,
      column: col,
      path: formatPath(pathAtOffset(doc, offset)),
      message: `YAML: ${plainMessage(error)}`,
    };
    const fix = fixes[error.code];
    return fix === undefined ? issue : { ...issue, fix };
  });
}
