import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';
import { type Clock, realClock } from '../clock.js';
import type { PluginEntry } from '../config/deployment/schema.js';
import { formatPath } from '../config/format-path.js';
import { parseYaml } from '../config/yaml/parse-yaml.js';
import { isRecord } from '../config/yaml/raw-data.js';
import { HybridBenchError } from '../errors.js';
import { installedVersion } from '../package-info.js';
import type { Provider } from '../providers/provider.js';
import { isPathName } from '../routing/path.js';
import { createRouter, type Router, type RoutingConfig } from '../routing/router.js';
import type { PluginContext, PluginDefinition, PluginToolSet } from './define-plugin.js';
import { PluginError, PluginErrorCodes } from './plugin-error.js';
import { describeExport, describePluginIssues, PluginShape } from './plugin-schema.js';
import { checkToolSet } from './tool-set.js';

export interface LoadPluginsOptions {
  /** Where a plugin's `context.env` reads from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
  /** The hybrid-bench version ranges are checked against; default: the installed one. */
  hybridBenchVersion?: string;
}

/** A deployment as far as plugins go: its file (modules resolve next to it) and its entries. */
export interface PluginSource {
  readonly file: string;
  readonly deployment: { readonly spec: { readonly plugins?: readonly PluginEntry[] } };
}

export interface LoadedPlugin {
  readonly name: string;
  readonly version: string;
  /** The module as the deployment names it. */
  readonly module: string;
  readonly description?: string;
  readonly providers: readonly string[];
  readonly tools: boolean;
  readonly router: boolean;
}

/** A plugin's tool set, built at load, with where it came from. */
export interface LoadedToolSet extends PluginToolSet {
  readonly agents: readonly string[];
  readonly plugin: string;
  readonly module: string;
}

/** The plugins of a deployment, checked and ready to use. */
export interface LoadedPlugins {
  readonly plugins: readonly LoadedPlugin[];
  /** Every provider name the plugins offer. */
  readonly providers: readonly string[];
  /** Builds the named provider (its factory runs now, not at load). */
  createProvider(name: string): Promise<Provider>;
  readonly toolSets: readonly LoadedToolSet[];
  /** The router factory of the plugin that replaces the router, if one does. */
  readonly createRouter?: (routing: RoutingConfig) => Router;
}

/** No plugins: what a deployment without `spec.plugins` loads. */
export const NO_PLUGINS: LoadedPlugins = Object.freeze({
  plugins: [],
  providers: [],
  createProvider: (name: string) => Promise.reject(unknownProvider(name, [])),
  toolSets: [],
});

interface Ready {
  entry: PluginEntry;
  label: string;
  plugin: PluginDefinition<unknown>;
  options: unknown;
  context: PluginContext;
}

function unknownProvider(name: string, offered: readonly string[]): PluginError {
  const list =
    offered.length === 0
      ? 'the deployment loads no plugin providers (add one under spec.plugins)'
      : `the plugins offer ${offered.join(', ')}`;
  return new PluginError(
    PluginErrorCodes.unknownProvider,
    `--provider ${name}: no plugin provider has that name; ${list}.`,
  );
}

function isPath(module: string): boolean {
  return module.startsWith('./') || module.startsWith('../') || isAbsolute(module);
}

