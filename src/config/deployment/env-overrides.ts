import { parseDocument } from 'yaml';
import { z } from 'zod';
import { BridgeConfigSchema } from '../schema.js';
import { didYouMean, isRecord, keysOf, schemaAt } from '../yaml/index.js';
import { DeploymentSchema } from './schema.js';

/** Environment variables that override a deployment file start with this. */
export const ENV_PREFIX = 'HB__';
const SEPARATOR = '__';

/** One variable applied over the file. */
export interface EnvOverride {
  variable: string;
  path: PropertyKey[];
}

/** A variable that could not be applied: its name leads nowhere, or its value is not YAML. */
export interface EnvOverrideIssue extends EnvOverride {
  message: string;
  fix?: string;
}

type Resolved = { path: PropertyKey[] } | { path: PropertyKey[]; message: string; fix?: string };

/** Below `testing.experiments[i].overrides` the runtime's own schema governs. */
function schemaBelow(path: readonly PropertyKey[], schema: z.ZodType): z.ZodType {
  const [a, b, , d] = path;
  return path.length === 4 && a === 'testing' && b === 'experiments' && d === 'overrides'
    ? BridgeConfigSchema
    : schema;
}

/** The typed field path a variable names, checked against the schema so typos are caught. */
function resolvePath(segments: readonly string[]): Resolved {
  const path: PropertyKey[] = [];
  let schema: z.ZodType = DeploymentSchema;
  for (const segment of segments) {
    const here = schemaAt(schemaBelow(path, schema), []);
    if (here instanceof z.ZodUnknown || here instanceof z.ZodAny) {
      path.push(segment);
      continue;
    }
    const isIndex = /^[0-9]+$/.test(segment);
    if (here instanceof z.ZodArray && !isIndex) {
      return { path, message: `"${segment}" is not a list index`, fix: 'number items from 0' };
    }
    const typed = here instanceof z.ZodArray ? Number(segment) : segment;
    path.push(typed);
    const next = here === undefined ? undefined : schemaAt(here, [typed]);
    if (next === undefined) {
      const known = keysOf(here);
      const close = didYouMean(segment, known);
      const message = `no field "${segment}" at this place in a deployment`;
      if (close !== undefined) return { path, message, fix: `did you mean "${close}"?` };
      return known.length > 0
        ? { path, message, fix: `known here: ${known.join(', ')}` }
        : { path, message };
    }
    schema = next;
  }
  return { path };
}

function parseValue(text: string): { value: unknown } | { message: string } {
  const doc = parseDocument(text, { prettyErrors: false });
  const [error] = doc.errors;
  if (error !== undefined)
    return { message: `the value is not valid YAML: ${error.message.split('\n')[0] ?? ''}` };
  return { value: doc.toJS() as unknown };
}

/** Sets `value` at `path`, making the mappings and lists on the way; false past a list's end. */
function setAt(
  data: Record<string, unknown>,
  path: readonly PropertyKey[],
  value: unknown,
): boolean {
  let parent: unknown = data;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    const next = path[index + 1];
    const container = parent as Record<PropertyKey, unknown>;
    if (Array.isArray(parent) && typeof segment === 'number' && segment > parent.length)
      return false;
    if (last) container[segment] = value;
    else {
      const child = container[segment];
      const fits = typeof next === 'number' ? Array.isArray(child) : isRecord(child);
      if (!fits) container[segment] = typeof next === 'number' ? [] : {};
      parent = container[segment];
    }
  }
  return true;
}

/**
 * Applies `HB__<path>` variables over a parsed deployment file, before validation, so a bad
 * value is reported under the variable's name. Segments are joined by `__`; list items are
 * numbered from 0; values are read as YAML (`20` is a number, `true` a boolean, `[a, b]` a
 * list; quote to keep a string). Shorter paths apply first, so a specific variable wins.
 *
 * @example
 * applyEnvOverrides(data, { HB__spec__scaling__maxReplicas: '20' });
 */
export function applyEnvOverrides(
  data: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): { data: Record<string, unknown>; overrides: EnvOverride[]; issues: EnvOverrideIssue[] } {
  const result = structuredClone(data);
  const overrides: EnvOverride[] = [];
  const issues: EnvOverrideIssue[] = [];
  const variables = Object.keys(env)
    .filter((name) => name.startsWith(ENV_PREFIX))
    .map((variable) => ({ variable, segments: variable.slice(ENV_PREFIX.length).split(SEPARATOR) }))
    .sort((a, b) => a.segments.length - b.segments.length || a.variable.localeCompare(b.variable));
  for (const { variable, segments } of variables) {
    if (segments.some((segment) => segment === '')) {
      const fix =
        'separate the fields of the path with exactly two underscores, e.g. HB__spec__scaling__maxReplicas';
      issues.push({ variable, path: [], message: 'the name has an empty field', fix });
      continue;
    }
    const resolved = resolvePath(segments);
    if ('message' in resolved) {
      issues.push({ variable, ...resolved });
      continue;
    }
    const parsed = parseValue(env[variable] ?? '');
    if ('message' in parsed)
      issues.push({ variable, path: resolved.path, message: parsed.message });
    else if (!setAt(result, resolved.path, parsed.value)) {
      issues.push({
        variable,
        path: resolved.path,
        message: 'the list index is past the end of the list',
        fix: 'number items from 0, adding at most one at the end',
      });
    } else overrides.push({ variable, path: resolved.path });
  }
  return { data: result, overrides, issues };
}
