import { HybridBenchError } from '../../src/index.js';

/** A bad flag or flag combination: exit 2 with the message alone. */
export class UsageError extends HybridBenchError {
  constructor(message: string) {
    super('HB_USAGE', message, { isUserError: true });
  }
}
