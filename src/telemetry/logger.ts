import { type DestinationStream, type Logger, type LoggerOptions as PinoOptions, pino } from 'pino';
import { REDACTED, scrubObject, scrubSecrets } from './scrub-secrets.js';

export type { Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface CreateLoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go. Defaults to stdout: pass a stream in tests and libraries. */
  destination?: DestinationStream;
  /** Fields on every line (e.g. `{ service: 'bridge', replica }`). */
  base?: Record<string, unknown>;
}

const SECRET_FIELDS = [
  'apiKey',
  'api_key',
  'authorization',
  'Authorization',
  'key',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'password',
  'secret',
  'clientSecret',
  'cookie',
  'x-api-key',
  'X-Api-Key',
  'proxy-authorization',
  'set-cookie',
];

function fieldPath(prefix: string, field: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(field)) return `${prefix}["${field}"]`;
  return prefix === '' ? field : `${prefix}.${field}`;
}

/**
 * The declarative first line of defence: these fields at the top level and one or two levels
 * down, and in a `headers` object up to three down. pino's paths cannot say "at any depth", so
 * {@link scrubObject} also runs on every line and catches the rest (and secrets inside strings).
 */
export const REDACT_PATHS: readonly string[] = [
  '',
  '*',
  '*.*',
  'headers',
  '*.headers',
  '*.*.headers',
].flatMap((prefix) => SECRET_FIELDS.map((field) => fieldPath(prefix, field)));

function scrubError(error: unknown): unknown {
  const serialized: unknown = pino.stdSerializers.err(error as Error);
  // The serializer's result has a prototype of its own; copy it to a plain object to scrub it.
  return typeof serialized === 'object' && serialized !== null
    ? scrubObject({ ...serialized })
    : scrubObject(serialized);
}

/**
 * A pino JSON logger that keeps secrets out: known secret fields are redacted by path, every
 * logged object is walked for secret-named keys at any depth, and messages and error text are
 * scrubbed of strings that look like keys (`sk-…`, `Bearer …`, URL passwords).
 *
 * Library code never creates one on its own: the server (or a test, with a stream) does, and
 * hands it to `createTelemetry`.
 *
 * @example
 * const logger = createLogger({ level: 'info' }); // JSON lines on stdout
 * logger.info({ model: 'gpt-4o-mini', apiKey: process.env.OPENAI_API_KEY }, 'started');
 * // {"level":30,...,"model":"gpt-4o-mini","apiKey":"[REDACTED]","msg":"started"}
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: PinoOptions = {
    level: options.level,
    base: options.base ?? null,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    serializers: { err: scrubError, error: scrubError },
    formatters: {
      log: (object) => scrubObject(object),
      bindings: (bindings) => scrubObject(bindings),
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg: unknown) =>
          typeof arg === 'string' ? scrubSecrets(arg) : arg,
        ) as Parameters<typeof method>;
        method.apply(this, scrubbed);
      },
    },
  };
  // Without a destination, pino's own default: synchronous writes to stdout, nothing lost on exit.
  return options.destination ? pino(config, options.destination) : pino(config);
}
