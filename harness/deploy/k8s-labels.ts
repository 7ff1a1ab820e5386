/** A label name, or a label value when not empty: at most 63 characters. */
const NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** A DNS subdomain: the optional prefix of a label key. */
const SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` cannot be a Kubernetes label key, or undefined when it can. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined) {
    if (prefix.length > 253 || !SUBDOMAIN.test(prefix))
      return `the prefix "${prefix}" of this label key is not a DNS subdomain (lowercase letters, digits, dashes and dots)`;
  }
  if (name.length > 63 || !NAME.test(name))
    return 'a label key must be at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit (an optional "prefix/" before it)';
  return undefined;
}

/** Why `value` cannot be a Kubernetes label value, or undefined when it can. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '' || (value.length <= 63 && NAME.test(value))) return undefined;
  return `"${value}" is not a Kubernetes label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
}
