/** Helpers over the untyped data YAML produced, before (or whatever) the schema says. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && typeof segment === 'string') current = current[segment];
    else return undefined;
  }
  return current;
}

/** True when the last key of `path` is absent from a mapping that does exist. */
export function isMissing(data: unknown, path: readonly PropertyKey[]): boolean {
  const key = path.at(-1);
  const parent = valueAt(data, path.slice(0, -1));
  return typeof key === 'string' && isRecord(parent) && !Object.hasOwn(parent, key);
}

/** A value as a user would recognise it in their file. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

/** The items of a list that are mappings, with their indexes. */
export function recordsOf(list: unknown): Array<[Record<string, unknown>, number]> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) =>
    isRecord(item) ? [[item, index] as [Record<string, unknown>, number]] : [],
  );
}

/** A mapping at `key` of `parent`, or an empty one. */
export function recordAt(parent: unknown, ...keys: string[]): Record<string, unknown> {
  let current = parent;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return isRecord(current) ? current : {};
}
