import { ConfigError } from '../errors.js';

/** Stable codes of {@link PluginError}; branch on these, never on the message. */
export const PluginErrorCodes = {
  /** The module is not there, or throws while it is imported. */
  importFailed: 'HB_PLUGIN_IMPORT_FAILED',
  /** The default export is missing or is not a plugin (a field missing or of the wrong type). */
  invalid: 'HB_PLUGIN_INVALID',
  /** The plugin's `hybridBench` range does not include the installed hybrid-bench. */
  incompatible: 'HB_PLUGIN_INCOMPATIBLE',
  /** Two plugins with one name, two providers with one name, or two routers. */
  duplicate: 'HB_PLUGIN_DUPLICATE',
  /** The deployment's options for the plugin do not pass its options schema. */
  optionsInvalid: 'HB_PLUGIN_OPTIONS_INVALID',
  /** A factory threw, or built something that is not what it promised. */
  factoryFailed: 'HB_PLUGIN_FACTORY_FAILED',
  /** `--backend plugin --provider <name>` names no provider of the loaded plugins. */
  unknownProvider: 'HB_PLUGIN_UNKNOWN_PROVIDER',
} as const;

export type PluginErrorCode = (typeof PluginErrorCodes)[keyof typeof PluginErrorCodes];

/** A plugin that cannot be used: the message names the module, the plugin and what to fix. */
export class PluginError extends ConfigError {
  declare readonly code: PluginErrorCode;
  /** The module as the deployment names it (`./plugins/faq/index.ts`, `hb-plugin-faq`). */
  readonly module: string | undefined;

  constructor(
    code: PluginErrorCode,
    message: string,
    options: { module?: string; cause?: unknown } = {},
  ) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.module = options.module;
  }
}
