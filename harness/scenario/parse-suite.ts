import { describeIssue, parseYaml, placeIssues } from '../../src/config/yaml/index.js';
import { kebabWording } from './kebab-wording.js';
import { resolveSuite } from './resolve-suite.js';
import { suiteSchema } from './schema.js';
import { semanticChecks } from './semantic-checks.js';
import { SUITE_YAML_FIXES } from './suite-yaml-fixes.js';
import type { SuiteLoadResult } from './types.js';

const SHAPE_FIX =
  'a suite is a mapping with suite: { name }, requests: [ … ] and optional sla, defaults';

/**
 * Validates suite text and resolves it, reporting every problem with its line and column.
 * Pure: `file` only labels the issues.
 * @example
 * const result = parseSuite(text, 'scenarios/customer-support.yaml');
 * if (result.state === 'invalid') for (const issue of result.issues) stderr.write(formatIssue(issue));
 */
export function parseSuite(text: string, file: string): SuiteLoadResult {
  const parsedYaml = parseYaml(text, file, { fixes: SUITE_YAML_FIXES, shapeFix: SHAPE_FIX });
  if (parsedYaml.state === 'invalid') return { state: 'invalid', issues: parsedYaml.issues };
  const { data, locate } = parsedYaml;
  const parsed = suiteSchema.safeParse(data);
  const drafts = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) =>
        describeIssue(issue, data, suiteSchema, { wording: kebabWording }),
      );
  drafts.push(...semanticChecks(data, locate));
  if (!parsed.success || drafts.length > 0) {
    return { state: 'invalid', issues: placeIssues(drafts, file, locate) };
  }
  const lineOf = (index: number) => locate(['requests', index]).line;
  return { state: 'ok', suite: resolveSuite(parsed.data, file, lineOf) };
}
