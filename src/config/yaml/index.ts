export type {
  DescribeIssueOptions,
  DraftIssue,
  IssueWording,
  ZodIssue,
} from './describe-issue.js';
export { describeIssue } from './describe-issue.js';
export { didYouMean, editDistance } from './did-you-mean.js';
export type { FileIssue } from './file-issue.js';
export { formatFileIssue, sortIssues } from './file-issue.js';
export type { Anchor, Locator, Position } from './locate-path.js';
export { createLocator, pathAtOffset } from './locate-path.js';
export type { ParsedYaml, ParseYamlOptions } from './parse-yaml.js';
export { parseYaml } from './parse-yaml.js';
export { placeIssue, placeIssues } from './place-issues.js';
export { describeValue, isMissing, isRecord, recordAt, recordsOf, valueAt } from './raw-data.js';
export { expectedText, keysOf, schemaAt } from './schema-at.js';
export { YAML_FIXES, yamlSyntaxIssues } from './yaml-syntax-issues.js';
