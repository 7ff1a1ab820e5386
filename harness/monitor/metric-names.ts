/**
 * Which metric names a PromQL expression reads, and whether a scrape exports them. The parse is
 * deliberately small: it skips strings, label matchers, ranges and grouping label lists, treats
 * an identifier followed by `(` as a function, and takes every other identifier that is not a
 * keyword as a metric name. Grafana variables (`$__rate_interval`, `${datasource}`) are skipped.
 */

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/** Keywords followed by a parenthesised list of label names, not an expression. */
const LABEL_LIST_KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
]);

const IDENT_START = /[a-zA-Z_:]/;
const IDENT_PART = /[a-zA-Z0-9_:]/;

/** The index just past the bracket that closes the one at `start`, or the end. */
function skipBracketed(expr: string, start: number, open: string, close: string): number {
  let depth = 0;
  let i = start;
  while (i < expr.length) {
    const char = expr[i];
    if (char === '"' || char === "'" || char === '`') {
      i = skipString(expr, i);
      continue;
    }
    if (char === open) depth += 1;
    else if (char === close) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return i;
}

function skipString(expr: string, start: number): number {
  const quote = expr[start];
  let i = start + 1;
  while (i < expr.length && expr[i] !== quote) i += expr[i] === '\\' && quote !== '`' ? 2 : 1;
  return i + 1;
}

function nextNonSpace(expr: string, from: number): number {
  let i = from;
  while (i < expr.length && /\s/.test(expr[i] ?? '')) i += 1;
  return i;
}

/** True when `by` or `without` starts at `at`: the word before it is an aggregation. */
function groupingFollows(expr: string, at: number): boolean {
  const word = /^[a-zA-Z_]+/.exec(expr.slice(at))?.[0]?.toLowerCase();
  return word === 'by' || word === 'without';
}

/**
 * The metric names `expr` reads, in order of first appearance, without duplicates.
 *
 * @example
 * metricNamesIn('histogram_quantile(0.95, sum by (le) (rate(x_bucket{path="a"}[5m])))'); // ['x_bucket']
 */
export function metricNamesIn(expr: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < expr.length) {
    const char = expr[i] ?? '';
    if (char === '"' || char === "'" || char === '`') {
      i = skipString(expr, i);
    } else if (char === '{') {
      i = skipBracketed(expr, i, '{', '}');
    } else if (char === '[') {
      i = skipBracketed(expr, i, '[', ']');
    } else if (char === '$') {
      // A Grafana variable: $name, ${name} or ${name:format}.
      i += 1;
      if (expr[i] === '{') i = skipBracketed(expr, i, '{', '}');
      else while (i < expr.length && IDENT_PART.test(expr[i] ?? '')) i += 1;
    } else if (/[0-9.]/.test(char)) {
      // A number or a duration (0.95, 1e3, 5m): never a name.
      while (i < expr.length && /[0-9a-zA-Z_.]/.test(expr[i] ?? '')) i += 1;
    } else if (IDENT_START.test(char)) {
      const start = i;
      while (i < expr.length && IDENT_PART.test(expr[i] ?? '')) i += 1;
      const word = expr.slice(start, i);
      const next = nextNonSpace(expr, i);
      const lower = word.toLowerCase();
      if (LABEL_LIST_KEYWORDS.has(lower)) {
        if (expr[next] === '(') i = skipBracketed(expr, next, '(', ')');
      } else if (KEYWORDS.has(lower) || expr[next] === '(' || groupingFollows(expr, next)) {
        // a keyword, or a function or aggregation called here (`sum by (le) (…)` too)
      } else if (!names.includes(word)) {
        names.push(word);
      }
    } else {
      i += 1;
    }
  }
  return names;
}

/** The metric families a Prometheus text exposition declares, with their `# TYPE`. */
export function exportedFamilies(exposition: string): Map<string, string> {
  const families = new Map<string, string>();
  for (const line of exposition.split('\n')) {
    const typed = /^#\s*TYPE\s+([a-zA-Z_:][a-zA-Z0-9_:]*)\s+(\S+)/.exec(line.trim());
    if (typed?.[1] && typed[2]) {
      families.set(typed[1], typed[2]);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[\s{]/.exec(line);
    // A sample without a `# TYPE` (histogram series are typed by their family's line).
    if (sample?.[1] && familyOf(sample[1], families) === undefined) {
      families.set(sample[1], 'untyped');
    }
  }
  return families;
}

const SERIES_SUFFIXES = ['_bucket', '_sum', '_count'] as const;

/**
 * The family a series name belongs to in `families`: itself, or a histogram's or summary's
 * `_bucket`/`_sum`/`_count` series; undefined when the scrape has no such family.
 */
export function familyOf(name: string, families: ReadonlyMap<string, string>): string | undefined {
  if (families.has(name)) return name;
  for (const suffix of SERIES_SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const type = families.get(base);
    if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return base;
  }
  return undefined;
}

export interface UnknownMetric {
  /** Where the expression came from, e.g. `alert SimpleLatencySla` or `panel "Latency · simple"`. */
  where: string;
  name: string;
  expr: string;
}

/** Every metric name an expression reads that the exposition does not export. */
export function unknownMetrics(
  expressions: readonly { where: string; expr: string }[],
  exposition: string,
): UnknownMetric[] {
  const families = exportedFamilies(exposition);
  const unknown: UnknownMetric[] = [];
  for (const { where, expr } of expressions) {
    for (const name of metricNamesIn(expr)) {
      if (familyOf(name, families) === undefined) unknown.push({ where, name, expr });
    }
  }
  return unknown;
}
