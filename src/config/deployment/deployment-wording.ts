import type { IssueWording } from '../yaml/index.js';

/** Deployment-specific words for zod's generic messages. */
export const deploymentWording: IssueWording = (issue) => {
  if (issue.code === 'invalid_format' && issue.format === 'url') {
    // The value is not repeated: a malformed URL may still carry a credential.
    return { message: 'not an http(s) URL', fix: 'write e.g. https://api.openai.com/v1' };
  }
  return undefined;
};
