const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A field path in the form users read in docs and editors.
 *
 * @example
 * formatPath(['requests', 3, 'expect', 'path']); // 'requests[3].expect.path'
 * formatPath(['prices', 'openai/gpt-4o']); // 'prices["openai/gpt-4o"]'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}