/** `file:line:column spec.plugins[i].module` of an entry, when the file can be read. */
async function entryPlaces(file: string, count: number): Promise<string[]> {
  const fallback = Array.from({ length: count }, (_, i) => `${file} spec.plugins[${i}]`);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return fallback;
  const parsed = parseYaml(text, file);
  if (parsed.state !== 'ok') return fallback;
  return fallback.map((_, i) => {
    const path = ['spec', 'plugins', i, 'module'];
    const { line, column } = parsed.locate(path);
    return `${file}:${line}:${column} ${formatPath(path)}`;
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

let typeScriptLoader: Promise<void> | undefined;

/**
 * Imports a module; one in TypeScript that Node cannot load as it is (the CLI runs compiled, or
 * the library is used from dist/) is loaded again after registering tsx's loader, once.
 */
async function importModule(target: string): Promise<Record<string, unknown>> {
  try {
    return (await import(target)) as Record<string, unknown>;
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/^file:.*\.[cm]?ts$/.test(target)) throw error;
    typeScriptLoader ??= import('tsx/esm/api').then(({ register }) => {
      register();
    });
    await typeScriptLoader;
    // Node keeps the failed import under its URL: ask under another one, the same file.
    return (await import(`${target}?typescript`)) as Record<string, unknown>;
  }
}

async function importEntry(entry: PluginEntry, configDir: string, place: string) {
  const target = isPath(entry.module)
    ? pathToFileURL(resolve(configDir, entry.module)).href
    : entry.module;
  try {
    return await importModule(target);
  } catch (error: unknown) {
    const resolved = isPath(entry.module)
      ? ` (resolved to ${resolve(configDir, entry.module)})`
      : '';
    const fix = isPath(entry.module)
      ? `a relative module is resolved from the deployment file's folder, ${configDir}`
      : `install the package where hybrid-bench can import it (npm install ${entry.module}), or give a path starting with ./`;
    throw new PluginError(
      PluginErrorCodes.importFailed,
      `${place}: cannot import plugin ${entry.module}${resolved}: ${firstLine(error)} (fix: ${fix})`,
      { module: entry.module, cause: error },
    );
  }
}

function checkShape(value: unknown, entry: PluginEntry, place: string): PluginDefinition<unknown> {
  const declared = isRecord(value) && typeof value.name === 'string' ? ` ("${value.name}")` : '';
  const fail = (problems: string[]) => {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    return new PluginError(
      PluginErrorCodes.invalid,
      [
        `${place}: plugin ${entry.module}${declared} is not a valid plugin, ${count}:`,
        ...problems.map((p) => `  ${p}`),
      ].join('\n'),
      { module: entry.module },
    );
  };
  if (value === undefined) {
    throw fail([
      'default export: missing (fix: export default definePlugin({ name, version, hybridBench, … }))',
    ]);
  }
  if (!isRecord(value)) {
    throw fail([
      `default export: expected the object definePlugin returns, got ${describeExport(value)} (fix: export default definePlugin({ … }))`,
    ]);
  }
  const parsed = PluginShape.safeParse(value);
  if (!parsed.success) throw fail(describePluginIssues(value, parsed.error.issues));
  return value as unknown as PluginDefinition<unknown>;
}

function checkVersion(
  plugin: PluginDefinition<unknown>,
  label: string,
  place: string,
  installed: string,
): void {
  if (semver.satisfies(installed, plugin.hybridBench, { includePrerelease: true })) return;
  throw new PluginError(
    PluginErrorCodes.incompatible,
    `${place}: ${label} ${plugin.version} works with hybrid-bench ${plugin.hybridBench}, but the installed hybrid-bench is ${installed} (fix: use a version of the plugin made for hybrid-bench ${installed}, or widen its hybridBench range once it is tested with ${installed})`,
  );
}

function checkOptions(
  plugin: PluginDefinition<unknown>,
  entry: PluginEntry,
  index: number,
  label: string,
  file: string,
): unknown {
  const given = entry.options ?? {};
  if (plugin.options === undefined) return given;
  const parsed = plugin.options.safeParse(given);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (issue) =>
      `  ${formatPath(['spec', 'plugins', index, 'options', ...issue.path])}: ${issue.message}`,
  );
  throw new PluginError(
    PluginErrorCodes.optionsInvalid,
    [`${file}: the options of ${label} are not valid:`, ...lines].join('\n'),
    { module: entry.module },
  );
}

/** A factory's failure, named; a plugin's own user error keeps its message. */
function factoryFailed(label: string, what: string, error: unknown, module: string): PluginError {
  const reason = error instanceof HybridBenchError ? error.message : `threw ${firstLine(error)}`;
  return new PluginError(PluginErrorCodes.factoryFailed, `${label}: ${what} ${reason}`, {
    module,
    cause: error,
  });
}

function checkProvider(value: unknown, label: string, name: string, module: string): Provider {
  const problems = !isRecord(value)
    ? [`expected a Provider ({ id, complete }), got ${describeExport(value)}`]
    : [
        ...(typeof value.id === 'string' && value.id !== ''
          ? []
          : [`id: expected a non-empty string, got ${describeExport(value.id)}`]),
        ...(typeof value.complete === 'function'
          ? []
          : [`complete: expected a function, got ${describeExport(value.complete)}`]),
        ...(value.retryOwner === undefined ||
        value.retryOwner === 'caller' ||
        value.retryOwner === 'provider'
          ? []
          : [
              `retryOwner: expected "caller" or "provider", got ${describeExport(value.retryOwner)}`,
            ]),
      ];
  if (problems.length > 0) {
    throw new PluginError(
      PluginErrorCodes.factoryFailed,
      `${label}: provider "${name}" built something that is not a Provider: ${problems.join('; ')}`,
      { module },
    );
  }
  return value as Provider;
}

function pluginRouter(ready: Ready): (routing: RoutingConfig) => Router {
  const { plugin, options, context, label, entry } = ready;
  const factory = plugin.router;
  if (factory === undefined) throw new Error('pluginRouter needs a plugin with a router');
  return (routing) => {
    const builtIn = createRouter(routing);
    let route: unknown;
    try {
      route = factory(routing, options, { ...context, builtIn });
    } catch (error: unknown) {
      throw factoryFailed(label, 'router factory', error, entry.module);
    }
    if (typeof route !== 'function') {
      throw new PluginError(
        PluginErrorCodes.factoryFailed,
        `${label}: the router factory returned ${describeExport(route)}, expected a function (input) => { path, reason }`,
        { module: entry.module },
      );
    }
    const plugged = route as Router;
    return (input) => {
      const decision = plugged(input);
      if (isRecord(decision) && isPathName(decision.path)) return decision;
      throw new PluginError(
        PluginErrorCodes.factoryFailed,
        `${label}: its router returned ${describeExport(isRecord(decision) ? decision.path : decision)} as the path, expected simple, complex or full`,
        { module: entry.module },
      );
    };
  };
}

/**
 * Imports the plugins a deployment names under `spec.plugins`, in order, and checks each before
 * any of its code runs beyond the import: the default export's shape, its `hybridBench` range
 * against the installed version, its options, and names unique across plugins (plugin names,
 * provider names, one router at most). Tool sets are built now; providers when selected.
 *
 * @throws PluginError — the message names the deployment entry (file:line), the module, the
 * plugin's declared name, and each problem with its field path, what was expected and a fix.
 * @example
 * const loaded = await loadDeployment('config/with-plugins.yaml');
 * const plugins = await loadPlugins(loaded);
 * const provider = await plugins.createProvider('faq');
 */
export async function loadPlugins(
  source: PluginSource,
  options: LoadPluginsOptions = {},
): Promise<LoadedPlugins> {
  const entries = source.deployment.spec.plugins ?? [];
  if (entries.length === 0) return NO_PLUGINS;
  const env = options.env ?? process.env;
  const clock = options.clock ?? realClock;
  const installed = options.hybridBenchVersion ?? (await installedVersion());
  const configDir = dirname(resolve(source.file));
  const places = await entryPlaces(source.file, entries.length);
  const ready: Ready[] = [];
  const byName = new Map<string, number>();
  const providerOwner = new Map<string, Ready>();
  for (const [index, entry] of entries.entries()) {
    const place = places[index] ?? `${source.file} spec.plugins[${index}]`;
    const imported = await importEntry(entry, configDir, place);
    const plugin = checkShape(imported.default, entry, place);
    const label = `plugin "${plugin.name}" (${entry.module})`;
    const first = byName.get(plugin.name);
    if (first !== undefined) {
      throw new PluginError(
        PluginErrorCodes.duplicate,
        `${place}: ${label} has the name of spec.plugins[${first}] (${entries[first]?.module}): plugin names must be unique (fix: load each plugin once, or rename one)`,
        { module: entry.module },
      );
    }
    byName.set(plugin.name, index);
    checkVersion(plugin, label, place, installed);
    const context: PluginContext = Object.freeze({
      plugin: Object.freeze({ name: plugin.name, module: entry.module }),
      configDir,
      clock,
      env: (name: string) => env[name],
    });
    const item: Ready = {
      entry,
      label,
      plugin,
      options: checkOptions(plugin, entry, index, label, source.file),
      context,
    };
    for (const name of Object.keys(plugin.providers ?? {})) {
      const owner = providerOwner.get(name);
      if (owner !== undefined) {
        throw new PluginError(
          PluginErrorCodes.duplicate,
          `${place}: ${label} offers provider "${name}", which ${owner.label} already offers: provider names must be unique across plugins (fix: drop one of the plugins)`,
          { module: entry.module },
        );
      }
      providerOwner.set(name, item);
    }
    const router = ready.find((r) => r.plugin.router !== undefined);
    if (plugin.router !== undefined && router !== undefined) {
      throw new PluginError(
        PluginErrorCodes.duplicate,
        `${place}: ${label} replaces the router, and so does ${router.label}: only one plugin may (fix: drop one of them)`,
        { module: entry.module },
      );
    }
    ready.push(item);
  }

  const toolSets: LoadedToolSet[] = [];
  for (const item of ready) {
    if (item.plugin.tools === undefined) continue;
    let built: unknown;
    try {
      built = await item.plugin.tools(item.options, item.context);
    } catch (error: unknown) {
      throw factoryFailed(item.label, 'tools factory', error, item.entry.module);
    }
    toolSets.push({
      ...checkToolSet(built, item.label, item.entry.module),
      plugin: item.plugin.name,
      module: item.entry.module,
    });
  }

  const offered = [...providerOwner.keys()];
  const routerOwner = ready.find((r) => r.plugin.router !== undefined);
  return Object.freeze({
    plugins: ready.map(({ plugin, entry }) =>
      Object.freeze({
        name: plugin.name,
        version: plugin.version,
        module: entry.module,
        ...(plugin.description === undefined ? {} : { description: plugin.description }),
        providers: Object.keys(plugin.providers ?? {}),
        tools: plugin.tools !== undefined,
        router: plugin.router !== undefined,
      }),
    ),
    providers: offered,
    async createProvider(name: string): Promise<Provider> {
      const owner = providerOwner.get(name);
      const factory = owner?.plugin.providers?.[name];
      if (owner === undefined || factory === undefined) throw unknownProvider(name, offered);
      let built: unknown;
      try {
        built = await factory(owner.options, owner.context);
      } catch (error: unknown) {
        throw factoryFailed(owner.label, `provider "${name}"`, error, owner.entry.module);
      }
      return checkProvider(built, owner.label, name, owner.entry.module);
    },
    toolSets,
    ...(routerOwner === undefined ? {} : { createRouter: pluginRouter(routerOwner) }),
  });
}
