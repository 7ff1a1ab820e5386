import { readFile } from 'node:fs/promises';
import { isJsonObject, JsonFields, type JsonObject } from './json-fields.js';
import { K6ErrorCodes, K6SummaryError } from './k6-errors.js';
import { readHandleSummary } from './read-handle-summary.js';
import { readSummaryExport } from './read-summary-export.js';
import { readSummaryV1 } from './read-summary-v1.js';
import type { K6Summary } from './summary-model.js';

const WHAT_IT_READS =
  'a k6 end-of-test summary: handleSummary data or --summary-export output (an object with "metrics"), or the machine-readable summary (an object with "version" and "results")';

/** Lines of `k6 run --out json` (one sample per line) parse one at a time, never as a whole. */
function looksLikeSampleStream(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  try {
    const line: unknown = JSON.parse(first);
    return isJsonObject(line) && (line.type === 'Metric' || line.type === 'Point');
  } catch {
    return false;
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const hint = looksLikeSampleStream(text)
      ? 'this is `k6 run --out json` output (one sample per line), not a summary: run k6 with --summary-export FILE, or write handleSummary data with JSON.stringify'
      : `expected JSON (${(error as Error).message})`;
    throw new K6SummaryError(file, '', hint, { cause: error });
  }
}

/** Which format a parsed summary is in, judged by its top-level keys and its metrics' shape. */
function readParsed(root: JsonObject, fields: JsonFields): K6Summary {
  if (root.version !== undefined && root.results !== undefined) return readSummaryV1(root, fields);
  if (root.metrics === undefined) fields.fail('metrics', `missing; expected ${WHAT_IT_READS}`);
  if (root.state !== undefined || root.options !== undefined)
    return readHandleSummary(root, fields);
  const metrics = fields.object(root.metrics, 'metrics');
  const typed = Object.values(metrics).every((m) => isJsonObject(m) && isJsonObject(m.values));
  return typed && Object.keys(metrics).length > 0
    ? readHandleSummary(root, fields)
    : readSummaryExport(root, fields);
}

/** A summary already parsed from JSON; `file` names it in messages. */
export function parseK6Summary(value: unknown, file: string): K6Summary {
  const fields = new JsonFields(file);
  return readParsed(fields.object(value, '(top level)', WHAT_IT_READS), fields);
}

/**
 * Reads a k6 end-of-test summary in any of its three formats.
 * @throws K6SummaryError naming the file, the field and what was expected there.
 */
export async function readK6Summary(file: string): Promise<K6Summary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const problem =
      code === 'ENOENT' ? 'no such file (check the path)' : `cannot read it (${code})`;
    throw new K6SummaryError(file, '', problem, {
      cause: error,
      code: K6ErrorCodes.summaryUnreadable,
    });
  }
  return parseK6Summary(parseJson(text, file), file);
}
