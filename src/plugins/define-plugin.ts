import type { AnyTool } from '../agents/tool.js';
import type { Clock } from '../clock.js';
import type { Provider } from '../providers/provider.js';
import type { Router, RoutingConfig } from '../routing/router.js';

/** What every factory of a plugin is given besides its options. */
export interface PluginContext {
  /** The plugin as loaded: its declared name and the module it came from. */
  readonly plugin: { readonly name: string; readonly module: string };
  /** The folder of the deployment file: resolve the plugin's own files (data, prompts) against it. */
  readonly configDir: string;
  readonly clock: Clock;
  /**
   * Reads an environment variable. Keys belong in the environment: take the variable's NAME as
   * an option (`apiKeyEnv`) and read its value here, never the key itself as an option.
   */
  env(name: string): string | undefined;
}

/** Builds a provider, once, when the plugin's provider is selected as the backend. */
export type ProviderFactory<Options> = (
  options: Options,
  context: PluginContext,
) => Provider | Promise<Provider>;

/** Tools a plugin adds, and to which agents. */
export interface PluginToolSet {
  /**
   * `prototype` (the single agent of agno-only and the simple and complex paths) and/or the
   * names of team agents (the full path). Default: `['prototype']`.
   */
  readonly agents?: readonly string[];
  /** Made with `defineTool`; names must not clash with the agent's own tools. */
  readonly tools: readonly AnyTool[];
}

/** Builds the plugin's tool set, once, at start. */
export type ToolSetFactory<Options> = (
  options: Options,
  context: PluginContext,
) => PluginToolSet | Promise<PluginToolSet>;

export interface RouterContext extends PluginContext {
  /** The built-in rules router over the same routing config, to fall back on. */
  readonly builtIn: Router;
}

/**
 * Replaces the built-in rules router: takes the routing config like `createRouter` does and
 * returns a `Router`. Called for each runtime config (each A/B arm, each reload), so it must be
 * synchronous and cheap; the router it returns runs on every hybrid request.
 */
export type RouterFactory<Options> = (
  routing: RoutingConfig,
  options: Options,
  context: RouterContext,
) => Router;

/**
 * Validates a plugin's `options` from the deployment file. Any zod schema fits (`z.object(…)`);
 * its output is what the factories get.
 */
export interface OptionsSchema<Options> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Options }
    | { success: false; error: { issues: readonly OptionsIssue[] } };
}

export interface OptionsIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A hybrid-bench plugin: what its module's default export must be. */
export interface PluginDefinition<Options = Record<string, unknown>> {
  /** Unique among the plugins of a deployment: lower-case letters, digits and `-`. */
  readonly name: string;
  /** The plugin's own version (semver). */
  readonly version: string;
  /** The hybrid-bench versions it works with, as a semver range (e.g. `^0.1.0`). */
  readonly hybridBench: string;
  readonly description?: string;
  /** Checks the deployment's `options` for this plugin; absent: the factories get them as written. */
  readonly options?: OptionsSchema<Options>;
  /** Model backends by name, selected with `--backend plugin --provider <name>`. */
  readonly providers?: Readonly<Record<string, ProviderFactory<Options>>>;
  readonly tools?: ToolSetFactory<Options>;
  /** At most one plugin of a deployment may replace the router. */
  readonly router?: RouterFactory<Options>;
}

/**
 * Declares a plugin: a module's default export that adds providers, a tool set or a router
 * without changing hybrid-bench. The loader checks the shape, the `hybridBench` range against
 * the installed version, and the options against `options` before anything runs.
 *
 * @example
 * export default definePlugin({
 *   name: 'echo',
 *   version: '1.0.0',
 *   hybridBench: '^0.1.0',
 *   options: z.object({ prefix: z.string().default('echo: ') }),
 *   providers: { echo: ({ prefix }, { clock }) => createEchoProvider(prefix, clock) },
 * });
 */
export function definePlugin<Options = Record<string, unknown>>(
  definition: PluginDefinition<Options>,
): PluginDefinition<Options> {
  return Object.freeze({ ...definition });
}
