/**
 * One error base for the whole runtime. Branch on `code` (stable, documented) or on the class,
 * never on message text. `isUserError` separates bad input or configuration (exit 2, fix your
 * file) from faults in the program or its environment.
 */
export class HybridBenchError extends Error {
  readonly code: string;
  readonly isUserError: boolean;

  constructor(code: string, message: string, options?: { cause?: unknown; isUserError?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.isUserError = options?.isUserError ?? false;
  }
}

/** Invalid configuration or input: the message names what is wrong and how to fix it. */
export class ConfigError extends HybridBenchError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, { ...options, isUserError: true });
  }
}

export const ErrorCodes = {
  configInvalid: 'HB_CONFIG_INVALID',
  unknownModel: 'HB_UNKNOWN_MODEL',
  priceFileInvalid: 'HB_PRICE_FILE_INVALID',
  unknownAgent: 'HB_UNKNOWN_AGENT',
  unknownProvider: 'HB_UNKNOWN_PROVIDER',
  toolDefinition: 'HB_TOOL_DEFINITION',
} as const;
