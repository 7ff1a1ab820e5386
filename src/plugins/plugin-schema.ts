import semver from 'semver';
import { z } from 'zod';
import { formatPath } from '../config/format-path.js';
import { didYouMean } from '../config/yaml/did-you-mean.js';
import { isRecord, valueAt } from '../config/yaml/raw-data.js';

const PLUGIN_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const PROVIDER_NAME = /^[a-z][a-z0-9-]{0,62}$/;

function fn(expected: string) {
  return z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
    error: `expected ${expected}`,
  });
}

/** The fix offered for a wrong field, by its first key. */
const FIXES: Readonly<Record<string, string>> = {
  name: 'name the plugin with lower-case letters, digits and "-", e.g. name: \'faq-provider\'',
  version: "give the plugin's own version as semver, e.g. version: '1.0.0'",
  hybridBench:
    "give the hybrid-bench versions the plugin works with as a semver range, e.g. hybridBench: '^0.1.0'",
  description: 'make it a string, or leave it out',
  options:
    'give a zod schema (z.object({ … })) for the options the deployment passes, or leave it out',
  providers:
    'map each provider name to a factory: providers: { faq: (options, context) => createFaqProvider(…) }',
  tools: "give a factory: tools: (options, context) => ({ agents: ['prototype'], tools: [...] })",
  router: 'give a factory: router: (routing, options, context) => (input) => ({ path, reason })',
};

/**
 * The shape a plugin's default export must have, checked before any of it runs. Unknown
 * fields are refused, so a misspelt `provider:` is not silently ignored.
 */
export const PluginShape = z
  .strictObject({
    name: z
      .string({ error: 'expected a string' })
      .regex(PLUGIN_NAME, { error: 'expected lower-case letters, digits and "-" (at most 63)' }),
    version: z
      .string({ error: 'expected a semver version string' })
      .refine((v) => semver.valid(v) !== null, { error: 'expected a semver version (e.g. 1.0.0)' }),
    hybridBench: z
      .string({ error: 'expected a semver range string' })
      .refine((v) => semver.validRange(v) !== null, {
        error: 'expected a semver range (e.g. ^0.1.0)',
      }),
    description: z.string({ error: 'expected a string' }).optional(),
    options: z
      .custom<{ safeParse: unknown }>(
        (value) => isRecord(value) && typeof value.safeParse === 'function',
        { error: 'expected a zod schema (an object with safeParse)' },
      )
      .optional(),
    providers: z
      .record(
        z.string().regex(PROVIDER_NAME, {
          error: 'expected a provider name of lower-case letters, digits and "-"',
        }),
        fn('a function (options, context) => Provider'),
        { error: 'expected a mapping of provider names to factories' },
      )
      .optional(),
    tools: fn('a function (options, context) => { agents?, tools }').optional(),
    router: fn('a function (routing, options, context) => Router').optional(),
  })
  .refine((p) => p.providers !== undefined || p.tools !== undefined || p.router !== undefined, {
    error: 'the plugin adds nothing: expected at least one of providers, tools or router',
  });

/** A value as it would be described to the plugin's author. */
export function describeExport(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 40))})`;
  return `a ${typeof value} (${String(value)})`;
}

/** One line per problem of a default export: `path: expected …, got … (fix: …)`. */
export function describePluginIssues(
  value: unknown,
  issues: readonly z.core.$ZodIssue[],
): string[] {
  return issues.flatMap((issue) => {
    const where = formatPath(issue.path);
    const fix = FIXES[String(issue.path[0])];
    const withFix = (line: string) => (fix === undefined ? line : `${line} (fix: ${fix})`);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const near = didYouMean(key, Object.keys(FIXES));
        const hint = near === undefined ? '' : ` (fix: did you mean "${near}"?)`;
        const at = formatPath([...issue.path, key]);
        return `${at}: unknown field; a plugin has ${Object.keys(FIXES).join(', ')}${hint}`;
      });
    }
    if (issue.code === 'invalid_key') {
      const key = String(issue.path.at(-1));
      const suggestion = key.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
      return [
        `${where}: provider name ${JSON.stringify(key)} is not valid: expected lower-case letters, digits and "-", starting with a letter (fix: rename it, e.g. ${JSON.stringify(suggestion)})`,
      ];
    }
    if (issue.path.length === 0) return [issue.message];
    const got = describeExport(valueAt(value, issue.path));
    return [withFix(`${where}: ${issue.message}, got ${got}`)];
  });
}
