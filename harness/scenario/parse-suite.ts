import { parseJsonlSuite } from './parse-jsonl-suite.js';
import { parseYamlSuite } from './parse-yaml-suite.js';
import type { SuiteLoadResult } from './types.js';

/** Recorded traffic is JSON Lines; everything else is a YAML suite. */
export const isJsonlFile = (file: string): boolean => /\.jsonl$/i.test(file);

/**
 * Validates suite text and resolves it, reporting every problem with its line and column. The
 * file name picks the format: `.jsonl` is recorded traffic (one request per line), anything
 * else YAML. Pure: `file` only labels the issues (and names a recorded suite).
 * @example
 * const result = parseSuite(text, 'scenarios/customer-support.yaml');
 * if (result.state === 'invalid') for (const issue of result.issues) stderr.write(formatIssue(issue));
 */
export function parseSuite(text: string, file: string): SuiteLoadResult {
  return isJsonlFile(file) ? parseJsonlSuite(text, file) : parseYamlSuite(text, file);
}
