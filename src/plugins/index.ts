export { installedVersion } from '../package-info.js';
export type {
  OptionsIssue,
  OptionsSchema,
  PluginContext,
  PluginDefinition,
  PluginToolSet,
  ProviderFactory,
  RouterContext,
  RouterFactory,
  ToolSetFactory,
} from './define-plugin.js';
export { definePlugin } from './define-plugin.js';
export type {
  LoadedPlugin,
  LoadedPlugins,
  LoadedToolSet,
  LoadPluginsOptions,
  PluginSource,
} from './load-plugins.js';
export { loadPlugins, NO_PLUGINS } from './load-plugins.js';
export type { PluginErrorCode } from './plugin-error.js';
export { PluginError, PluginErrorCodes } from './plugin-error.js';
export type { ToolSetSource } from './tool-set.js';
export { PROTOTYPE_AGENT, withPluginTools } from './tool-set.js';
