/** The three ways the bridge can serve a request, cheapest first. */
export const PATH_NAMES = ['simple', 'complex', 'full'] as const;
export type PathName = (typeof PATH_NAMES)[number];

export function isPathName(value: unknown): value is PathName {
  return typeof value === 'string' && (PATH_NAMES as readonly string[]).includes(value);
}
