import { Option } from 'commander';
import { choiceFlag, integerFlag, positiveNumberFlag } from './parse-flags.js';

/*
 * The flags every command that can start the mocks shares, defined once so their names,
 * parsing and defaults never drift apart. Descriptions may differ per command.
 */

export const LATENCY_MODELS = ['realistic', 'zero'] as const;

/** `--latency realistic|zero` (default realistic). */
export function latencyOption(description = 'mock latency'): Option {
  return new Option('--latency <model>', description)
    .argParser(choiceFlag('--latency', LATENCY_MODELS))
    .default('realistic');
}

/** `--time-scale <factor>`: multiplies the mock's modelled delays. */
export function timeScaleOption(
  description = 'multiply the mock’s modelled delays (0.1 = ten times faster)',
): Option {
  return new Option('--time-scale <factor>', description).argParser(
    positiveNumberFlag('--time-scale'),
  );
}

/** `--seed <n>` (default 42). */
export function seedOption(description = 'mock seed'): Option {
  return new Option('--seed <n>', description).argParser(integerFlag('--seed', 0)).default(42);
}

/** `--backend <name>` among `choices` (default mock). */
export function backendOption(choices: readonly string[], description = 'model backend'): Option {
  return new Option('--backend <name>', description)
    .argParser(choiceFlag('--backend', choices))
    .default('mock');
}
