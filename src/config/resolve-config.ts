import { ConfigError, ErrorCodes } from '../errors.js';
import { formatPath } from './format-path.js';
import { type BridgeConfig, type BridgeConfigInput, BridgeConfigSchema } from './schema.js';

/**
 * Validates a bridge config and applies defaults once. Every problem is reported together,
 * each with its field path.
 *
 * @example
 * const config = resolveConfig({ paths: { simple: { model: 'gpt-4.1-nano' } } });
 */
export function resolveConfig(
  input: BridgeConfigInput = {},
  source = 'bridge config',
): BridgeConfig {
  const parsed = BridgeConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (issue) => `  ${formatPath(issue.path) || '(root)'}: ${issue.message}`,
  );
  throw new ConfigError(
    ErrorCodes.configInvalid,
    `Invalid ${source} (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
  );
}
