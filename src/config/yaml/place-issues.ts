import { formatPath } from '../format-path.js';
import type { DraftIssue } from './describe-issue.js';
import { type FileIssue, sortIssues } from './file-issue.js';
import type { Locator } from './locate-path.js';

/** An unknown key that probably meant a missing one says it all; drop the "missing" twin. */
function withoutTwins(drafts: readonly DraftIssue[]): DraftIssue[] {
  const meant = new Set(
    drafts
      .filter((d) => d.suggests !== undefined)
      .map((d) => formatPath([...d.path.slice(0, -1), d.suggests as string])),
  );
  return drafts.filter((d) => d.anchor !== 'missing' || !meant.has(formatPath(d.path)));
}

/** One draft at its line and column. */
export function placeIssue(draft: DraftIssue, file: string, locate: Locator): FileIssue {
  const { line, column } = locate(draft.path, draft.anchor);
  const issue: FileIssue = {
    file,
    line,
    column,
    path: formatPath(draft.path),
    message: draft.message,
  };
  return draft.fix === undefined ? issue : { ...issue, fix: draft.fix };
}

/**
 * Gives every draft its line and column, drops "missing" twins of likely typos, and sorts the
 * result in reading order.
 */
export function placeIssues(
  drafts: readonly DraftIssue[],
  file: string,
  locate: Locator,
): FileIssue[] {
  return sortIssues(withoutTwins(drafts).map((draft) => placeIssue(draft, file, locate)));
}
