import type { IssueWording } from '../../src/config/yaml/index.js';
import { describeIssue, parseYaml, placeIssues } from '../../src/config/yaml/index.js';
import { discriminatorWording, withDiscriminatedHints } from './discriminated-hints.js';
import { kebabWording } from './kebab-wording.js';
import { resolveSuite } from './resolve-suite.js';
import { suiteSchema } from './schema.js';
import { semanticChecks } from './semantic-checks.js';
import { SUITE_YAML_FIXES } from './suite-yaml-fixes.js';
import type { SuiteLoadResult } from './types.js';

const SHAPE_FIX =
  'a suite is a mapping with suite: { name }, requests: [ … ] and optional sla, defaults, load, faults';

const wording: IssueWording = (issue, input) =>
  kebabWording(issue, input) ?? discriminatorWording(issue, input);

/** A YAML suite: every problem with its line and column, or the resolved suite. */
export function parseYamlSuite(text: string, file: string): SuiteLoadResult {
  const parsedYaml = parseYaml(text, file, { fixes: SUITE_YAML_FIXES, shapeFix: SHAPE_FIX });
  if (parsedYaml.state === 'invalid') return { state: 'invalid', issues: parsedYaml.issues };
  const { data, locate } = parsedYaml;
  const parsed = suiteSchema.safeParse(data);
  const described = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => describeIssue(issue, data, suiteSchema, { wording }));
  const drafts = withDiscriminatedHints(described, data, suiteSchema);
  drafts.push(...semanticChecks(data, locate));
  if (!parsed.success || drafts.length > 0) {
    return { state: 'invalid', issues: placeIssues(drafts, file, locate) };
  }
  const lineOf = (index: number) => locate(['requests', index]).line;
  return { state: 'ok', suite: resolveSuite(parsed.data, file, lineOf) };
}
