import type { Document, LineCounter, YAMLError } from 'yaml';
import { formatPath } from '../../src/index.js';
import { pathAtOffset } from './locate-path.js';
import type { SuiteIssue } from './types.js';

/** Fixes for the YAML mistakes people make in suite files, by the `yaml` package's codes. */
const FIXES: Partial<Record<string, string>> = {
  BAD_DQ_ESCAPE: "use single quotes for patterns ('\\d+'), or write \\\\ for each backslash",
  DUPLICATE_KEY: 'remove one of the two keys',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MULTIPLE_DOCS: 'a suite file holds one document: remove the second ---',
  TAG_RESOLVE_FAILED: 'remove the !tag; suite files use plain YAML values',
  BAD_INDENT: 'check the indentation and closing brackets around this line',
};

/** `yaml` appends " at line L, column C:" and a source excerpt; we report those as fields. */
function plainMessage(error: YAMLError): string {
  const [first = error.message] = error.message.split(/ at line \d+, column \d+/);
  return first.trim();
}

/** Syntax errors and warnings (an unknown tag silently becomes a string) as suite issues. */
export function yamlIssues(doc: Document, lineCounter: LineCounter, file: string): SuiteIssue[] {
  return [...doc.errors, ...doc.warnings].map((error) => {
    const offset = error.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    const issue: SuiteIssue = {
      file,
      line,
      column: col,
      path: formatPath(pathAtOffset(doc, offset)),
      message: `YAML: ${plainMessage(error)}`,
    };
    const fix = FIXES[error.code];
    return fix === undefined ? issue : { ...issue, fix };
  });
}
