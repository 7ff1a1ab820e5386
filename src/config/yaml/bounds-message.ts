import type { ZodIssue } from './describe-issue.js';

/** A value below its minimum, in the words of the file. */
export function tooSmall(issue: Extract<ZodIssue, { code: 'too_small' }>) {
  const min = Number(issue.minimum);
  if (issue.origin === 'array') {
    return {
      message: 'must not be an empty list',
      fix: `add at least ${min} item${min === 1 ? '' : 's'}`,
    };
  }
  if (issue.origin === 'string') return { message: 'must not be empty' };
  if (issue.inclusive === false) {
    return {
      message: `must be greater than ${min}`,
      fix: min === 0 ? 'use a positive number' : undefined,
    };
  }
  return { message: `must be at least ${min}` };
}

/** A value above its maximum, in the words of the file. */
export function tooBig(issue: Extract<ZodIssue, { code: 'too_big' }>) {
  const max = Number(issue.maximum);
  if (issue.origin === 'array') return { message: `must have at most ${max} items` };
  if (issue.origin === 'string') return { message: `must be at most ${max} characters long` };
  return {
    message: issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`,
  };
}
