import type { IssueWording } from '../../src/config/yaml/index.js';
import { describeValue } from '../../src/config/yaml/index.js';

/** `Customer Support_v2` → `customer-support-v2`. */
export function toKebab(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The one pattern in suite files is kebab-case (names and ids): say so, and offer one. */
export const kebabWording: IssueWording = (issue, input) => {
  if (issue.code !== 'invalid_format' || issue.format !== 'regex') return undefined;
  if (typeof input !== 'string') return undefined;
  const suggestion = toKebab(input);
  const fix = `use lowercase letters, digits and dashes${suggestion ? `, e.g. "${suggestion}"` : ''}`;
  return { message: `${describeValue(input)} is not kebab-case`, fix };
};
